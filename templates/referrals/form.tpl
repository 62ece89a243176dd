{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{ID}}/services">Services et orientations</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Orienter</a></li>
  </ol>
</nav>
<h1>Orienter {{NAME}} vers « {{SERVICE}} »</h1>
<p>{{STRUCTURE}} — {{DESCRIPTION}}</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/personnes/{{ID}}/services/{{SERVICE_ID}}/orienter" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#SERVICE_ERROR}}<p class="fr-error-text" id="service-error">{{ERROR_MESSAGE}}</p>{{/SERVICE_ERROR}}
  <div class="fr-input-group{{#MESSAGE_ERROR}} fr-input-group--error{{/MESSAGE_ERROR}}">
    <label class="fr-label" for="message">Message au service
      <span class="fr-hint-text">Pourquoi vous orientez la personne, ce qu’elle attend du service.</span>
    </label>
    <textarea class="fr-input{{#MESSAGE_ERROR}} fr-input--error{{/MESSAGE_ERROR}}" id="message" name="message" rows="5"{{#MESSAGE_ERROR}} aria-describedby="message-error"{{/MESSAGE_ERROR}}>{{MESSAGE}}</textarea>
    {{#MESSAGE_ERROR}}<p class="fr-error-text" id="message-error">{{ERROR_MESSAGE}}</p>{{/MESSAGE_ERROR}}
  </div>
  <fieldset class="fr-fieldset{{#SHARED_ERROR}} fr-fieldset--error{{/SHARED_ERROR}}" id="shared" aria-labelledby="shared-legend{{#SHARED_ERROR}} shared-error{{/SHARED_ERROR}}">
    <legend class="fr-fieldset__legend" id="shared-legend">Informations transmises au service
      <span class="fr-hint-text">Seulement ce qui est utile au service ; il ne verra rien d’autre du dossier.</span>
    </legend>
    {{#PART}}
    <div class="fr-fieldset__element">
      <div class="fr-checkbox-group">
        <input type="checkbox" id="shared-{{VALUE}}" name="shared" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="shared-{{VALUE}}">{{LABEL}}</label>
      </div>
    </div>
    {{/PART}}
    {{#SHARED_ERROR}}<div class="fr-messages-group" id="shared-error" aria-live="assertive"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/SHARED_ERROR}}
  </fieldset>
  <fieldset class="fr-fieldset{{#CONSENT_ERROR}} fr-fieldset--error{{/CONSENT_ERROR}}" id="consent-set" aria-labelledby="consent-legend{{#CONSENT_ERROR}} consent-error{{/CONSENT_ERROR}}">
    <legend class="fr-fieldset__legend" id="consent-legend">Accord de la personne</legend>
    <div class="fr-fieldset__element">
      <div class="fr-checkbox-group">
        <input type="checkbox" id="consent" name="consent" value="1"{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}>
        <label class="fr-label" for="consent">La personne est d’accord pour être orientée vers ce service et pour que ces informations lui soient transmises</label>
      </div>
    </div>
    {{#CONSENT_ERROR}}<div class="fr-messages-group" id="consent-error" aria-live="assertive"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/CONSENT_ERROR}}
  </fieldset>
  <fieldset class="fr-fieldset{{#CONSENT_MODE_ERROR}} fr-fieldset--error{{/CONSENT_MODE_ERROR}}" id="consent_mode" aria-labelledby="consent_mode-legend{{#CONSENT_MODE_ERROR}} consent_mode-error{{/CONSENT_MODE_ERROR}}">
    <legend class="fr-fieldset__legend" id="consent_mode-legend">Comment l’accord a été recueilli</legend>
    {{#MODE}}
    <div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="consent_mode-{{VALUE}}" name="consent_mode" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="consent_mode-{{VALUE}}">{{LABEL}}</label>
      </div>
    </div>
    {{/MODE}}
    {{#CONSENT_MODE_ERROR}}<div class="fr-messages-group" id="consent_mode-error" aria-live="assertive"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/CONSENT_MODE_ERROR}}
  </fieldset>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Envoyer l’orientation</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/personnes/{{ID}}/services">Annuler</a></li>
  </ul>
</form>
