{{%AUTOESCAPE context="HTML"}}<fieldset class="fr-fieldset" id="coordonnees" aria-labelledby="coordonnees-legend">
  <legend class="fr-fieldset__legend" id="coordonnees-legend">Coordonnées</legend>
  <div class="fr-fieldset__element">
  {{>CONTACT_FIELDS}}
  <div class="fr-input-group{{#COMMUNE_ERROR}} fr-input-group--error{{/COMMUNE_ERROR}}">
    <label class="fr-label" for="commune">Commune (facultatif)
      <span class="fr-hint-text">Nom, code postal ou code INSEE ; des suggestions s’affichent pendant la saisie.</span>
    </label>
    <input class="fr-input{{#COMMUNE_ERROR}} fr-input--error{{/COMMUNE_ERROR}}" type="text" id="commune" name="commune" value="{{COMMUNE}}" list="commune-suggestions" autocomplete="off" data-commune-field{{#COMMUNE_ERROR}} aria-describedby="commune-error"{{/COMMUNE_ERROR}}>
    <datalist id="commune-suggestions"></datalist>
    {{#COMMUNE_ERROR}}<p class="fr-error-text" id="commune-error">{{ERROR_MESSAGE}}</p>{{/COMMUNE_ERROR}}
  </div>
  {{>POSTCODE_FIELD}}
  <div class="fr-checkbox-group fr-mb-3w">
    <input type="checkbox" id="no_fixed_address" name="no_fixed_address" value="1"{{#NO_FIXED_ADDRESS}} checked{{/NO_FIXED_ADDRESS}}>
    <label class="fr-label" for="no_fixed_address">Sans domicile fixe</label>
  </div>
  {{>DOMICILIATION_FIELD}}
  </div>
</fieldset>
