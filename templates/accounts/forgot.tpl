{{%AUTOESCAPE context="HTML"}}
<div class="fr-grid-row fr-grid-row--center">
  <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
    <h1>Mot de passe oublié</h1>
    {{#SENT}}
    <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-4w" role="status">
      <p>Si un compte existe pour cette adresse, un courriel vient d'être envoyé. Le lien qu'il
        contient est valable 30 minutes et ne sert qu'une fois.</p>
    </div>
    <p>Pensez à regarder dans vos courriels indésirables. Rien reçu après quelques minutes ?
      <a href="/mot-de-passe-oublie">Faire une nouvelle demande</a>.</p>
    <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/connexion">Retour à la connexion</a></p>
    {{/SENT}}
    {{#FORM}}
    {{#ERROR_SUMMARY}}
    <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-4w" role="alert">
      <p>{{ERROR_MESSAGE}}</p>
    </div>
    {{/ERROR_SUMMARY}}
    <p>Saisissez l'adresse électronique de votre compte : nous vous enverrons un lien pour
      choisir un nouveau mot de passe.</p>
    <form method="post" action="/mot-de-passe-oublie" novalidate>
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <div class="fr-input-group{{#EMAIL_ERROR}} fr-input-group--error{{/EMAIL_ERROR}}">
        <label class="fr-label" for="email">Adresse électronique
          <span class="fr-hint-text">Format attendu : prenom.nom@exemple.fr</span>
        </label>
        <input class="fr-input{{#EMAIL_ERROR}} fr-input--error{{/EMAIL_ERROR}}" type="email" id="email" name="email" value="{{EMAIL}}"
               autocomplete="username" spellcheck="false" required{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
        {{#EMAIL_ERROR}}<p class="fr-error-text" id="email-error">{{ERROR_MESSAGE}}</p>{{/EMAIL_ERROR}}
      </div>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button class="fr-btn" type="submit">Recevoir un lien</button></li>
        <li><a class="fr-btn fr-btn--secondary" href="/connexion">Retour à la connexion</a></li>
      </ul>
    </form>
    {{/FORM}}
  </div>
</div>
