{{%AUTOESCAPE context="HTML"}}
<div class="fr-grid-row fr-grid-row--center">
  <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
    <h1>Accéder à mon espace</h1>
    {{#SENT}}
    <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-4w" role="status">
      <p>Si votre dossier connaît l’adresse {{EMAIL}}, un courriel vient de vous être envoyé.</p>
    </div>
    <p>Ouvrez le lien qu’il contient. Il marche pendant <strong>15 minutes</strong> et une seule fois.</p>
    <p>Pas de courriel après quelques minutes ? Regardez dans les courriels indésirables, ou
      <a href="/mon-espace/connexion">demandez un nouveau lien</a>. Si votre adresse a changé,
      appelez votre référent ou la structure qui vous accompagne.</p>
    {{/SENT}}
    {{#FORM}}
    <p>Votre espace vous montre votre parcours, votre équipe, les messages qu’elle partage avec
      vous, et qui a consulté votre dossier.</p>
    {{#ERROR_SUMMARY}}
    <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-4w" role="alert">
      <p>{{ERROR_MESSAGE}}</p>
    </div>
    {{/ERROR_SUMMARY}}
    <form method="post" action="/mon-espace/connexion" novalidate>
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <div class="fr-input-group{{#EMAIL_ERROR}} fr-input-group--error{{/EMAIL_ERROR}}">
        <label class="fr-label" for="email">Votre adresse électronique
          <span class="fr-hint-text">Celle que vous avez donnée à votre référent. Exemple : prenom.nom@exemple.fr</span>
        </label>
        <input class="fr-input{{#EMAIL_ERROR}} fr-input--error{{/EMAIL_ERROR}}" type="email" id="email" name="email" value="{{EMAIL}}"
               autocomplete="email" spellcheck="false" required{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
        {{#EMAIL_ERROR}}<p class="fr-error-text" id="email-error">{{ERROR_MESSAGE}}</p>{{/EMAIL_ERROR}}
      </div>
      <ul class="fr-btns-group">
        <li><button class="fr-btn" type="submit">Recevoir un lien par courriel</button></li>
      </ul>
    </form>
    <p>Nous vous envoyons un lien : pas besoin de mot de passe.</p>
    <h2 class="fr-h4">Vous n’êtes pas encore accompagné(e) ?</h2>
    <p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/demander-un-accompagnement">Demander un accompagnement</a></p>
    {{/FORM}}
  </div>
</div>
