{{%AUTOESCAPE context="HTML"}}<div class="fr-select-group{{#ERROR}} fr-select-group--error{{/ERROR}}">
  <label class="fr-label" for="{{NAME}}">{{LABEL}}{{#HINT}}
    <span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}
  </label>
  <select class="fr-select{{#ERROR}} fr-select--error{{/ERROR}}" id="{{NAME}}" name="{{NAME}}"{{#ERROR}} aria-describedby="{{NAME}}-error"{{/ERROR}}>
    <option value="">{{EMPTY_LABEL}}</option>
    {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
  </select>
  {{#ERROR}}<p class="fr-error-text" id="{{NAME}}-error">{{MESSAGE}}</p>{{/ERROR}}
</div>
