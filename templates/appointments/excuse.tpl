{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace/rendez-vous">Retour à mes rendez-vous</a></p>
<h1>Je ne pourrai pas venir</h1>
<p>Rendez-vous du <strong>{{WHEN}}</strong> avec {{PROFESSIONAL}} ({{ORGANISATION}}) : {{PURPOSE}}.</p>
<p>Votre conseiller sera prévenu par courriel et vous proposera un autre rendez-vous.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Votre message n’est pas envoyé</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/mon-espace/rendez-vous/{{ID}}/excuser" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-input-group{{#MESSAGE_ERROR}} fr-input-group--error{{/MESSAGE_ERROR}}">
    <label class="fr-label" for="message">Un mot pour votre conseiller (facultatif)<span class="fr-hint-text">Par exemple : pourquoi, et quand vous êtes disponible.</span></label>
    <textarea class="fr-input{{#MESSAGE_ERROR}} fr-input--error{{/MESSAGE_ERROR}}" id="message" name="message" rows="3"{{#MESSAGE_ERROR}} aria-describedby="message-error"{{/MESSAGE_ERROR}}>{{MESSAGE}}</textarea>
    {{#MESSAGE_ERROR}}<p class="fr-error-text" id="message-error">{{ERROR_MESSAGE}}</p>{{/MESSAGE_ERROR}}
  </div>
  <button class="fr-btn" type="submit">Prévenir que je ne viendrai pas</button>
</form>
