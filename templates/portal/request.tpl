{{%AUTOESCAPE context="HTML"}}
<div class="fr-grid-row fr-grid-row--center">
  <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
    <h1>Demander un accompagnement</h1>
    <p>Vous cherchez un emploi, une formation, ou de l’aide pour lever ce qui vous en empêche
      (transport, logement, santé, garde d’enfants, argent, papiers…) ? Remplissez ce formulaire :
      une personne de votre département vous contactera.</p>
    <p class="fr-hint-text">Sauf mention contraire, tous les champs sont obligatoires.</p>
    {{#ERROR_SUMMARY}}
    <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
      <h2 class="fr-alert__title">{{ERROR_COUNT_TEXT}}</h2>
      <ul>
        {{#ERROR_ITEM}}<li>{{#LINK}}<a href="#{{FIELD}}">{{/LINK}}{{MESSAGE}}{{#LINK}}</a>{{/LINK}}</li>{{/ERROR_ITEM}}
      </ul>
    </div>
    {{/ERROR_SUMMARY}}
    <form method="post" action="/demander-un-accompagnement" novalidate>
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <fieldset class="fr-fieldset" id="identity" aria-labelledby="identity-legend">
        <legend class="fr-fieldset__legend" id="identity-legend">Qui êtes-vous ?</legend>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#BIRTH_NAME_ERROR}} fr-input-group--error{{/BIRTH_NAME_ERROR}}">
            <label class="fr-label" for="birth_name">Nom de naissance
              <span class="fr-hint-text">Le nom que vous aviez à la naissance, par exemple Martin.</span>
            </label>
            <input class="fr-input{{#BIRTH_NAME_ERROR}} fr-input--error{{/BIRTH_NAME_ERROR}}" type="text" id="birth_name" name="birth_name" value="{{BIRTH_NAME}}" autocomplete="family-name"{{#BIRTH_NAME_ERROR}} aria-describedby="birth_name-error"{{/BIRTH_NAME_ERROR}}>
            {{#BIRTH_NAME_ERROR}}<p class="fr-error-text" id="birth_name-error">{{ERROR_MESSAGE}}</p>{{/BIRTH_NAME_ERROR}}
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#FIRST_NAMES_ERROR}} fr-input-group--error{{/FIRST_NAMES_ERROR}}">
            <label class="fr-label" for="first_names">Prénoms
              <span class="fr-hint-text">Tous vos prénoms, par exemple Sofia Marie.</span>
            </label>
            <input class="fr-input{{#FIRST_NAMES_ERROR}} fr-input--error{{/FIRST_NAMES_ERROR}}" type="text" id="first_names" name="first_names" value="{{FIRST_NAMES}}" autocomplete="given-name"{{#FIRST_NAMES_ERROR}} aria-describedby="first_names-error"{{/FIRST_NAMES_ERROR}}>
            {{#FIRST_NAMES_ERROR}}<p class="fr-error-text" id="first_names-error">{{ERROR_MESSAGE}}</p>{{/FIRST_NAMES_ERROR}}
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#BIRTH_DATE_ERROR}} fr-input-group--error{{/BIRTH_DATE_ERROR}}">
            <label class="fr-label" for="birth_date">Date de naissance
              <span class="fr-hint-text">Jour, mois et année, par exemple 14/07/1985.</span>
            </label>
            <input class="fr-input{{#BIRTH_DATE_ERROR}} fr-input--error{{/BIRTH_DATE_ERROR}}" type="text" inputmode="numeric" id="birth_date" name="birth_date" value="{{BIRTH_DATE}}" autocomplete="bday"{{#BIRTH_DATE_ERROR}} aria-describedby="birth_date-error"{{/BIRTH_DATE_ERROR}}>
            {{#BIRTH_DATE_ERROR}}<p class="fr-error-text" id="birth_date-error">{{ERROR_MESSAGE}}</p>{{/BIRTH_DATE_ERROR}}
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#NIR_ERROR}} fr-input-group--error{{/NIR_ERROR}}">
            <label class="fr-label" for="nir">Numéro de sécurité sociale (facultatif)
              <span class="fr-hint-text">13 ou 15 caractères, sur votre carte Vitale. Il nous aide à retrouver votre dossier si vous êtes déjà suivi(e).</span>
            </label>
            <input class="fr-input{{#NIR_ERROR}} fr-input--error{{/NIR_ERROR}}" type="text" id="nir" name="nir" value="{{NIR}}" autocomplete="off" spellcheck="false"{{#NIR_ERROR}} aria-describedby="nir-error"{{/NIR_ERROR}}>
            {{#NIR_ERROR}}<p class="fr-error-text" id="nir-error">{{ERROR_MESSAGE}}</p>{{/NIR_ERROR}}
          </div>
        </div>
      </fieldset>
      <fieldset class="fr-fieldset" id="contact" aria-labelledby="contact-legend">
        <legend class="fr-fieldset__legend" id="contact-legend">Comment vous joindre ?
          <span class="fr-hint-text">Donnez au moins l’un des deux.</span>
        </legend>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#EMAIL_ERROR}} fr-input-group--error{{/EMAIL_ERROR}}">
            <label class="fr-label" for="email">Adresse électronique
              <span class="fr-hint-text">Par exemple prenom.nom@exemple.fr. Vous recevrez un accusé de réception.</span>
            </label>
            <input class="fr-input{{#EMAIL_ERROR}} fr-input--error{{/EMAIL_ERROR}}" type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email" spellcheck="false"{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
            {{#EMAIL_ERROR}}<p class="fr-error-text" id="email-error">{{ERROR_MESSAGE}}</p>{{/EMAIL_ERROR}}
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#PHONE_ERROR}} fr-input-group--error{{/PHONE_ERROR}}">
            <label class="fr-label" for="phone">Téléphone
              <span class="fr-hint-text">Par exemple 06 12 34 56 78.</span>
            </label>
            <input class="fr-input{{#PHONE_ERROR}} fr-input--error{{/PHONE_ERROR}}" type="tel" id="phone" name="phone" value="{{PHONE}}" autocomplete="tel"{{#PHONE_ERROR}} aria-describedby="phone-error"{{/PHONE_ERROR}}>
            {{#PHONE_ERROR}}<p class="fr-error-text" id="phone-error">{{ERROR_MESSAGE}}</p>{{/PHONE_ERROR}}
          </div>
        </div>
      </fieldset>
      <fieldset class="fr-fieldset" id="place" aria-labelledby="place-legend">
        <legend class="fr-fieldset__legend" id="place-legend">Où habitez-vous ?</legend>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#COMMUNE_ERROR}} fr-input-group--error{{/COMMUNE_ERROR}}">
            <label class="fr-label" for="commune">Commune
              <span class="fr-hint-text">Son nom ou son code postal ; des suggestions s’affichent pendant la saisie.</span>
            </label>
            <input class="fr-input{{#COMMUNE_ERROR}} fr-input--error{{/COMMUNE_ERROR}}" type="text" id="commune" name="commune" value="{{COMMUNE}}" list="commune-suggestions" autocomplete="off" data-commune-field{{#COMMUNE_ERROR}} aria-describedby="commune-error"{{/COMMUNE_ERROR}}>
            <datalist id="commune-suggestions"></datalist>
            {{#COMMUNE_ERROR}}<p class="fr-error-text" id="commune-error">{{ERROR_MESSAGE}}</p>{{/COMMUNE_ERROR}}
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#POSTCODE_ERROR}} fr-input-group--error{{/POSTCODE_ERROR}}">
            <label class="fr-label" for="postcode">Code postal (facultatif)
              <span class="fr-hint-text">Utile seulement si votre commune en a plusieurs.</span>
            </label>
            <input class="fr-input{{#POSTCODE_ERROR}} fr-input--error{{/POSTCODE_ERROR}}" type="text" inputmode="numeric" id="postcode" name="postcode" value="{{POSTCODE}}" autocomplete="postal-code"{{#POSTCODE_ERROR}} aria-describedby="postcode-error"{{/POSTCODE_ERROR}}>
            {{#POSTCODE_ERROR}}<p class="fr-error-text" id="postcode-error">{{ERROR_MESSAGE}}</p>{{/POSTCODE_ERROR}}
          </div>
        </div>
      </fieldset>
      <div class="fr-input-group{{#NEED_ERROR}} fr-input-group--error{{/NEED_ERROR}}">
        <label class="fr-label" for="need">De quoi avez-vous besoin ?
          <span class="fr-hint-text">Avec vos mots : votre situation, ce que vous cherchez, ce qui vous bloque. 2 000 caractères au plus.</span>
        </label>
        <textarea class="fr-input{{#NEED_ERROR}} fr-input--error{{/NEED_ERROR}}" id="need" name="need" rows="6"{{#NEED_ERROR}} aria-describedby="need-error"{{/NEED_ERROR}}>{{NEED}}</textarea>
        {{#NEED_ERROR}}<p class="fr-error-text" id="need-error">{{ERROR_MESSAGE}}</p>{{/NEED_ERROR}}
      </div>
      <div class="fr-hidden" aria-hidden="true">
        <label for="site_web">Ne remplissez pas ce champ</label>
        <input type="text" id="site_web" name="site_web" value="" tabindex="-1" autocomplete="off">
      </div>
      <p class="fr-text--sm">Vos réponses sont transmises aux professionnels de l’insertion de votre
        département, qui les utilisent seulement pour vous accompagner.
        <a href="/donnees-personnelles">En savoir plus sur vos données</a>.</p>
      <ul class="fr-btns-group">
        <li><button class="fr-btn" type="submit">Envoyer ma demande</button></li>
      </ul>
    </form>
    <p>Déjà accompagné(e) ? <a href="/mon-espace/connexion">Accéder à mon espace</a></p>
  </div>
</div>
