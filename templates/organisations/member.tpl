{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures">Structures</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}">{{ORG_NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}/membres">Membres</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{NAME}}</a></li>
  </ol>
</nav>
<h1>{{NAME}}</h1>
<p>{{EMAIL}}</p>
{{#INACTIVE}}<p class="fr-badge fr-mb-2w">Désactivé dans cette structure</p><p>Enregistrer des rôles réactive cette personne dans la structure.</p>{{/INACTIVE}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/structures/{{ORG_ID}}/membres/{{USER_ID}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{>ROLES_FIELDS}}
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Enregistrer les rôles</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/structures/{{ORG_ID}}/membres">Annuler</a></li>
  </ul>
</form>
{{#CAN_DEACTIVATE}}
<h2>Désactiver</h2>
<p>La personne perd ses rôles dans cette structure ; son compte et ses rôles ailleurs restent.</p>
<form method="post" action="/structures/{{ORG_ID}}/membres/{{USER_ID}}/desactiver">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button class="fr-btn fr-btn--tertiary" type="submit">Désactiver {{NAME}} dans la structure</button>
</form>
{{/CAN_DEACTIVATE}}
