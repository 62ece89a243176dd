{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace/engagements">Retour à mes engagements</a></p>
<h1>{{LABEL}}</h1>
<p><span class="fr-badge {{BADGE}}">{{STATUS}}</span></p>
<p>{{DATES}}.</p>
{{#SIGNATURE}}<p>{{SIGNATURE_TEXT}}</p>{{/SIGNATURE}}
<h2>Vos droits et vos engagements</h2>
<div class="parcours-pre-line fr-p-3w fr-mb-4w">{{TEXT}}</div>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Votre accord n’est pas enregistré</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#CAN_ACCEPT}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Votre accord n’est pas enregistré</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/mon-espace/engagements/{{ID}}/accepter" novalidate aria-labelledby="accord-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h2 id="accord-titre">Votre accord</h2>
  <p>Si quelque chose ne vous convient pas, parlez-en à votre référent(e) avant d’accepter : l’engagement peut être modifié.</p>
  <fieldset class="fr-fieldset{{#ACCEPT_ERROR}} fr-fieldset--error{{/ACCEPT_ERROR}}" id="accept" aria-labelledby="accept-legend{{#ACCEPT_ERROR}} accept-error{{/ACCEPT_ERROR}}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="accept-legend">Acceptation</legend>
    <div class="fr-fieldset__element">
      <div class="fr-checkbox-group">
        <input type="checkbox" id="accept-oui" name="accept" value="oui"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="accept-oui">J’ai lu et j’accepte cet engagement</label>
      </div>
    </div>
    {{#ACCEPT_ERROR}}<div class="fr-messages-group" id="accept-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/ACCEPT_ERROR}}
  </fieldset>
  <button class="fr-btn" type="submit">Accepter l’engagement</button>
</form>
{{/CAN_ACCEPT}}
