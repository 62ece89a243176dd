{{%AUTOESCAPE context="HTML"}}<fieldset class="fr-fieldset{{#ERROR}} fr-fieldset--error{{/ERROR}}" id="zone_eligibilite" aria-labelledby="zone_eligibilite-legend{{#ERROR}} zone_eligibilite-error{{/ERROR}}">
  <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="zone_eligibilite-legend">Zone d’éligibilité
    <span class="fr-hint-text">Où habitent les personnes qui peuvent bénéficier du service : toute la France, des départements, des intercommunalités (EPCI) ou des communes. Au moins un choix.</span>
  </legend>
  <div class="fr-fieldset__element">
    <div class="fr-checkbox-group">
      <input type="checkbox" id="zone_france" name="zone_france" value="1"{{#FRANCE}} checked{{/FRANCE}}>
      <label class="fr-label" for="zone_france">Toute la France</label>
    </div>
  </div>
  {{#HAS_DEPARTEMENTS}}
  <div class="fr-fieldset__element">
    <fieldset class="fr-fieldset" id="zone_departements" aria-labelledby="zone_departements-legend">
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="zone_departements-legend">Départements</legend>
      {{#DEPARTEMENT}}
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class="fr-checkbox-group">
          <input type="checkbox" id="zone-dep-{{CODE}}" name="zone_departements" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
          <label class="fr-label" for="zone-dep-{{CODE}}">{{LABEL}}</label>
        </div>
      </div>
      {{/DEPARTEMENT}}
    </fieldset>
  </div>
  {{/HAS_DEPARTEMENTS}}
  {{#HAS_EPCI}}
  <div class="fr-fieldset__element">
    <fieldset class="fr-fieldset" id="zone_epci" aria-labelledby="zone_epci-legend">
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="zone_epci-legend">Intercommunalités (EPCI)</legend>
      {{#EPCI}}
      <div class="fr-fieldset__element">
        <div class="fr-checkbox-group">
          <input type="checkbox" id="zone-epci-{{CODE}}" name="zone_epci" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
          <label class="fr-label" for="zone-epci-{{CODE}}">{{LABEL}}</label>
        </div>
      </div>
      {{/EPCI}}
    </fieldset>
  </div>
  {{/HAS_EPCI}}
  {{#HAS_COMMUNES}}
  <div class="fr-fieldset__element">
    <fieldset class="fr-fieldset" id="zone_communes" aria-labelledby="zone_communes-legend">
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="zone_communes-legend">Communes choisies
        <span class="fr-hint-text">Décochez une commune pour la retirer.</span>
      </legend>
      {{#COMMUNE}}
      <div class="fr-fieldset__element">
        <div class="fr-checkbox-group">
          <input type="checkbox" id="zone-commune-{{CODE}}" name="zone_communes" value="{{CODE}}" checked>
          <label class="fr-label" for="zone-commune-{{CODE}}">{{LABEL}}</label>
        </div>
      </div>
      {{/COMMUNE}}
    </fieldset>
  </div>
  {{/HAS_COMMUNES}}
  <div class="fr-fieldset__element">
    <div class="fr-input-group{{#ADD_ERROR}} fr-input-group--error{{/ADD_ERROR}}">
      <label class="fr-label" for="zone_commune_ajout">Ajouter une commune
        <span class="fr-hint-text">Nom, code postal ou code INSEE ; des suggestions s’affichent pendant la saisie.</span>
      </label>
      <input class="fr-input{{#ADD_ERROR}} fr-input--error{{/ADD_ERROR}}" type="text" id="zone_commune_ajout" name="zone_commune_ajout" value="{{ADD_VALUE}}" list="zone-commune-suggestions" autocomplete="off" data-commune-field{{#ADD_ERROR}} aria-describedby="zone_commune_ajout-error"{{/ADD_ERROR}}>
      <datalist id="zone-commune-suggestions"></datalist>
      {{#ADD_ERROR}}<p class="fr-error-text" id="zone_commune_ajout-error">{{ADD_MESSAGE}}</p>{{/ADD_ERROR}}
    </div>
    <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit" name="ajouter_commune" value="1">Ajouter la commune</button>
  </div>
  {{#ERROR}}<div class="fr-messages-group" id="zone_eligibilite-error" aria-live="polite">
    <p class="fr-message fr-message--error">{{MESSAGE}}</p>
  </div>{{/ERROR}}
</fieldset>
