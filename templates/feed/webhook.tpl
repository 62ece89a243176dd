{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures">Structures</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}">{{ORG_NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}/webhooks">Webhooks</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{URL}}</a></li>
  </ol>
</nav>
<h1>Webhook vers {{URL}}</h1>
{{#DISABLED}}
<div class="fr-alert fr-alert--error fr-mb-3w">
  <h2 class="fr-alert__title">Désactivé le {{WHEN}} : {{REASON}}</h2>
  <p>Les événements ne sont plus envoyés. Une fois le destinataire réparé, réactivez le webhook : les envois reprendront au premier événement non reçu.</p>
  <form method="post" action="/structures/{{ORG_ID}}/webhooks/{{ID}}/reactiver" class="fr-mt-2w">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button class="fr-btn" type="submit">Réactiver le webhook</button>
  </form>
</div>
{{/DISABLED}}
{{#FAILING}}
<div class="fr-alert fr-alert--warning fr-mb-3w">
  <h2 class="fr-alert__title">{{FAILURES}} échec(s) d’affilée</h2>
  <p>Prochain essai le {{NEXT}}. Après 20 échecs d’affilée ou 3 jours d’échecs, le webhook est désactivé et les administrateurs de la structure sont prévenus.</p>
</div>
{{/FAILING}}
<dl class="parcours-details">
  <dt>État</dt><dd>{{#ACTIVE}}Actif{{/ACTIVE}}{{#DISABLED}}Désactivé{{/DISABLED}}</dd>
  <dt>Jeton</dt><dd>{{TOKEN}}</dd>
  <dt>Événements</dt><dd>{{TYPES}}</dd>
  <dt>Description</dt><dd>{{DESCRIPTION}}</dd>
  <dt>Créé le</dt><dd>{{CREATED}}</dd>
</dl>
<h2>Journal des envois</h2>
{{#NO_DELIVERY}}<p>Aucun envoi pour l’instant.</p>{{/NO_DELIVERY}}
{{#HAS_DELIVERIES}}
<div class="fr-table">
  <table>
    <caption class="fr-sr-only">Les 50 derniers envois, du plus récent au plus ancien</caption>
    <thead><tr><th scope="col">Date</th><th scope="col">Position</th><th scope="col">Type</th><th scope="col">Essai</th><th scope="col">Résultat</th><th scope="col">Durée (ms)</th></tr></thead>
    <tbody>
      {{#DELIVERY}}<tr><td>{{WHEN}}</td><td>{{POSITION}}</td><td>{{TYPE}}</td><td>{{ATTEMPT}}</td><td>{{#OK}}<p class="fr-badge fr-badge--success fr-badge--sm">{{RESULT}}</p>{{/OK}}{{#KO}}<p class="fr-badge fr-badge--error fr-badge--sm">{{RESULT}}</p>{{/KO}}</td><td>{{MS}}</td></tr>
      {{/DELIVERY}}
    </tbody>
  </table>
</div>
{{/HAS_DELIVERIES}}
<h2>Supprimer</h2>
<form method="post" action="/structures/{{ORG_ID}}/webhooks/{{ID}}/supprimer">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button class="fr-btn fr-btn--secondary" type="submit">Supprimer ce webhook et son journal</button>
</form>
