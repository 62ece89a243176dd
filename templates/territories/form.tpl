{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="fr-hint-text">Sauf mention contraire, tous les champs sont obligatoires.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <fieldset class="fr-fieldset">
    <legend class="fr-fieldset__legend">Identité</legend>
    {{#IDENTITY_EDITABLE}}
    <div class="fr-fieldset__element">
      <div class="fr-input-group{{#NAME_ERROR}} fr-input-group--error{{/NAME_ERROR}}">
        <label class="fr-label" for="name">Nom du territoire</label>
        <input class="fr-input{{#NAME_ERROR}} fr-input--error{{/NAME_ERROR}}" type="text" id="name" name="name" value="{{NAME}}" autocomplete="off"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
        {{#NAME_ERROR}}<p class="fr-error-text" id="name-error">{{ERROR_MESSAGE}}</p>{{/NAME_ERROR}}
      </div>
    </div>
    <div class="fr-fieldset__element">
      <div class="fr-input-group{{#SLUG_ERROR}} fr-input-group--error{{/SLUG_ERROR}}">
        <label class="fr-label" for="slug">Identifiant (facultatif)
          <span class="fr-hint-text">Lettres minuscules, chiffres et tirets ; déduit du nom s’il est vide.</span>
        </label>
        <input class="fr-input{{#SLUG_ERROR}} fr-input--error{{/SLUG_ERROR}}" type="text" id="slug" name="slug" value="{{SLUG}}" autocomplete="off"{{#SLUG_ERROR}} aria-describedby="slug-error"{{/SLUG_ERROR}}>
        {{#SLUG_ERROR}}<p class="fr-error-text" id="slug-error">{{ERROR_MESSAGE}}</p>{{/SLUG_ERROR}}
      </div>
    </div>
    <div class="fr-fieldset__element">
      <div class="fr-input-group{{#DEPARTEMENTS_ERROR}} fr-input-group--error{{/DEPARTEMENTS_ERROR}}">
        <label class="fr-label" for="departements">Départements couverts
          <span class="fr-hint-text">Codes séparés par des virgules, par exemple « 08 » ou « 2A, 2B ».</span>
        </label>
        <input class="fr-input{{#DEPARTEMENTS_ERROR}} fr-input--error{{/DEPARTEMENTS_ERROR}}" type="text" id="departements" name="departements" value="{{DEPARTEMENTS}}" autocomplete="off"{{#DEPARTEMENTS_ERROR}} aria-describedby="departements-error"{{/DEPARTEMENTS_ERROR}}>
        {{#DEPARTEMENTS_ERROR}}<p class="fr-error-text" id="departements-error">{{ERROR_MESSAGE}}</p>{{/DEPARTEMENTS_ERROR}}
      </div>
    </div>
    {{/IDENTITY_EDITABLE}}
    {{#IDENTITY_READONLY}}
    <div class="fr-fieldset__element">
      <dl class="parcours-details">
        <dt>Nom</dt><dd>{{NAME}}</dd>
        <dt>Identifiant</dt><dd>{{SLUG}}</dd>
        <dt>Départements couverts</dt><dd>{{DEPARTEMENTS}}</dd>
      </dl>
      <p class="fr-hint-text">Seule l’administration nationale peut modifier l’identité d’un territoire.</p>
    </div>
    {{/IDENTITY_READONLY}}
  </fieldset>
  <fieldset class="fr-fieldset">
    <legend class="fr-fieldset__legend">Paramètres</legend>
    <div class="fr-fieldset__element">
      <div class="fr-input-group{{#ORIENTATION_DEADLINE_DAYS_ERROR}} fr-input-group--error{{/ORIENTATION_DEADLINE_DAYS_ERROR}}">
        <label class="fr-label" for="orientation_deadline_days">Délai d’orientation, en jours
          <span class="fr-hint-text">Entre 1 et 365 ; 30 par défaut.</span>
        </label>
        <input class="fr-input{{#ORIENTATION_DEADLINE_DAYS_ERROR}} fr-input--error{{/ORIENTATION_DEADLINE_DAYS_ERROR}}" type="text" inputmode="numeric" id="orientation_deadline_days" name="orientation_deadline_days" value="{{ORIENTATION_DEADLINE_DAYS}}"{{#ORIENTATION_DEADLINE_DAYS_ERROR}} aria-describedby="orientation_deadline_days-error"{{/ORIENTATION_DEADLINE_DAYS_ERROR}}>
        {{#ORIENTATION_DEADLINE_DAYS_ERROR}}<p class="fr-error-text" id="orientation_deadline_days-error">{{ERROR_MESSAGE}}</p>{{/ORIENTATION_DEADLINE_DAYS_ERROR}}
      </div>
    </div>
    <div class="fr-fieldset__element">
      <fieldset class="fr-fieldset{{#DEADLINE_MODE_ERROR}} fr-fieldset--error{{/DEADLINE_MODE_ERROR}}" id="deadline_mode"{{#DEADLINE_MODE_ERROR}} aria-labelledby="deadline_mode-legend deadline_mode-error"{{/DEADLINE_MODE_ERROR}}>
        <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="deadline_mode-legend">Les délais se comptent en</legend>
        <div class="fr-fieldset__element">
          <div class="fr-radio-group">
            <input type="radio" id="deadline_mode-calendar" name="deadline_mode" value="calendar"{{#CALENDAR_CHECKED}} checked{{/CALENDAR_CHECKED}}>
            <label class="fr-label" for="deadline_mode-calendar">jours calendaires</label>
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-radio-group">
            <input type="radio" id="deadline_mode-working" name="deadline_mode" value="working"{{#WORKING_CHECKED}} checked{{/WORKING_CHECKED}}>
            <label class="fr-label" for="deadline_mode-working">jours ouvrés (hors week-ends et jours fériés)</label>
          </div>
        </div>
        {{#DEADLINE_MODE_ERROR}}<div class="fr-messages-group" id="deadline_mode-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/DEADLINE_MODE_ERROR}}
      </fieldset>
    </div>
    <div class="fr-fieldset__element">
      <div class="fr-input-group{{#RETENTION_MONTHS_ERROR}} fr-input-group--error{{/RETENTION_MONTHS_ERROR}}">
        <label class="fr-label" for="retention_months">Durée de conservation des dossiers après la dernière activité, en mois
          <span class="fr-hint-text">Entre 1 et 120 ; 24 par défaut.</span>
        </label>
        <input class="fr-input{{#RETENTION_MONTHS_ERROR}} fr-input--error{{/RETENTION_MONTHS_ERROR}}" type="text" inputmode="numeric" id="retention_months" name="retention_months" value="{{RETENTION_MONTHS}}"{{#RETENTION_MONTHS_ERROR}} aria-describedby="retention_months-error"{{/RETENTION_MONTHS_ERROR}}>
        {{#RETENTION_MONTHS_ERROR}}<p class="fr-error-text" id="retention_months-error">{{ERROR_MESSAGE}}</p>{{/RETENTION_MONTHS_ERROR}}
      </div>
    </div>
  </fieldset>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">{{SUBMIT}}</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/territoires">Annuler</a></li>
  </ul>
</form>
{{#EXPORTS}}<p><a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href="/territoires/{{ID}}/exports">Exporter les personnes et les parcours (CSV)</a></p>{{/EXPORTS}}
{{#ORGANISATIONS_LINK}}
<p><a class="fr-link" href="/structures?territoire={{ID}}">Structures de ce territoire</a></p>
{{/ORGANISATIONS_LINK}}
