{{%AUTOESCAPE context="HTML"}}<h1>Orientation vers votre service « {{SERVICE}} »</h1>
<p>{{SENDER}} ({{SENDER_ORGANISATION}}) vous oriente une personne grâce à Parcours. Contact : <a href="mailto:{{SENDER_EMAIL}}">{{SENDER_EMAIL}}</a>.</p>
<p>Statut : <span class="fr-badge {{BADGE}}">{{STATUS}}</span></p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Votre réponse n’a pas été enregistrée</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#USED}}<p>Vous avez déjà répondu avec ce lien. Pour toute question, écrivez à la personne qui a orienté.</p>{{/USED}}
{{#EXPIRED}}<p>Ce lien a expiré : il est valable 8 jours. Un nouveau lien vous sera envoyé avec le prochain rappel ; vous pouvez aussi écrire à la personne qui a orienté.</p>{{/EXPIRED}}
{{#OPEN}}
<p>Envoyée le {{SENT}}. Accord de la personne recueilli : {{CONSENT_MODE}}.</p>
<h2>Message</h2>
<p>{{MESSAGE}}</p>
<h2>Informations transmises</h2>
<p class="fr-text--sm">Ne les utilisez que pour cette orientation. Chaque consultation est enregistrée et visible par la personne.</p>
{{#SHARED_PART}}
<h3>{{TITLE}}</h3>
<dl>{{#ROW}}<dt class="fr-text--bold">{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/ROW}}</dl>
{{/SHARED_PART}}
{{#ALREADY}}<p>Cette orientation a déjà une réponse.</p>{{/ALREADY}}
{{#ANSWER}}
<section aria-labelledby="repondre">
  <h2 id="repondre">Votre réponse</h2>
  <form method="post" action="/orientation-recue/{{TOKEN}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <fieldset class="fr-fieldset{{#DECISION_ERROR}} fr-fieldset--error{{/DECISION_ERROR}}" id="decision" aria-labelledby="decision-legend{{#DECISION_ERROR}} decision-error{{/DECISION_ERROR}}">
      <legend class="fr-fieldset__legend" id="decision-legend">Acceptez-vous cette orientation ?</legend>
      <div class="fr-fieldset__element"><div class="fr-radio-group">
        <input type="radio" id="decision-accept" name="decision" value="accept">
        <label class="fr-label" for="decision-accept">J’accepte : nous recevrons la personne</label>
      </div></div>
      <div class="fr-fieldset__element"><div class="fr-radio-group">
        <input type="radio" id="decision-refuse" name="decision" value="refuse">
        <label class="fr-label" for="decision-refuse">Je refuse (indiquez pourquoi)</label>
      </div></div>
      {{#DECISION_ERROR}}<div class="fr-messages-group" id="decision-error" aria-live="assertive"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/DECISION_ERROR}}
    </fieldset>
    <div class="fr-input-group{{#REASON_ERROR}} fr-input-group--error{{/REASON_ERROR}}">
      <label class="fr-label" for="reason">Motif du refus</label>
      <textarea class="fr-input{{#REASON_ERROR}} fr-input--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3"{{#REASON_ERROR}} aria-describedby="reason-error"{{/REASON_ERROR}}>{{REASON}}</textarea>
      {{#REASON_ERROR}}<p class="fr-error-text" id="reason-error">{{ERROR_MESSAGE}}</p>{{/REASON_ERROR}}
    </div>
    <button class="fr-btn" type="submit">Envoyer ma réponse</button>
  </form>
</section>
{{/ANSWER}}
{{/OPEN}}
