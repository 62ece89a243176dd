{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/mon-espace">Mon espace</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Vos besoins</a></li>
  </ol>
</nav>
<h1>Vos besoins, avec vos mots</h1>
<p>Vous êtes la première personne à savoir ce dont vous avez besoin. Répondez à ce que vous voulez, avec vos mots : votre équipe lira vos réponses avant votre rendez-vous. Rien n’est obligatoire.</p>
{{#SAVED}}<p class="fr-text--sm">Dernières réponses enregistrées le {{SAVED_AT}}. Vous pouvez les modifier à tout moment.</p>{{/SAVED}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Une réponse est à corriger</h2>
  <p><a href="#{{ERROR_ANCHOR}}">{{ERROR_MESSAGE}}</a></p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/mon-espace/diagnostic" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{>FIELDS}}
  <ul class="fr-btns-group">
    <li><button class="fr-btn" type="submit">Enregistrer mes réponses</button></li>
  </ul>
</form>
