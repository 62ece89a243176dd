{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/suivi">Engagements, sorties et clôture</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{KIND}}</a></li>
  </ol>
</nav>
<h1>{{KIND}} : {{TITLE}}</h1>
<p>{{NAME}}</p>
<dl class="parcours-details">
  {{#ROW}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/ROW}}
</dl>
{{#FOLLOWUP}}
<h2 id="suivi-emploi">Suivi dans l’emploi</h2>
{{#ENDED}}<p>Le suivi dans l’emploi s’est terminé le {{UNTIL}}.</p>{{/ENDED}}
{{#NEXT}}<p>Suivi jusqu’au {{UNTIL}}. Prochain point attendu le {{NEXT_ON}}{{#LATE}} <span class="fr-badge fr-badge--sm fr-badge--error">En retard</span>{{/LATE}}{{#DUE}} <span class="fr-badge fr-badge--sm fr-badge--warning">À faire</span>{{/DUE}}.</p>{{/NEXT}}
<h3>Points de suivi</h3>
{{#NO_CHECKIN}}<p>Aucun point pour l’instant.</p>{{/NO_CHECKIN}}
<ul>
  {{#CHECKIN}}<li class="fr-mb-2w"><strong>{{DATE}} — {{WITH}}</strong>{{#AUTHOR}}, par {{AUTHOR}}{{/AUTHOR}}<br><span class="parcours-pre-line">{{NOTE}}</span></li>{{/CHECKIN}}
</ul>
{{#CAN_CHECKIN}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h3 class="fr-alert__title">Le point n’est pas enregistré</h3>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/sorties/{{ID}}/points" novalidate aria-labelledby="point-titre" class="fr-mb-4w">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h3 id="point-titre" class="fr-h6">Noter un point de suivi</h3>
  {{>DATE_FIELD}}
  <fieldset class="fr-fieldset{{#WITH_WHOM_ERROR}} fr-fieldset--error{{/WITH_WHOM_ERROR}}" id="with_whom" aria-labelledby="with-legend{{#WITH_WHOM_ERROR}} with_whom-error{{/WITH_WHOM_ERROR}}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="with-legend">Avec qui ?</legend>
    {{#WITH_OPTION}}
    <div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-radio-group">
        <input type="radio" id="with-{{CODE}}" name="with_whom" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="with-{{CODE}}">{{LABEL}}</label>
      </div>
    </div>
    {{/WITH_OPTION}}
    {{#WITH_WHOM_ERROR}}<div class="fr-messages-group" id="with_whom-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/WITH_WHOM_ERROR}}
  </fieldset>
  {{>NOTE_FIELD}}
  <button class="fr-btn" type="submit">Enregistrer le point</button>
</form>
{{/CAN_CHECKIN}}
{{#CAN_END}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h3 class="fr-alert__title">La fin du suivi n’est pas changée</h3>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/sorties/{{ID}}/fin-du-suivi" novalidate aria-labelledby="fin-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h3 id="fin-titre" class="fr-h6">Changer la fin du suivi</h3>
  {{>UNTIL_FIELD}}
  <button class="fr-btn fr-btn--secondary" type="submit">Enregistrer la fin du suivi</button>
</form>
{{/CAN_END}}
{{/FOLLOWUP}}
