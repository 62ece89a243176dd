{{%AUTOESCAPE context="HTML"}}
<div class="fr-grid-row fr-grid-row--center">
  <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
    <h1>Connexion à Parcours</h1>
    {{#ERROR_SUMMARY}}
    <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-4w" role="alert">
      <p>{{ERROR_MESSAGE}}</p>
    </div>
    {{/ERROR_SUMMARY}}
    <form method="post" action="/connexion" novalidate>
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <input type="hidden" name="next" value="{{NEXT}}">
      <fieldset class="fr-fieldset" id="login-fieldset" aria-labelledby="login-legend">
        <legend class="fr-fieldset__legend" id="login-legend">Se connecter avec son compte</legend>
        <div class="fr-fieldset__element">
          <p class="fr-text--sm">Tous les champs sont obligatoires.</p>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-input-group{{#EMAIL_ERROR}} fr-input-group--error{{/EMAIL_ERROR}}">
            <label class="fr-label" for="email">Adresse électronique
              <span class="fr-hint-text">Format attendu : prenom.nom@exemple.fr</span>
            </label>
            <input class="fr-input{{#EMAIL_ERROR}} fr-input--error{{/EMAIL_ERROR}}" type="email" id="email" name="email" value="{{EMAIL}}"
                   autocomplete="username" spellcheck="false" required{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
            {{#EMAIL_ERROR}}<p class="fr-error-text" id="email-error">{{ERROR_MESSAGE}}</p>{{/EMAIL_ERROR}}
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-password{{#PASSWORD_ERROR}} fr-input-group--error{{/PASSWORD_ERROR}}" id="password-group">
            <label class="fr-password__label fr-label" for="password">Mot de passe</label>
            <div class="fr-input-wrap">
              <input class="fr-password__input fr-input{{#PASSWORD_ERROR}} fr-input--error{{/PASSWORD_ERROR}}" type="password" id="password"
                     name="password" autocomplete="current-password" autocapitalize="off"
                     autocorrect="off" required{{#PASSWORD_ERROR}} aria-describedby="password-error"{{/PASSWORD_ERROR}}>
            </div>
            {{#PASSWORD_ERROR}}<p class="fr-error-text" id="password-error">{{ERROR_MESSAGE}}</p>{{/PASSWORD_ERROR}}
            <div class="fr-password__checkbox fr-checkbox-group fr-checkbox-group--sm">
              <input aria-label="Afficher le mot de passe" id="password-show" type="checkbox">
              <label class="fr--password__checkbox fr-label" for="password-show">Afficher</label>
            </div>
            <p><a href="/mot-de-passe-oublie" class="fr-link">Mot de passe oublié ?</a></p>
          </div>
        </div>
      </fieldset>
      <ul class="fr-btns-group">
        <li><button class="fr-btn" type="submit">Se connecter</button></li>
      </ul>
    </form>
  </div>
</div>
