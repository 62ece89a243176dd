{{%AUTOESCAPE context="HTML"}}<h2 id="plan">Plan d’actions</h2>
{{#NONE}}<p>Pas encore de plan d’actions.</p>{{/NONE}}
{{>NOTICES}}
{{#HAS_PLAN}}{{>GOALS}}{{/HAS_PLAN}}
{{#HAS_NEXT_REVIEW}}<p>Prochain point d’étape : {{NEXT_REVIEW}}.</p>{{/HAS_NEXT_REVIEW}}
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
  {{#CAN_EDIT}}<li><a class="fr-btn fr-btn--sm fr-icon-edit-line" href="/personnes/{{PERSON_ID}}/plan">Construire le plan d’actions</a></li>{{/CAN_EDIT}}
  {{#READ_ONLY}}<li><a class="fr-btn fr-btn--sm fr-btn--secondary fr-icon-eye-line" href="/personnes/{{PERSON_ID}}/plan">Voir le plan d’actions</a></li>{{/READ_ONLY}}
  <li><a class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-printer-line" href="/personnes/{{PERSON_ID}}/plan/imprimer">Version imprimable du plan</a></li>
</ul>
