{{%AUTOESCAPE context="HTML"}}
<div class="fr-grid-row fr-grid-row--center">
  <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
    {{#INVALID_LINK}}
    <h1>Lien expiré ou déjà utilisé</h1>
    <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-4w">
      <p>Ce lien n'est plus valable : il a déjà servi, ou il a expiré (un lien de
        réinitialisation est valable 30 minutes, une invitation 7 jours).</p>
    </div>
    <p>Vous pouvez demander un nouveau lien, qui vous sera envoyé par courriel.</p>
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <li><a class="fr-btn" href="/mot-de-passe-oublie">Demander un nouveau lien</a></li>
      <li><a class="fr-btn fr-btn--secondary" href="/connexion">Retour à la connexion</a></li>
    </ul>
    {{/INVALID_LINK}}
    {{#FORM}}
    {{#INVITATION}}<h1>Choisir votre mot de passe</h1>
    <p>Bienvenue dans Parcours. Choisissez le mot de passe de votre compte.</p>{{/INVITATION}}
    {{#RESET}}<h1>Choisir un nouveau mot de passe</h1>{{/RESET}}
    <p>Compte : <strong>{{EMAIL}}</strong></p>
    {{#ERROR_SUMMARY}}
    <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-4w" role="alert">
      <p>{{ERROR_MESSAGE}}</p>
    </div>
    {{/ERROR_SUMMARY}}
    <form method="post" action="/mot-de-passe/{{TOKEN}}" novalidate>
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <input type="email" name="username" value="{{EMAIL}}" autocomplete="username" hidden readonly>
      <div class="fr-input-group{{#PASSWORD_ERROR}} fr-input-group--error{{/PASSWORD_ERROR}}">
        <label class="fr-label" for="password">Nouveau mot de passe
          <span class="fr-hint-text">12 caractères au moins. Une phrase de plusieurs mots est
            facile à retenir et difficile à deviner.</span>
        </label>
        <input class="fr-input{{#PASSWORD_ERROR}} fr-input--error{{/PASSWORD_ERROR}}" type="password" id="password" name="password"
               autocomplete="new-password" autocapitalize="off" autocorrect="off" required{{#PASSWORD_ERROR}} aria-describedby="password-error"{{/PASSWORD_ERROR}}>
        {{#PASSWORD_ERROR}}<p class="fr-error-text" id="password-error">{{ERROR_MESSAGE}}</p>{{/PASSWORD_ERROR}}
      </div>
      <div class="fr-input-group{{#PASSWORD_CONFIRMATION_ERROR}} fr-input-group--error{{/PASSWORD_CONFIRMATION_ERROR}}">
        <label class="fr-label" for="password_confirmation">Confirmer le mot de passe</label>
        <input class="fr-input{{#PASSWORD_CONFIRMATION_ERROR}} fr-input--error{{/PASSWORD_CONFIRMATION_ERROR}}" type="password" id="password_confirmation"
               name="password_confirmation" autocomplete="new-password" autocapitalize="off"
               autocorrect="off" required{{#PASSWORD_CONFIRMATION_ERROR}} aria-describedby="password_confirmation-error"{{/PASSWORD_CONFIRMATION_ERROR}}>
        {{#PASSWORD_CONFIRMATION_ERROR}}<p class="fr-error-text" id="password_confirmation-error">{{ERROR_MESSAGE}}</p>{{/PASSWORD_CONFIRMATION_ERROR}}
      </div>
      <ul class="fr-btns-group">
        <li><button class="fr-btn" type="submit">Enregistrer le mot de passe</button></li>
      </ul>
    </form>
    {{/FORM}}
  </div>
</div>
