{{%AUTOESCAPE context="HTML"}}<fieldset class="fr-fieldset" id="identite" aria-labelledby="identite-legend">
  <legend class="fr-fieldset__legend" id="identite-legend">Identité</legend>
  <div class="fr-fieldset__element">
  {{>NAME_FIELDS}}
  </div>
  <div class="fr-fieldset__element">
    <fieldset class="fr-fieldset{{#SEX_ERROR}} fr-fieldset--error{{/SEX_ERROR}}" id="sex" aria-labelledby="sex-legend{{#SEX_ERROR}} sex-error{{/SEX_ERROR}}">
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="sex-legend">Sexe (facultatif)</legend>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class="fr-radio-group">
          <input type="radio" id="sex-f" name="sex" value="F"{{#SEX_F}} checked{{/SEX_F}}>
          <label class="fr-label" for="sex-f">Femme</label>
        </div>
      </div>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class="fr-radio-group">
          <input type="radio" id="sex-m" name="sex" value="M"{{#SEX_M}} checked{{/SEX_M}}>
          <label class="fr-label" for="sex-m">Homme</label>
        </div>
      </div>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class="fr-radio-group">
          <input type="radio" id="sex-none" name="sex" value=""{{#SEX_NONE}} checked{{/SEX_NONE}}>
          <label class="fr-label" for="sex-none">Non renseigné</label>
        </div>
      </div>
      {{#SEX_ERROR}}<div class="fr-messages-group" id="sex-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/SEX_ERROR}}
    </fieldset>
  </div>
  <div class="fr-fieldset__element">
  {{#NIR_KNOWN}}<p class="fr-hint-text">Le numéro de sécurité sociale est déjà enregistré : laissez le champ vide pour le conserver.</p>{{/NIR_KNOWN}}
  {{>ID_FIELDS}}
  </div>
</fieldset>
