{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Demander un autre référent</h1>
{{#NO_REFERENT}}
<p>Vous n’avez pas encore de référent(e). Quand vous en aurez un(e), vous pourrez demander à en changer ici.</p>
{{/NO_REFERENT}}
{{#FORM}}
<p>Votre référent(e) coordonne votre accompagnement. Si cela ne se passe pas bien, vous pouvez
  demander à en changer. Votre équipe reçoit votre demande et vous recontacte.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Votre demande n’est pas envoyée</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/mon-espace/changer-de-referent" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#SINGLE}}
  <input type="hidden" name="journey_id" value="{{JOURNEY_ID}}">
  <p>Votre référent(e) aujourd’hui : <strong>{{REFERENT}}</strong> ({{ORGANISATION}}).</p>
  {{/SINGLE}}
  {{#SEVERAL}}
  <fieldset class="fr-fieldset{{#JOURNEY_ID_ERROR}} fr-fieldset--error{{/JOURNEY_ID_ERROR}}" id="journey_id" aria-labelledby="journey-legend{{#JOURNEY_ID_ERROR}} journey_id-error{{/JOURNEY_ID_ERROR}}">
    <legend class="fr-fieldset__legend" id="journey-legend">Pour quel parcours ?</legend>
    {{#JOURNEY}}
    <div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="journey-{{ID}}" name="journey_id" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="journey-{{ID}}">{{TERRITORY}} — {{REFERENT}} ({{ORGANISATION}})</label>
      </div>
    </div>
    {{/JOURNEY}}
    {{#JOURNEY_ID_ERROR}}<div class="fr-messages-group" id="journey_id-error" aria-live="assertive"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/JOURNEY_ID_ERROR}}
  </fieldset>
  {{/SEVERAL}}
  <div class="fr-input-group{{#REASON_ERROR}} fr-input-group--error{{/REASON_ERROR}}">
    <label class="fr-label" for="reason">Pourquoi souhaitez-vous changer ?
      <span class="fr-hint-text">Avec vos mots. Votre équipe lira ce message. 1 000 caractères au plus.</span>
    </label>
    <textarea class="fr-input{{#REASON_ERROR}} fr-input--error{{/REASON_ERROR}}" id="reason" name="reason" rows="5"{{#REASON_ERROR}} aria-describedby="reason-error"{{/REASON_ERROR}}>{{REASON}}</textarea>
    {{#REASON_ERROR}}<p class="fr-error-text" id="reason-error">{{ERROR_MESSAGE}}</p>{{/REASON_ERROR}}
  </div>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Envoyer ma demande</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/mon-espace">Annuler</a></li>
  </ul>
</form>
{{/FORM}}
{{#HAS_REQUESTS}}
<h2 class="fr-mt-6w">Mes demandes précédentes</h2>
<ul>
  {{#REQUEST}}<li>{{WHEN}} : « {{REASON}} »</li>{{/REQUEST}}
</ul>
{{/HAS_REQUESTS}}
