{{%AUTOESCAPE context="HTML"}}{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h3 class="fr-alert__title">Le rendez-vous n’est pas enregistré</h3>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/personnes/{{PERSON_ID}}/rendez-vous" class="fr-mb-4w" novalidate aria-labelledby="rdv-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h3 id="rdv-titre" class="fr-h6">Fixer un rendez-vous</h3>
  <div class="fr-select-group{{#PROFESSIONAL_ERROR}} fr-select-group--error{{/PROFESSIONAL_ERROR}}">
    <label class="fr-label" for="professional">Avec</label>
    <select class="fr-select{{#PROFESSIONAL_ERROR}} fr-select--error{{/PROFESSIONAL_ERROR}}" id="professional" name="professional"{{#PROFESSIONAL_ERROR}} aria-describedby="professional-error"{{/PROFESSIONAL_ERROR}}>
      {{#MEMBER_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MEMBER_OPTION}}
    </select>
    {{#PROFESSIONAL_ERROR}}<p class="fr-error-text" id="professional-error">{{ERROR_MESSAGE}}</p>{{/PROFESSIONAL_ERROR}}
  </div>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-input-group{{#DATE_ERROR}} fr-input-group--error{{/DATE_ERROR}}">
        <label class="fr-label" for="date">Date<span class="fr-hint-text">Format attendu : jj/mm/aaaa</span></label>
        <input class="fr-input{{#DATE_ERROR}} fr-input--error{{/DATE_ERROR}}" type="date" id="date" name="date" value="{{DATE}}"{{#DATE_ERROR}} aria-describedby="date-error"{{/DATE_ERROR}}>
        {{#DATE_ERROR}}<p class="fr-error-text" id="date-error">{{ERROR_MESSAGE}}</p>{{/DATE_ERROR}}
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-input-group{{#TIME_ERROR}} fr-input-group--error{{/TIME_ERROR}}">
        <label class="fr-label" for="time">Heure<span class="fr-hint-text">Heure de Paris, hh:mm</span></label>
        <input class="fr-input{{#TIME_ERROR}} fr-input--error{{/TIME_ERROR}}" type="time" id="time" name="time" value="{{TIME}}"{{#TIME_ERROR}} aria-describedby="time-error"{{/TIME_ERROR}}>
        {{#TIME_ERROR}}<p class="fr-error-text" id="time-error">{{ERROR_MESSAGE}}</p>{{/TIME_ERROR}}
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-input-group{{#DURATION_ERROR}} fr-input-group--error{{/DURATION_ERROR}}">
        <label class="fr-label" for="duration">Durée en minutes</label>
        <input class="fr-input{{#DURATION_ERROR}} fr-input--error{{/DURATION_ERROR}}" type="number" min="5" max="480" step="5" id="duration" name="duration" value="{{DURATION}}"{{#DURATION_ERROR}} aria-describedby="duration-error"{{/DURATION_ERROR}}>
        {{#DURATION_ERROR}}<p class="fr-error-text" id="duration-error">{{ERROR_MESSAGE}}</p>{{/DURATION_ERROR}}
      </div>
    </div>
  </div>
  <fieldset class="fr-fieldset{{#PLACE_KIND_ERROR}} fr-fieldset--error{{/PLACE_KIND_ERROR}}" id="place_kind" aria-labelledby="place-kind-legend{{#PLACE_KIND_ERROR}} place_kind-error{{/PLACE_KIND_ERROR}}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="place-kind-legend">Où ?</legend>
    {{#PLACE_OPTION}}
    <div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-radio-group">
        <input type="radio" id="place-kind-{{CODE}}" name="place_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="place-kind-{{CODE}}">{{LABEL}}</label>
      </div>
    </div>
    {{/PLACE_OPTION}}
    {{#PLACE_KIND_ERROR}}<div class="fr-messages-group" id="place_kind-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/PLACE_KIND_ERROR}}
  </fieldset>
  <div class="fr-input-group{{#PLACE_ERROR}} fr-input-group--error{{/PLACE_ERROR}}">
    <label class="fr-label" for="place">Lieu<span class="fr-hint-text">L’adresse, le numéro de téléphone à appeler, ou le lien de la visioconférence (https://…)</span></label>
    <input class="fr-input{{#PLACE_ERROR}} fr-input--error{{/PLACE_ERROR}}" type="text" id="place" name="place" value="{{PLACE}}"{{#PLACE_ERROR}} aria-describedby="place-error"{{/PLACE_ERROR}}>
    {{#PLACE_ERROR}}<p class="fr-error-text" id="place-error">{{ERROR_MESSAGE}}</p>{{/PLACE_ERROR}}
  </div>
  <div class="fr-input-group{{#PURPOSE_ERROR}} fr-input-group--error{{/PURPOSE_ERROR}}">
    <label class="fr-label" for="purpose">Objet</label>
    <input class="fr-input{{#PURPOSE_ERROR}} fr-input--error{{/PURPOSE_ERROR}}" type="text" id="purpose" name="purpose" value="{{PURPOSE}}"{{#PURPOSE_ERROR}} aria-describedby="purpose-error"{{/PURPOSE_ERROR}}>
    {{#PURPOSE_ERROR}}<p class="fr-error-text" id="purpose-error">{{ERROR_MESSAGE}}</p>{{/PURPOSE_ERROR}}
  </div>
  <button class="fr-btn" type="submit">Fixer le rendez-vous</button>
</form>
