{{%AUTOESCAPE context="HTML"}}<fieldset class="fr-fieldset{{#ERROR}} fr-fieldset--error{{/ERROR}}" id="thematiques" aria-labelledby="thematiques-legend{{#ERROR}} thematiques-error{{/ERROR}}">
  <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="thematiques-legend">Thématiques (facultatif)
    <span class="fr-hint-text">Les besoins auxquels le service répond, par catégorie ; ouvrez une catégorie pour cocher ses thématiques.</span>
  </legend>
  {{#CATEGORY}}
  <div class="fr-fieldset__element">
    <details class="parcours-details-group"{{#OPEN}} open{{/OPEN}}>
      <summary>{{LABEL}}{{#COUNT}} ({{COUNT_TEXT}}){{/COUNT}}</summary>
      <fieldset class="fr-fieldset" aria-label="{{LABEL}}">
        {{#OPTION}}
        <div class="fr-fieldset__element">
          <div class="fr-checkbox-group">
            <input type="checkbox" id="{{ID}}" name="thematiques" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
            <label class="fr-label" for="{{ID}}">{{LABEL}}</label>
          </div>
        </div>
        {{/OPTION}}
      </fieldset>
    </details>
  </div>
  {{/CATEGORY}}
  {{#ERROR}}<div class="fr-messages-group" id="thematiques-error" aria-live="polite">
    <p class="fr-message fr-message--error">{{MESSAGE}}</p>
  </div>{{/ERROR}}
</fieldset>
