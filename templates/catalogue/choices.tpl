{{%AUTOESCAPE context="HTML"}}<fieldset class="fr-fieldset{{#ERROR}} fr-fieldset--error{{/ERROR}}" id="{{NAME}}" aria-labelledby="{{NAME}}-legend{{#ERROR}} {{NAME}}-error{{/ERROR}}">
  <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="{{NAME}}-legend">{{LEGEND}}{{#HINT}}
    <span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}
  </legend>
  {{#OPTION}}
  <div class="fr-fieldset__element{{#INLINE}} fr-fieldset__element--inline{{/INLINE}}">
    <div class="{{#RADIO}}fr-radio-group{{/RADIO}}{{#CHECKBOX}}fr-checkbox-group{{/CHECKBOX}}">
      <input type="{{#RADIO}}radio{{/RADIO}}{{#CHECKBOX}}checkbox{{/CHECKBOX}}" id="{{ID}}" name="{{FIELD}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
      <label class="fr-label" for="{{ID}}">{{LABEL}}{{#DESCRIPTION}}
        <span class="fr-hint-text">{{DESCRIPTION_TEXT}}</span>{{/DESCRIPTION}}
      </label>
    </div>
  </div>
  {{/OPTION}}
  {{#ERROR}}<div class="fr-messages-group" id="{{NAME}}-error" aria-live="polite">
    <p class="fr-message fr-message--error">{{MESSAGE}}</p>
  </div>{{/ERROR}}
</fieldset>
