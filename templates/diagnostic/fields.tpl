{{%AUTOESCAPE context="HTML"}}{{#FORM_SECTION}}
<fieldset class="fr-fieldset fr-mb-4w" id="{{SECTION_ID}}" aria-labelledby="{{SECTION_ID}}-legend">
  <legend class="fr-fieldset__legend" id="{{SECTION_ID}}-legend"><h2 class="fr-h4 fr-mb-0">{{SECTION_TITLE}}</h2></legend>
  {{#QUESTION}}
  <div class="fr-fieldset__element">
    {{#PERSON_WORDS}}<p class="fr-text--sm fr-mb-1w"><span class="fr-text--bold">Selon la personne :</span> {{PERSON_ANSWER}}</p>{{/PERSON_WORDS}}
    {{#INPUT}}
    <div class="fr-input-group{{#ERROR}} fr-input-group--error{{/ERROR}}">
      <label class="fr-label" for="{{ID}}">{{LABEL}}{{#HINT}}<span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}</label>
      <input class="fr-input{{#ERROR}} fr-input--error{{/ERROR}}" type="text" inputmode="{{INPUT_MODE}}" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#ERROR}} aria-describedby="{{ERROR_ID}}"{{/ERROR}}>
      {{#ERROR}}<p class="fr-error-text" id="{{ERROR_ID}}">{{ERROR_MESSAGE}}</p>{{/ERROR}}
    </div>
    {{/INPUT}}
    {{#TEXTAREA}}
    <div class="fr-input-group{{#ERROR}} fr-input-group--error{{/ERROR}}">
      <label class="fr-label" for="{{ID}}">{{LABEL}}{{#HINT}}<span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}</label>
      <textarea class="fr-input{{#ERROR}} fr-input--error{{/ERROR}}" id="{{ID}}" name="{{NAME}}" rows="3"{{#ERROR}} aria-describedby="{{ERROR_ID}}"{{/ERROR}}>{{VALUE}}</textarea>
      {{#ERROR}}<p class="fr-error-text" id="{{ERROR_ID}}">{{ERROR_MESSAGE}}</p>{{/ERROR}}
    </div>
    {{/TEXTAREA}}
    {{#SELECT}}
    <div class="fr-select-group{{#ERROR}} fr-select-group--error{{/ERROR}}">
      <label class="fr-label" for="{{ID}}">{{LABEL}}{{#HINT}}<span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}</label>
      <select class="fr-select{{#ERROR}} fr-select--error{{/ERROR}}" id="{{ID}}" name="{{NAME}}"{{#ERROR}} aria-describedby="{{ERROR_ID}}"{{/ERROR}}>
        <option value="">Non renseigné</option>
        {{#OPTION}}<option value="{{VALUE}}"{{#CHECKED}} selected{{/CHECKED}}>{{LABEL}}</option>{{/OPTION}}
      </select>
      {{#ERROR}}<p class="fr-error-text" id="{{ERROR_ID}}">{{ERROR_MESSAGE}}</p>{{/ERROR}}
    </div>
    {{/SELECT}}
    {{#RADIOS}}
    <fieldset class="fr-fieldset{{#ERROR}} fr-fieldset--error{{/ERROR}}" id="{{ID}}" aria-labelledby="{{ID}}-legend{{#ERROR}} {{ERROR_ID}}{{/ERROR}}">
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="{{ID}}-legend">{{LABEL}}{{#HINT}}<span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}</legend>
      {{#OPTION}}
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class="fr-radio-group">
          <input type="radio" id="{{OPTION_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
          <label class="fr-label" for="{{OPTION_ID}}">{{LABEL}}</label>
        </div>
      </div>
      {{/OPTION}}
      {{#ERROR}}<div class="fr-messages-group" id="{{ERROR_ID}}"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/ERROR}}
    </fieldset>
    {{/RADIOS}}
    {{#CHECKBOXES}}
    <fieldset class="fr-fieldset{{#ERROR}} fr-fieldset--error{{/ERROR}}" id="{{ID}}" aria-labelledby="{{ID}}-legend{{#ERROR}} {{ERROR_ID}}{{/ERROR}}">
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="{{ID}}-legend">{{LABEL}}{{#HINT}}<span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}</legend>
      {{#OPTION}}
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class="fr-checkbox-group">
          <input type="checkbox" id="{{OPTION_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
          <label class="fr-label" for="{{OPTION_ID}}">{{LABEL}}</label>
        </div>
      </div>
      {{/OPTION}}
      {{#ERROR}}<div class="fr-messages-group" id="{{ERROR_ID}}"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/ERROR}}
    </fieldset>
    {{/CHECKBOXES}}
    {{#ROME}}
    <fieldset class="fr-fieldset{{#ERROR}} fr-fieldset--error{{/ERROR}}" id="{{ID}}" aria-labelledby="{{ID}}-legend">
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="{{ID}}-legend">{{LABEL}}{{#HINT}}<span class="fr-hint-text">{{HINT_TEXT}}</span>{{/HINT}}</legend>
      {{#HAS_JOBS}}
      {{#JOB}}
      <div class="fr-fieldset__element">
        <div class="fr-checkbox-group">
          <input type="checkbox" id="{{OPTION_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
          <label class="fr-label" for="{{OPTION_ID}}">{{LABEL}}</label>
        </div>
      </div>
      {{/JOB}}
      {{/HAS_JOBS}}
      <div class="fr-fieldset__element">
        <div class="fr-input-group{{#ERROR}} fr-input-group--error{{/ERROR}}">
          <label class="fr-label" for="{{SEARCH_ID}}">Ajouter un métier<span class="fr-hint-text">Un ou plusieurs mots de l’intitulé, par exemple « aide soignant ».</span></label>
          <input class="fr-input{{#ERROR}} fr-input--error{{/ERROR}}" type="text" id="{{SEARCH_ID}}" name="{{SEARCH_NAME}}" value="{{SEARCH_VALUE}}" list="{{SEARCH_ID}}-list" data-rome-field autocomplete="off"{{#ERROR}} aria-describedby="{{ERROR_ID}}"{{/ERROR}}>
          <datalist id="{{SEARCH_ID}}-list"></datalist>
          {{#ERROR}}<p class="fr-error-text" id="{{ERROR_ID}}">{{ERROR_MESSAGE}}</p>{{/ERROR}}
        </div>
      </div>
    </fieldset>
    {{/ROME}}
    {{#OBSTACLES}}
    <p class="fr-text--bold fr-mb-1w">{{LABEL}}</p>
    {{#HINT}}<p class="fr-hint-text">{{HINT_TEXT}}</p>{{/HINT}}
    {{#THEMATIQUE}}
    <fieldset class="fr-fieldset fr-mb-2w" id="{{ID}}" aria-labelledby="{{ID}}-legend">
      <legend class="fr-fieldset__legend" id="{{ID}}-legend">{{THEMATIQUE_LABEL}}</legend>
      {{#PERSON_SAID}}<p class="fr-fieldset__element fr-text--sm"><span class="fr-text--bold">Selon la personne :</span> {{PERSON_SAID_TEXT}}</p>{{/PERSON_SAID}}
      {{#LEVEL}}
      <div class="fr-fieldset__element">
        <fieldset class="fr-fieldset{{#ERROR}} fr-fieldset--error{{/ERROR}}" id="{{ID}}-niveau" aria-labelledby="{{ID}}-niveau-legend{{#ERROR}} {{ERROR_ID}}{{/ERROR}}">
          <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="{{ID}}-niveau-legend">Niveau du frein « {{THEMATIQUE_LABEL}} »</legend>
          {{#OPTION}}
          <div class="fr-fieldset__element fr-fieldset__element--inline">
            <div class="fr-radio-group">
              <input type="radio" id="{{OPTION_ID}}" name="{{LEVEL_NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
              <label class="fr-label" for="{{OPTION_ID}}">{{LABEL}}</label>
            </div>
          </div>
          {{/OPTION}}
          {{#ERROR}}<div class="fr-messages-group" id="{{ERROR_ID}}"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/ERROR}}
        </fieldset>
      </div>
      {{/LEVEL}}
      {{#SUBS}}
      <div class="fr-fieldset__element">
        <fieldset class="fr-fieldset{{#ERROR}} fr-fieldset--error{{/ERROR}}" id="{{ID}}-sous" aria-labelledby="{{ID}}-sous-legend{{#ERROR}} {{ERROR_ID}}{{/ERROR}}">
          <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="{{ID}}-sous-legend">Difficultés précises « {{THEMATIQUE_LABEL}} » (facultatif)</legend>
          {{#OPTION}}
          <div class="fr-fieldset__element">
            <div class="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id="{{OPTION_ID}}" name="{{SUBS_NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
              <label class="fr-label" for="{{OPTION_ID}}">{{LABEL}}</label>
            </div>
          </div>
          {{/OPTION}}
          {{#ERROR}}<div class="fr-messages-group" id="{{ERROR_ID}}"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/ERROR}}
        </fieldset>
      </div>
      {{/SUBS}}
      {{#COMMENT_FIELD}}
      <div class="fr-fieldset__element">
        <div class="fr-input-group{{#ERROR}} fr-input-group--error{{/ERROR}}">
          <label class="fr-label" for="{{COMMENT_ID}}">Commentaire « {{THEMATIQUE_LABEL}} » (facultatif)</label>
          <textarea class="fr-input{{#ERROR}} fr-input--error{{/ERROR}}" id="{{COMMENT_ID}}" name="{{COMMENT_NAME}}" rows="2"{{#ERROR}} aria-describedby="{{ERROR_ID}}"{{/ERROR}}>{{COMMENT}}</textarea>
          {{#ERROR}}<p class="fr-error-text" id="{{ERROR_ID}}">{{ERROR_MESSAGE}}</p>{{/ERROR}}
        </div>
      </div>
      {{/COMMENT_FIELD}}
    </fieldset>
    {{/THEMATIQUE}}
    {{/OBSTACLES}}
    {{#SOURCE}}<p class="fr-text--xs fr-mt-1w fr-mb-0">Pré-rempli — {{SOURCE_TEXT}}</p>{{/SOURCE}}
  </div>
  {{/QUESTION}}
</fieldset>
{{/FORM_SECTION}}
