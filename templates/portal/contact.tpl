{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Mes coordonnées</h1>
<p>Votre équipe s’en sert pour vous joindre. Tous les champs sont facultatifs.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Vos coordonnées ne sont pas enregistrées</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/mon-espace/coordonnees" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-input-group{{#EMAIL_ERROR}} fr-input-group--error{{/EMAIL_ERROR}}">
    <label class="fr-label" for="email">Adresse électronique
      <span class="fr-hint-text">Par exemple prenom.nom@exemple.fr. C’est aussi elle qui vous permet d’ouvrir votre espace.</span>
    </label>
    <input class="fr-input{{#EMAIL_ERROR}} fr-input--error{{/EMAIL_ERROR}}" type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email" spellcheck="false"{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
    {{#EMAIL_ERROR}}<p class="fr-error-text" id="email-error">{{ERROR_MESSAGE}}</p>{{/EMAIL_ERROR}}
  </div>
  <div class="fr-input-group{{#PHONE_ERROR}} fr-input-group--error{{/PHONE_ERROR}}">
    <label class="fr-label" for="phone">Téléphone
      <span class="fr-hint-text">Par exemple 06 12 34 56 78.</span>
    </label>
    <input class="fr-input{{#PHONE_ERROR}} fr-input--error{{/PHONE_ERROR}}" type="tel" id="phone" name="phone" value="{{PHONE}}" autocomplete="tel"{{#PHONE_ERROR}} aria-describedby="phone-error"{{/PHONE_ERROR}}>
    {{#PHONE_ERROR}}<p class="fr-error-text" id="phone-error">{{ERROR_MESSAGE}}</p>{{/PHONE_ERROR}}
  </div>
  <div class="fr-input-group{{#PHONE2_ERROR}} fr-input-group--error{{/PHONE2_ERROR}}">
    <label class="fr-label" for="phone2">Autre téléphone</label>
    <input class="fr-input{{#PHONE2_ERROR}} fr-input--error{{/PHONE2_ERROR}}" type="tel" id="phone2" name="phone2" value="{{PHONE2}}"{{#PHONE2_ERROR}} aria-describedby="phone2-error"{{/PHONE2_ERROR}}>
    {{#PHONE2_ERROR}}<p class="fr-error-text" id="phone2-error">{{ERROR_MESSAGE}}</p>{{/PHONE2_ERROR}}
  </div>
  <div class="fr-input-group{{#ADDRESS_ERROR}} fr-input-group--error{{/ADDRESS_ERROR}}">
    <label class="fr-label" for="address">Adresse
      <span class="fr-hint-text">Numéro et rue, par exemple 12 rue de la Gare.</span>
    </label>
    <input class="fr-input{{#ADDRESS_ERROR}} fr-input--error{{/ADDRESS_ERROR}}" type="text" id="address" name="address" value="{{ADDRESS}}" autocomplete="address-line1"{{#ADDRESS_ERROR}} aria-describedby="address-error"{{/ADDRESS_ERROR}}>
    {{#ADDRESS_ERROR}}<p class="fr-error-text" id="address-error">{{ERROR_MESSAGE}}</p>{{/ADDRESS_ERROR}}
  </div>
  <div class="fr-input-group{{#ADDRESS_COMPLEMENT_ERROR}} fr-input-group--error{{/ADDRESS_COMPLEMENT_ERROR}}">
    <label class="fr-label" for="address_complement">Complément d’adresse
      <span class="fr-hint-text">Bâtiment, étage, chez…</span>
    </label>
    <input class="fr-input{{#ADDRESS_COMPLEMENT_ERROR}} fr-input--error{{/ADDRESS_COMPLEMENT_ERROR}}" type="text" id="address_complement" name="address_complement" value="{{ADDRESS_COMPLEMENT}}" autocomplete="address-line2"{{#ADDRESS_COMPLEMENT_ERROR}} aria-describedby="address_complement-error"{{/ADDRESS_COMPLEMENT_ERROR}}>
    {{#ADDRESS_COMPLEMENT_ERROR}}<p class="fr-error-text" id="address_complement-error">{{ERROR_MESSAGE}}</p>{{/ADDRESS_COMPLEMENT_ERROR}}
  </div>
  <div class="fr-input-group{{#COMMUNE_ERROR}} fr-input-group--error{{/COMMUNE_ERROR}}">
    <label class="fr-label" for="commune">Commune
      <span class="fr-hint-text">Son nom ou son code postal ; des suggestions s’affichent pendant la saisie.</span>
    </label>
    <input class="fr-input{{#COMMUNE_ERROR}} fr-input--error{{/COMMUNE_ERROR}}" type="text" id="commune" name="commune" value="{{COMMUNE}}" list="commune-suggestions" autocomplete="off" data-commune-field{{#COMMUNE_ERROR}} aria-describedby="commune-error"{{/COMMUNE_ERROR}}>
    <datalist id="commune-suggestions"></datalist>
    {{#COMMUNE_ERROR}}<p class="fr-error-text" id="commune-error">{{ERROR_MESSAGE}}</p>{{/COMMUNE_ERROR}}
  </div>
  <div class="fr-input-group{{#POSTCODE_ERROR}} fr-input-group--error{{/POSTCODE_ERROR}}">
    <label class="fr-label" for="postcode">Code postal
      <span class="fr-hint-text">Utile seulement si votre commune en a plusieurs.</span>
    </label>
    <input class="fr-input{{#POSTCODE_ERROR}} fr-input--error{{/POSTCODE_ERROR}}" type="text" inputmode="numeric" id="postcode" name="postcode" value="{{POSTCODE}}" autocomplete="postal-code"{{#POSTCODE_ERROR}} aria-describedby="postcode-error"{{/POSTCODE_ERROR}}>
    {{#POSTCODE_ERROR}}<p class="fr-error-text" id="postcode-error">{{ERROR_MESSAGE}}</p>{{/POSTCODE_ERROR}}
  </div>
  <fieldset class="fr-fieldset" id="housing" aria-labelledby="housing-legend">
    <legend class="fr-fieldset__legend" id="housing-legend">Logement</legend>
    <div class="fr-fieldset__element">
      <div class="fr-checkbox-group">
        <input type="checkbox" id="no_fixed_address" name="no_fixed_address" value="1"{{#NO_FIXED_ADDRESS}} checked{{/NO_FIXED_ADDRESS}}>
        <label class="fr-label" for="no_fixed_address">Je n’ai pas de domicile fixe</label>
      </div>
    </div>
    <div class="fr-fieldset__element">
      <div class="fr-input-group{{#DOMICILIATION_ERROR}} fr-input-group--error{{/DOMICILIATION_ERROR}}">
        <label class="fr-label" for="domiciliation">Adresse de domiciliation
          <span class="fr-hint-text">Seulement sans domicile fixe : l’adresse où vous recevez votre courrier (CCAS, association…).</span>
        </label>
        <input class="fr-input{{#DOMICILIATION_ERROR}} fr-input--error{{/DOMICILIATION_ERROR}}" type="text" id="domiciliation" name="domiciliation" value="{{DOMICILIATION}}"{{#DOMICILIATION_ERROR}} aria-describedby="domiciliation-error"{{/DOMICILIATION_ERROR}}>
        {{#DOMICILIATION_ERROR}}<p class="fr-error-text" id="domiciliation-error">{{ERROR_MESSAGE}}</p>{{/DOMICILIATION_ERROR}}
      </div>
    </div>
  </fieldset>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Enregistrer mes coordonnées</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/mon-espace">Annuler</a></li>
  </ul>
</form>
