{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/suivi">Engagements, sorties et clôture</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Enregistrer une sortie</a></li>
  </ol>
</nav>
<h1>Enregistrer une sortie</h1>
<p>Pour {{NAME}}. Après un emploi, le suivi dans l’emploi dure 6 mois par défaut : premier point deux semaines après la prise de poste, puis un point par mois.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">La sortie n’est pas enregistrée</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/personnes/{{PERSON_ID}}/sorties" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <fieldset class="fr-fieldset{{#KIND_ERROR}} fr-fieldset--error{{/KIND_ERROR}}" id="kind" aria-labelledby="kind-legend{{#KIND_ERROR}} kind-error{{/KIND_ERROR}}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="kind-legend">Type de sortie</legend>
    {{#KIND_OPTION}}
    <div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-radio-group">
        <input type="radio" id="kind-{{CODE}}" name="kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="kind-{{CODE}}">{{LABEL}}</label>
      </div>
    </div>
    {{/KIND_OPTION}}
    {{#KIND_ERROR}}<div class="fr-messages-group" id="kind-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/KIND_ERROR}}
  </fieldset>
  {{>TITLE_FIELD}}
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-6">
      <div class="fr-select-group{{#CONTRACT_ERROR}} fr-select-group--error{{/CONTRACT_ERROR}}">
        <label class="fr-label" for="contract">Type de contrat<span class="fr-hint-text">Pour un emploi</span></label>
        <select class="fr-select{{#CONTRACT_ERROR}} fr-select--error{{/CONTRACT_ERROR}}" id="contract" name="contract"{{#CONTRACT_ERROR}} aria-describedby="contract-error"{{/CONTRACT_ERROR}}>
          <option value="">Choisir un type de contrat</option>
          {{#CONTRACT_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CONTRACT_OPTION}}
        </select>
        {{#CONTRACT_ERROR}}<p class="fr-error-text" id="contract-error">{{ERROR_MESSAGE}}</p>{{/CONTRACT_ERROR}}
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-6">{{>HOURS_FIELD}}</div>
    <div class="fr-col-12 fr-col-md-6">{{>START_FIELD}}</div>
    <div class="fr-col-12 fr-col-md-6">{{>END_FIELD}}</div>
  </div>
  <h2 class="fr-h5">Employeur</h2>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-6">{{>EMPLOYER_FIELD}}</div>
    <div class="fr-col-12 fr-col-md-6">{{>SIRET_FIELD}}</div>
    <div class="fr-col-12 fr-col-md-4">{{>CONTACT_NAME_FIELD}}</div>
    <div class="fr-col-12 fr-col-md-4">{{>CONTACT_PHONE_FIELD}}</div>
    <div class="fr-col-12 fr-col-md-4">{{>CONTACT_EMAIL_FIELD}}</div>
  </div>
  {{>FOLLOWUP_FIELD}}
  <button class="fr-btn" type="submit">Enregistrer la sortie</button>
</form>
