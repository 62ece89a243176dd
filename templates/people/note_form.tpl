{{%AUTOESCAPE context="HTML"}}<form method="post" action="/personnes/{{PERSON_ID}}/notes" class="fr-mb-4w" novalidate aria-labelledby="note-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#CORRECTS}}<input type="hidden" name="corrects_id" value="{{CORRECTS_ID}}">{{/CORRECTS}}
  <h3 id="note-titre" class="fr-h6">{{FORM_TITLE}}</h3>
  <div class="fr-input-group{{#BODY_ERROR}} fr-input-group--error{{/BODY_ERROR}}">
    <label class="fr-label" for="body">Texte de la note</label>
    <textarea class="fr-input{{#BODY_ERROR}} fr-input--error{{/BODY_ERROR}}" id="body" name="body" rows="4"{{#BODY_ERROR}} aria-describedby="body-error"{{/BODY_ERROR}}>{{BODY}}</textarea>
    {{#BODY_ERROR}}<p class="fr-error-text" id="body-error">{{ERROR_MESSAGE}}</p>{{/BODY_ERROR}}
  </div>
  <fieldset class="fr-fieldset{{#VISIBILITY_ERROR}} fr-fieldset--error{{/VISIBILITY_ERROR}}" id="visibility" aria-labelledby="visibility-legend{{#VISIBILITY_ERROR}} visibility-error{{/VISIBILITY_ERROR}}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="visibility-legend">Qui peut lire cette note ?</legend>
    {{#VISIBILITY_OPTION}}
    <div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="visibility-{{CODE}}" name="visibility" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="visibility-{{CODE}}">{{LABEL}}{{#HINT}}<span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}</label>
      </div>
    </div>
    {{/VISIBILITY_OPTION}}
    {{#VISIBILITY_ERROR}}<div class="fr-messages-group" id="visibility-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/VISIBILITY_ERROR}}
  </fieldset>
  <button class="fr-btn" type="submit">{{SUBMIT}}</button>
</form>
