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
  {{#TERRITORY_CHOICE}}
  <div class="fr-select-group{{#TERRITORY_ID_ERROR}} fr-select-group--error{{/TERRITORY_ID_ERROR}}">
    <label class="fr-label" for="territory_id">Territoire</label>
    <select class="fr-select{{#TERRITORY_ID_ERROR}} fr-select--error{{/TERRITORY_ID_ERROR}}" id="territory_id" name="territory_id"{{#TERRITORY_ID_ERROR}} aria-describedby="territory_id-error"{{/TERRITORY_ID_ERROR}}>
      <option value="">Choisir un territoire</option>
      {{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TERRITORY_OPTION}}
    </select>
    {{#TERRITORY_ID_ERROR}}<p class="fr-error-text" id="territory_id-error">{{ERROR_MESSAGE}}</p>{{/TERRITORY_ID_ERROR}}
  </div>
  {{/TERRITORY_CHOICE}}
  {{#TERRITORY_FIXED}}
  <input type="hidden" name="territory_id" value="{{TERRITORY_ID}}">
  <p>Territoire : {{TERRITORY_NAME}}</p>
  {{/TERRITORY_FIXED}}
  <div class="fr-input-group{{#NAME_ERROR}} fr-input-group--error{{/NAME_ERROR}}">
    <label class="fr-label" for="name">Nom de la structure</label>
    <input class="fr-input{{#NAME_ERROR}} fr-input--error{{/NAME_ERROR}}" type="text" id="name" name="name" value="{{NAME}}" autocomplete="organization"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
    {{#NAME_ERROR}}<p class="fr-error-text" id="name-error">{{ERROR_MESSAGE}}</p>{{/NAME_ERROR}}
  </div>
  <div class="fr-select-group{{#KIND_ERROR}} fr-select-group--error{{/KIND_ERROR}}">
    <label class="fr-label" for="kind">Type de structure</label>
    <select class="fr-select{{#KIND_ERROR}} fr-select--error{{/KIND_ERROR}}" id="kind" name="kind"{{#KIND_ERROR}} aria-describedby="kind-error"{{/KIND_ERROR}}>
      <option value="">Choisir un type</option>
      {{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
    </select>
    {{#KIND_ERROR}}<p class="fr-error-text" id="kind-error">{{ERROR_MESSAGE}}</p>{{/KIND_ERROR}}
  </div>
  <div class="fr-input-group{{#SIRET_ERROR}} fr-input-group--error{{/SIRET_ERROR}}">
    <label class="fr-label" for="siret">SIRET (facultatif)
      <span class="fr-hint-text">14 chiffres, par exemple 732 829 320 00074.</span>
    </label>
    <input class="fr-input{{#SIRET_ERROR}} fr-input--error{{/SIRET_ERROR}}" type="text" inputmode="numeric" id="siret" name="siret" value="{{SIRET}}"{{#SIRET_ERROR}} aria-describedby="siret-error"{{/SIRET_ERROR}}>
    {{#SIRET_ERROR}}<p class="fr-error-text" id="siret-error">{{ERROR_MESSAGE}}</p>{{/SIRET_ERROR}}
  </div>
  <div class="fr-input-group{{#ADDRESS_ERROR}} fr-input-group--error{{/ADDRESS_ERROR}}">
    <label class="fr-label" for="address">Adresse (facultatif)
      <span class="fr-hint-text">Numéro et voie, par exemple 1 place de la Préfecture.</span>
    </label>
    <input class="fr-input{{#ADDRESS_ERROR}} fr-input--error{{/ADDRESS_ERROR}}" type="text" id="address" name="address" value="{{ADDRESS}}" autocomplete="street-address"{{#ADDRESS_ERROR}} aria-describedby="address-error"{{/ADDRESS_ERROR}}>
    {{#ADDRESS_ERROR}}<p class="fr-error-text" id="address-error">{{ERROR_MESSAGE}}</p>{{/ADDRESS_ERROR}}
  </div>
  <div class="fr-input-group{{#COMMUNE_ERROR}} fr-input-group--error{{/COMMUNE_ERROR}}">
    <label class="fr-label" for="commune">Commune
      <span class="fr-hint-text">Nom, code postal ou code INSEE ; des suggestions s’affichent pendant la saisie.</span>
    </label>
    <input class="fr-input{{#COMMUNE_ERROR}} fr-input--error{{/COMMUNE_ERROR}}" type="text" id="commune" name="commune" value="{{COMMUNE}}" list="commune-suggestions" autocomplete="off" data-commune-field{{#DEPARTEMENTS}} data-departements="{{DEPARTEMENTS}}"{{/DEPARTEMENTS}}{{#COMMUNE_ERROR}} aria-describedby="commune-error"{{/COMMUNE_ERROR}}>
    <datalist id="commune-suggestions"></datalist>
    {{#COMMUNE_ERROR}}<p class="fr-error-text" id="commune-error">{{ERROR_MESSAGE}}</p>{{/COMMUNE_ERROR}}
  </div>
  <div class="fr-input-group{{#POSTCODE_ERROR}} fr-input-group--error{{/POSTCODE_ERROR}}">
    <label class="fr-label" for="postcode">Code postal (facultatif si la commune n’en a qu’un)</label>
    <input class="fr-input{{#POSTCODE_ERROR}} fr-input--error{{/POSTCODE_ERROR}}" type="text" inputmode="numeric" id="postcode" name="postcode" value="{{POSTCODE}}" autocomplete="postal-code"{{#POSTCODE_ERROR}} aria-describedby="postcode-error"{{/POSTCODE_ERROR}}>
    {{#POSTCODE_ERROR}}<p class="fr-error-text" id="postcode-error">{{ERROR_MESSAGE}}</p>{{/POSTCODE_ERROR}}
  </div>
  <div class="fr-input-group{{#EMAIL_ERROR}} fr-input-group--error{{/EMAIL_ERROR}}">
    <label class="fr-label" for="email">Adresse électronique de contact (facultatif)
      <span class="fr-hint-text">Format attendu : nom@domaine.fr</span>
    </label>
    <input class="fr-input{{#EMAIL_ERROR}} fr-input--error{{/EMAIL_ERROR}}" type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email"{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
    {{#EMAIL_ERROR}}<p class="fr-error-text" id="email-error">{{ERROR_MESSAGE}}</p>{{/EMAIL_ERROR}}
  </div>
  <div class="fr-input-group{{#PHONE_ERROR}} fr-input-group--error{{/PHONE_ERROR}}">
    <label class="fr-label" for="phone">Téléphone (facultatif)
      <span class="fr-hint-text">10 chiffres, par exemple 03 24 56 78 90.</span>
    </label>
    <input class="fr-input{{#PHONE_ERROR}} fr-input--error{{/PHONE_ERROR}}" type="tel" id="phone" name="phone" value="{{PHONE}}" autocomplete="tel"{{#PHONE_ERROR}} aria-describedby="phone-error"{{/PHONE_ERROR}}>
    {{#PHONE_ERROR}}<p class="fr-error-text" id="phone-error">{{ERROR_MESSAGE}}</p>{{/PHONE_ERROR}}
  </div>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">{{SUBMIT}}</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="{{CANCEL}}">Annuler</a></li>
  </ul>
</form>
