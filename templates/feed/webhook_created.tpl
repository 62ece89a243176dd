{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures">Structures</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}">{{ORG_NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}/webhooks">Webhooks</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Webhook créé</a></li>
  </ol>
</nav>
<h1>Webhook créé</h1>
<div class="fr-alert fr-alert--success fr-mb-3w">
  <h2 class="fr-alert__title">Les prochains événements seront envoyés à {{URL}}</h2>
  <p>Copiez maintenant le secret de signature dans le logiciel destinataire : il ne sera plus jamais affiché.</p>
</div>
<div class="fr-input-group">
  <label class="fr-label" for="secret">Secret de signature (HMAC-SHA256)</label>
  <input class="fr-input" type="text" id="secret" value="{{SECRET}}" readonly>
</div>
<p><a class="fr-link" href="/structures/{{ORG_ID}}/webhooks/{{ID}}">Voir le webhook et son journal d’envois</a></p>
