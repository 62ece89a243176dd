{{%AUTOESCAPE context="HTML"}}<fieldset class="fr-fieldset{{#ROLE_ERROR}} fr-fieldset--error{{/ROLE_ERROR}}" id="role"{{#ROLE_ERROR}} aria-labelledby="role-legend role-error"{{/ROLE_ERROR}}>
  <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="role-legend">Rôle dans la structure</legend>
  <div class="fr-fieldset__element">
    <div class="fr-radio-group">
      <input type="radio" id="role-professional" name="role" value="professional"{{#ROLE_PROFESSIONAL}} checked{{/ROLE_PROFESSIONAL}}>
      <label class="fr-label" for="role-professional">Professionnel ou professionnelle</label>
    </div>
  </div>
  <div class="fr-fieldset__element">
    <div class="fr-radio-group">
      <input type="radio" id="role-org_admin" name="role" value="org_admin"{{#ROLE_ORG_ADMIN}} checked{{/ROLE_ORG_ADMIN}}>
      <label class="fr-label" for="role-org_admin">Administrateur ou administratrice de la structure
        <span class="fr-hint-text">Gère les membres de la structure.</span>
      </label>
    </div>
  </div>
  {{#ROLE_ERROR}}<div class="fr-messages-group" id="role-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/ROLE_ERROR}}
</fieldset>
<fieldset class="fr-fieldset" id="flags">
  <legend class="fr-fieldset__legend--regular fr-fieldset__legend">Missions (facultatif)</legend>
  <div class="fr-fieldset__element">
    <div class="fr-checkbox-group">
      <input type="checkbox" id="orientation" name="orientation" value="1"{{#ORIENTATION_CHECKED}} checked{{/ORIENTATION_CHECKED}}>
      <label class="fr-label" for="orientation">Chargé·e d’orientation
        <span class="fr-hint-text">Décide de l’orientation des personnes entrant dans le parcours.</span>
      </label>
    </div>
  </div>
  <div class="fr-fieldset__element">
    <div class="fr-checkbox-group">
      <input type="checkbox" id="referent" name="referent" value="1"{{#REFERENT_CHECKED}} checked{{/REFERENT_CHECKED}}>
      <label class="fr-label" for="referent">Référent·e de parcours
        <span class="fr-hint-text">Coordonne l’accompagnement des personnes qui lui sont confiées.</span>
      </label>
    </div>
  </div>
</fieldset>
