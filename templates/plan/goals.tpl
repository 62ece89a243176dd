{{%AUTOESCAPE context="HTML"}}{{#NO_GOALS}}<p>Aucun objectif pour l’instant.</p>{{/NO_GOALS}}
{{#GOAL}}
<section class="parcours-plan-goal fr-mb-4w" id="objectif-{{GOAL_ID}}" aria-labelledby="objectif-{{GOAL_ID}}-titre">
  <h3 class="fr-h5 fr-mb-1w" id="objectif-{{GOAL_ID}}-titre">{{TITLE}}</h3>
  <ul class="fr-badges-group fr-mb-1w">
    <li><p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</p></li>
    <li><p class="fr-badge fr-badge--sm fr-badge--no-icon">{{THEMATIQUE}}</p></li>
  </ul>
  {{#TARGET}}<p class="fr-text--sm fr-mb-1w">À atteindre pour le {{TARGET_DATE}}.</p>{{/TARGET}}
  {{#CARRIER}}<p class="fr-text--sm fr-mb-1w">Porté par {{CARRIER_NAME}}.</p>{{/CARRIER}}
  {{#OBSTACLE}}<p class="fr-text--sm fr-mb-1w">Répond au frein « {{OBSTACLE_LABEL}} » relevé au diagnostic.</p>{{/OBSTACLE}}
  {{#REASON}}<p class="fr-text--sm fr-mb-1w">Raison : {{REASON_TEXT}}</p>{{/REASON}}
  {{>ACTIONS}}
  {{#TEAM_CONTROLS}}<div class="parcours-no-print">
    {{#CAN_VALIDATE}}<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
      <li><form method="post" action="/personnes/{{PERSON_ID}}/plan/objectifs/{{GOAL_ID}}/valider">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <button class="fr-btn fr-btn--sm" type="submit">Valider l’objectif<span class="fr-sr-only"> « {{TITLE}} »</span></button>
      </form></li>
      <li><a class="fr-btn fr-btn--sm fr-btn--secondary" href="/personnes/{{PERSON_ID}}/plan/objectifs/{{GOAL_ID}}/cloture">Ne pas retenir<span class="fr-sr-only"> l’objectif « {{TITLE}} »</span></a></li>
    </ul>{{/CAN_VALIDATE}}
    {{#WAITING}}<p class="fr-text--sm">Proposé par la personne : le ou la référente le valide.</p>{{/WAITING}}
    {{#ACTIVE}}<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
      <li><a class="fr-btn fr-btn--sm fr-btn--secondary" href="/personnes/{{PERSON_ID}}/plan/actions/nouvelle?objectif={{GOAL_ID}}">Ajouter une action<span class="fr-sr-only"> à l’objectif « {{TITLE}} »</span></a></li>
      <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href="/personnes/{{PERSON_ID}}/plan/objectifs/{{GOAL_ID}}/modifier">Modifier<span class="fr-sr-only"> l’objectif « {{TITLE}} »</span></a></li>
      <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href="/personnes/{{PERSON_ID}}/plan/objectifs/{{GOAL_ID}}/cloture">Clore<span class="fr-sr-only"> l’objectif « {{TITLE}} »</span></a></li>
    </ul>{{/ACTIVE}}
    {{#CAN_REOPEN}}<form method="post" action="/personnes/{{PERSON_ID}}/plan/objectifs/{{GOAL_ID}}/rouvrir">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">Rouvrir l’objectif<span class="fr-sr-only"> « {{TITLE}} »</span></button>
    </form>{{/CAN_REOPEN}}
  </div>{{/TEAM_CONTROLS}}
</section>
{{/GOAL}}
{{#OTHERS}}
<section class="parcours-plan-goal fr-mb-4w" id="autres-actions" aria-labelledby="autres-actions-titre">
  <h3 class="fr-h5 fr-mb-1w" id="autres-actions-titre">Autres actions</h3>
  {{>ACTIONS}}
</section>
{{/OTHERS}}
