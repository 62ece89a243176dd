{{%AUTOESCAPE context="HTML"}}<h2 id="suivi">Engagements et suivi dans l’emploi</h2>
{{#CLOSED}}
<div class="fr-notice fr-notice--info fr-mb-2w">
  <div class="fr-container">
    <div class="fr-notice__body">
      <p class="fr-notice__title">Parcours clos le {{WHEN}} (motif : {{REASON}}). Il se consulte, il ne se modifie plus ; son référent peut le rouvrir.</p>
    </div>
  </div>
</div>
{{/CLOSED}}
{{#NOTHING}}<p>Aucun engagement réciproque ni aucune sortie pour l’instant.</p>{{/NOTHING}}
<ul>
  {{#COMMITMENT}}<li><a href="/engagements/{{ID}}">{{NAME}} {{DATES}}</a> <span class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</span>{{#SIGNATURE}} — {{SIGNATURE_TEXT}}{{/SIGNATURE}}</li>{{/COMMITMENT}}
  {{#OUTCOME}}<li><a href="/sorties/{{ID}}">{{KIND}} : {{TITLE}}</a>, à partir du {{START}}{{#FOLLOWUP}} — {{FOLLOWUP_TEXT}}{{/FOLLOWUP}}</li>{{/OUTCOME}}
</ul>
<p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/personnes/{{PERSON_ID}}/suivi">Engagements, sorties et clôture du parcours</a></p>
