{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures">Structures</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{NAME}}</a></li>
  </ol>
</nav>
<h1>{{NAME}}</h1>
{{#INACTIVE}}<p class="fr-badge fr-mb-2w">Désactivée</p>{{/INACTIVE}}
<dl class="parcours-details">
  <dt>Type</dt><dd>{{KIND}}</dd>
  <dt>Territoire</dt><dd>{{TERRITORY}}</dd>
  <dt>Identifiant</dt><dd>{{SLUG}}</dd>
  <dt>SIRET</dt><dd>{{SIRET}}</dd>
  <dt>Adresse</dt><dd>{{ADDRESS}}</dd>
  <dt>Adresse électronique</dt><dd>{{EMAIL}}</dd>
  <dt>Téléphone</dt><dd>{{PHONE}}</dd>
</dl>
<ul class="fr-btns-group fr-btns-group--inline-md">
  {{#CAN_EDIT}}<li><a class="fr-btn" href="/structures/{{ID}}/modifier">Modifier</a></li>{{/CAN_EDIT}}
  {{#CAN_SEE_MEMBERS}}<li><a class="fr-btn fr-btn--secondary" href="/structures/{{ID}}/membres">Membres</a></li>{{/CAN_SEE_MEMBERS}}
  {{#CAN_API}}<li><a class="fr-btn fr-btn--secondary" href="/structures/{{ID}}/acces-api">Accès API</a></li>{{/CAN_API}}
  {{#CAN_API}}<li><a class="fr-btn fr-btn--secondary" href="/structures/{{ID}}/webhooks">Webhooks</a></li>{{/CAN_API}}
  <li><a class="fr-btn fr-btn--secondary" href="/structures/{{ID}}/services">Offre de services</a></li>
</ul>
{{#CAN_DEACTIVATE}}
<form method="post" action="/structures/{{ID}}/desactiver">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button class="fr-btn fr-btn--tertiary" type="submit">Désactiver la structure</button>
</form>
{{/CAN_DEACTIVATE}}
{{#CAN_REACTIVATE}}
<form method="post" action="/structures/{{ID}}/reactiver">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button class="fr-btn fr-btn--tertiary" type="submit">Réactiver la structure</button>
</form>
{{/CAN_REACTIVATE}}
{{>LATE_REVIEWS}}
{{#FOLLOWUP_DUE}}<p><a class="fr-link fr-icon-calendar-line fr-link--icon-left" href="/echeances#echeances-structure-{{ID}}">Échéances des parcours suivis par la structure : engagements à renouveler, suivis dans l’emploi</a></p>{{/FOLLOWUP_DUE}}
