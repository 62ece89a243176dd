{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Engagements, sorties et clôture</a></li>
  </ol>
</nav>
<h1>Engagements, sorties et clôture — {{NAME}}</h1>
{{#CLOSED}}
<div class="fr-notice fr-notice--info fr-mb-3w">
  <div class="fr-container">
    <div class="fr-notice__body">
      <p class="fr-notice__title">Parcours clos le {{WHEN}} (motif : {{REASON}}). Il se consulte, il ne se modifie plus.</p>
    </div>
  </div>
</div>
{{/CLOSED}}

<h2 id="engagements">Engagements réciproques</h2>
{{#NO_COMMITMENT}}<p>Aucun engagement pour l’instant.</p>{{/NO_COMMITMENT}}
<ul>
  {{#COMMITMENT}}<li class="fr-mb-1w"><a href="/engagements/{{ID}}">{{KIND_LABEL}}</a> {{DATES}} <span class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</span>{{#SIGNATURE}} — {{SIGNATURE_TEXT}}{{/SIGNATURE}}</li>{{/COMMITMENT}}
</ul>
{{#CAN_COMMIT}}<p><a class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" href="/personnes/{{PERSON_ID}}/engagements/nouveau">Proposer un engagement</a></p>{{/CAN_COMMIT}}

<h2 id="sorties">Sorties et suivi dans l’emploi</h2>
{{#NO_OUTCOME}}<p>Aucune sortie enregistrée.</p>{{/NO_OUTCOME}}
<ul>
  {{#OUTCOME}}<li class="fr-mb-1w"><a href="/sorties/{{ID}}">{{KIND}} : {{TITLE}}</a>{{#EMPLOYER}}, {{EMPLOYER_NAME}}{{/EMPLOYER}}{{#CONTRACT}} ({{CONTRACT_LABEL}}){{/CONTRACT}}, à partir du {{START}}{{#FOLLOWUP}}<br><span class="fr-text--sm">{{FOLLOWUP_TEXT}}</span>{{/FOLLOWUP}}</li>{{/OUTCOME}}
</ul>
{{#CAN_RECORD}}<p><a class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" href="/personnes/{{PERSON_ID}}/sorties/nouvelle">Enregistrer une sortie</a></p>{{/CAN_RECORD}}

<h2 id="cloture">Clôture du parcours</h2>
{{#CLOSE_BY_REFERENT}}<p>Le référent du parcours peut le clore.</p>{{/CLOSE_BY_REFERENT}}
{{#CAN_CLOSE}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h3 class="fr-alert__title">Le parcours n’est pas clos</h3>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/personnes/{{PERSON_ID}}/cloture" novalidate aria-labelledby="cloture-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h3 id="cloture-titre" class="fr-h6">Clore le parcours</h3>
  <p class="fr-text--sm">Les rendez-vous à venir seront annulés. Le parcours restera consultable et pourra être rouvert.</p>
  <fieldset class="fr-fieldset{{#REASON_ERROR}} fr-fieldset--error{{/REASON_ERROR}}" id="reason" aria-labelledby="reason-legend{{#REASON_ERROR}} reason-error{{/REASON_ERROR}}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="reason-legend">Motif de clôture</legend>
    {{#REASON_OPTION}}
    <div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="reason-{{CODE}}" name="reason" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="reason-{{CODE}}">{{LABEL}}</label>
      </div>
    </div>
    {{/REASON_OPTION}}
    {{#REASON_ERROR}}<div class="fr-messages-group" id="reason-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/REASON_ERROR}}
  </fieldset>
  {{>DETAIL_FIELD}}
  <button class="fr-btn" type="submit">Clore le parcours</button>
</form>
{{/CAN_CLOSE}}
{{#CAN_REOPEN}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h3 class="fr-alert__title">Le parcours n’est pas rouvert</h3>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/personnes/{{PERSON_ID}}/reouverture" novalidate aria-labelledby="reouverture-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h3 id="reouverture-titre" class="fr-h6">Rouvrir le parcours</h3>
  {{>REOPEN_FIELD}}
  <button class="fr-btn" type="submit">Rouvrir le parcours</button>
</form>
{{/CAN_REOPEN}}
{{#CLOSURE}}
<div class="fr-mt-3w">
  <p class="fr-mb-1v"><strong>Clos le {{WHEN}}</strong> par {{BY}} — motif : {{REASON}}{{#DETAIL}} ({{DETAIL_TEXT}}){{/DETAIL}}</p>
  {{#REOPENED}}<p class="fr-mb-1v">Rouvert le {{REOPENED_WHEN}} par {{REOPENED_BY}} : {{REOPEN_REASON}}</p>{{/REOPENED}}
</div>
{{/CLOSURE}}
