{{%AUTOESCAPE context="HTML"}}<fieldset class="fr-fieldset" id="situation" aria-labelledby="situation-legend">
  <legend class="fr-fieldset__legend" id="situation-legend">Situation</legend>
  <div class="fr-fieldset__element">
    <div class="fr-select-group{{#RSA_STATUS_ERROR}} fr-select-group--error{{/RSA_STATUS_ERROR}}">
      <label class="fr-label" for="rsa_status">État du dossier RSA (facultatif)</label>
      <select class="fr-select{{#RSA_STATUS_ERROR}} fr-select--error{{/RSA_STATUS_ERROR}}" id="rsa_status" name="rsa_status"{{#RSA_STATUS_ERROR}} aria-describedby="rsa_status-error"{{/RSA_STATUS_ERROR}}>
        <option value="">Non renseigné</option>
        {{#RSA_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RSA_OPTION}}
      </select>
      {{#RSA_STATUS_ERROR}}<p class="fr-error-text" id="rsa_status-error">{{ERROR_MESSAGE}}</p>{{/RSA_STATUS_ERROR}}
    </div>
  </div>
  <div class="fr-fieldset__element">
    <div class="fr-checkbox-group">
      <input type="checkbox" id="rights_and_duties" name="rights_and_duties" value="1"{{#RIGHTS_AND_DUTIES}} checked{{/RIGHTS_AND_DUTIES}}>
      <label class="fr-label" for="rights_and_duties">Soumis aux droits et devoirs du RSA</label>
    </div>
  </div>
  <div class="fr-fieldset__element">
    <fieldset class="fr-fieldset{{#ALLOWANCES_ERROR}} fr-fieldset--error{{/ALLOWANCES_ERROR}}" id="allowances" aria-labelledby="allowances-legend{{#ALLOWANCES_ERROR}} allowances-error{{/ALLOWANCES_ERROR}}">
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="allowances-legend">Autres allocations (facultatif)</legend>
      {{#ALLOWANCE}}
      <div class="fr-fieldset__element">
        <div class="fr-checkbox-group">
          <input type="checkbox" id="allowance-{{CODE}}" name="allowances" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
          <label class="fr-label" for="allowance-{{CODE}}">{{LABEL}}</label>
        </div>
      </div>
      {{/ALLOWANCE}}
      {{#ALLOWANCES_ERROR}}<div class="fr-messages-group" id="allowances-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/ALLOWANCES_ERROR}}
    </fieldset>
  </div>
  <div class="fr-fieldset__element">
    <div class="fr-checkbox-group">
      <input type="checkbox" id="rqth" name="rqth" value="1"{{#RQTH}} checked{{/RQTH}}>
      <label class="fr-label" for="rqth">Reconnaissance de la qualité de travailleur handicapé (RQTH)</label>
    </div>
  </div>
  <div class="fr-fieldset__element">
    <div class="fr-select-group{{#EDUCATION_LEVEL_ERROR}} fr-select-group--error{{/EDUCATION_LEVEL_ERROR}}">
      <label class="fr-label" for="education_level">Niveau de formation (facultatif)</label>
      <select class="fr-select{{#EDUCATION_LEVEL_ERROR}} fr-select--error{{/EDUCATION_LEVEL_ERROR}}" id="education_level" name="education_level"{{#EDUCATION_LEVEL_ERROR}} aria-describedby="education_level-error"{{/EDUCATION_LEVEL_ERROR}}>
        <option value="">Non renseigné</option>
        {{#EDUCATION_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/EDUCATION_OPTION}}
      </select>
      {{#EDUCATION_LEVEL_ERROR}}<p class="fr-error-text" id="education_level-error">{{ERROR_MESSAGE}}</p>{{/EDUCATION_LEVEL_ERROR}}
    </div>
  </div>
  <div class="fr-fieldset__element">
  {{>SITUATION_FIELDS}}
  </div>
  <div class="fr-fieldset__element">
    <div class="fr-checkbox-group">
      <input type="checkbox" id="driving_licence" name="driving_licence" value="1"{{#DRIVING_LICENCE}} checked{{/DRIVING_LICENCE}}>
      <label class="fr-label" for="driving_licence">Permis de conduire B</label>
    </div>
  </div>
</fieldset>
