{{%AUTOESCAPE context="HTML"}}<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Mon plan d’actions</h1>
<p>Votre plan rassemble vos objectifs et les actions pour les atteindre, construits avec votre conseiller. Quand vous avez fait une action dont vous vous occupez, dites-le ici.</p>
{{#NO_JOURNEY}}<p>Vous n’avez pas d’accompagnement en cours, donc pas de plan d’actions.</p>{{/NO_JOURNEY}}
{{#JOURNEY}}
{{#SEVERAL}}<h2 class="fr-h4">Accompagnement — {{TERRITORY}}</h2>{{/SEVERAL}}
{{>NOTICES}}
{{#HAS_NEXT_REVIEW}}<p>Prochain point sur votre plan avec votre conseiller : <strong>{{NEXT_REVIEW}}</strong>.</p>{{/HAS_NEXT_REVIEW}}
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
  {{#CAN_PROPOSE}}<li><a class="fr-btn fr-icon-add-line" href="/mon-espace/plan/proposer?parcours={{JOURNEY_ID}}">Proposer un objectif</a></li>{{/CAN_PROPOSE}}
  <li><a class="fr-btn fr-btn--secondary fr-icon-printer-line" href="/mon-espace/plan/imprimer">Imprimer mon plan</a></li>
</ul>
<h2>Mes objectifs</h2>
{{>GOALS}}
{{/JOURNEY}}
