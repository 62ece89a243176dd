{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/plan">Plan d’actions</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{HEADING}}</a></li>
  </ol>
</nav>
<h1>{{HEADING}}</h1>
<p>Objectif : <strong>{{GOAL_TITLE}}</strong> ({{THEMATIQUE}}).</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">L’objectif n’est pas modifié</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/personnes/{{PERSON_ID}}/plan/objectifs/{{GOAL_ID}}/cloture" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#CLOSE}}
  <fieldset class="fr-fieldset{{#STATUS_ERROR}} fr-fieldset--error{{/STATUS_ERROR}}" id="status" aria-labelledby="status-legend{{#STATUS_ERROR}} status-error{{/STATUS_ERROR}}">
    <legend class="fr-fieldset__legend" id="status-legend">Issue de l’objectif</legend>
    {{#ISSUE}}<div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="status-{{CODE}}" name="status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="status-{{CODE}}">{{LABEL}}</label>
      </div>
    </div>{{/ISSUE}}
    {{#STATUS_ERROR}}<div class="fr-messages-group" id="status-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/STATUS_ERROR}}
  </fieldset>
  {{/CLOSE}}
  <div class="fr-input-group{{#REASON_ERROR}} fr-input-group--error{{/REASON_ERROR}}">
    <label class="fr-label" for="reason">Raison{{#CLOSE}} (facultative si l’objectif est atteint){{/CLOSE}}<span class="fr-hint-text">{{#DECLINE}}Elle sera expliquée à la personne : écrivez-la simplement.{{/DECLINE}}{{#CLOSE}}3 à 500 caractères.{{/CLOSE}}</span></label>
    <textarea class="fr-input{{#REASON_ERROR}} fr-input--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3"{{#REASON_ERROR}} aria-describedby="reason-error"{{/REASON_ERROR}}>{{REASON}}</textarea>
    {{#REASON_ERROR}}<p class="fr-error-text" id="reason-error">{{ERROR_MESSAGE}}</p>{{/REASON_ERROR}}
  </div>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">{{#DECLINE}}Ne pas retenir l’objectif{{/DECLINE}}{{#CLOSE}}Clore l’objectif{{/CLOSE}}</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/personnes/{{PERSON_ID}}/plan">Annuler</a></li>
  </ul>
</form>
