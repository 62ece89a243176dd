{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/agenda">Agenda</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Rendez-vous</a></li>
  </ol>
</nav>
<h1>Rendez-vous du {{WHEN}}</h1>
<p><span class="fr-badge {{BADGE}}">{{STATUS}}</span></p>
<dl class="parcours-details">
  <dt>Personne</dt><dd><a href="/personnes/{{PERSON_ID}}#rendez-vous">{{PERSON}}</a></dd>
  <dt>Avec</dt><dd>{{PROFESSIONAL}} ({{ORGANISATION}})</dd>
  <dt>Durée</dt><dd>{{DURATION}} minutes</dd>
  <dt>{{PLACE_KIND}}</dt><dd>{{PLACE}}</dd>
  <dt>Objet</dt><dd>{{PURPOSE}}</dd>
  {{#MESSAGE}}<dt>Message</dt><dd>{{TEXT}}</dd>{{/MESSAGE}}
</dl>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le statut n’est pas modifié</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#CAN_SET}}
<form method="post" action="/rendez-vous/{{ID}}/statut" novalidate aria-labelledby="statut-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h2 id="statut-titre" class="fr-h5">Indiquer le statut</h2>
  <fieldset class="fr-fieldset{{#STATUS_ERROR}} fr-fieldset--error{{/STATUS_ERROR}}" id="status" aria-labelledby="status-legend{{#STATUS_ERROR}} status-error{{/STATUS_ERROR}}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="status-legend">Le rendez-vous</legend>
    {{#STATUS_OPTION}}
    <div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="status-{{CODE}}" name="status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="status-{{CODE}}">{{LABEL}}</label>
      </div>
    </div>
    {{/STATUS_OPTION}}
    {{#STATUS_ERROR}}<div class="fr-messages-group" id="status-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/STATUS_ERROR}}
  </fieldset>
  <div class="fr-input-group{{#MESSAGE_ERROR}} fr-input-group--error{{/MESSAGE_ERROR}}">
    <label class="fr-label" for="message">Précision (facultatif)</label>
    <textarea class="fr-input{{#MESSAGE_ERROR}} fr-input--error{{/MESSAGE_ERROR}}" id="message" name="message" rows="2"{{#MESSAGE_ERROR}} aria-describedby="message-error"{{/MESSAGE_ERROR}}>{{TYPED_MESSAGE}}</textarea>
    {{#MESSAGE_ERROR}}<p class="fr-error-text" id="message-error">{{ERROR_MESSAGE}}</p>{{/MESSAGE_ERROR}}
  </div>
  <button class="fr-btn" type="submit">Enregistrer le statut</button>
</form>
{{/CAN_SET}}
