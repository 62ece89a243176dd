{{%AUTOESCAPE context="HTML"}}<div class="fr-input-group{{#ERROR}} fr-input-group--error{{/ERROR}}">
  <label class="fr-label" for="{{NAME}}">{{LABEL}}{{#HINT}}
    <span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}
  </label>
  {{#MULTILINE}}<textarea class="fr-input{{#ERROR}} fr-input--error{{/ERROR}}" id="{{NAME}}" name="{{NAME}}" rows="{{ROWS}}"{{#ERROR}} aria-describedby="{{NAME}}-error"{{/ERROR}}>{{VALUE}}</textarea>{{/MULTILINE}}{{#SINGLE}}<input class="fr-input{{#ERROR}} fr-input--error{{/ERROR}}" type="{{TYPE}}" id="{{NAME}}" name="{{NAME}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}"{{#INPUTMODE}} inputmode="{{INPUTMODE_VALUE}}"{{/INPUTMODE}}{{#ERROR}} aria-describedby="{{NAME}}-error"{{/ERROR}}>{{/SINGLE}}
  {{#ERROR}}<p class="fr-error-text" id="{{NAME}}-error">{{MESSAGE}}</p>{{/ERROR}}
</div>
