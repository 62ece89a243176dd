{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures">Structures</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}">{{ORG_NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Membres</a></li>
  </ol>
</nav>
<h1>Membres de {{ORG_NAME}}</h1>
{{MEMBERS_TABLE:none}}

<h2 id="inviter">Inviter une personne</h2>
<p class="fr-hint-text">Sauf mention contraire, tous les champs sont obligatoires.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h3 class="fr-alert__title">Le formulaire contient une erreur</h3>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/structures/{{ORG_ID}}/membres" novalidate aria-labelledby="inviter">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-input-group{{#EMAIL_ERROR}} fr-input-group--error{{/EMAIL_ERROR}}">
    <label class="fr-label" for="email">Adresse électronique
      <span class="fr-hint-text">Format attendu : nom@domaine.fr</span>
    </label>
    <input class="fr-input{{#EMAIL_ERROR}} fr-input--error{{/EMAIL_ERROR}}" type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="off"{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
    {{#EMAIL_ERROR}}<p class="fr-error-text" id="email-error">{{ERROR_MESSAGE}}</p>{{/EMAIL_ERROR}}
  </div>
  <div class="fr-input-group{{#NAME_ERROR}} fr-input-group--error{{/NAME_ERROR}}">
    <label class="fr-label" for="name">Prénom et nom (facultatif si la personne a déjà un compte)</label>
    <input class="fr-input{{#NAME_ERROR}} fr-input--error{{/NAME_ERROR}}" type="text" id="name" name="name" value="{{INVITE_NAME}}" autocomplete="off"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
    {{#NAME_ERROR}}<p class="fr-error-text" id="name-error">{{ERROR_MESSAGE}}</p>{{/NAME_ERROR}}
  </div>
  {{>ROLES_FIELDS}}
  <button class="fr-btn" type="submit">Envoyer l’invitation</button>
</form>
