{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}">{{ORG_NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Offre de services</a></li>
  </ol>
</nav>
<h1>Offre de services de {{ORG_NAME}}</h1>
<p>Les services de la structure, au format de data·inclusion : publiés, ils sont visibles de tous et peuvent être prescrits.</p>
{{#STALE_ALERT}}
<div class="fr-alert fr-alert--warning fr-mb-3w">
  <h2 class="fr-alert__title">Services à mettre à jour</h2>
  <p>{{STALE_TEXT}} Vérifiez leurs informations, puis enregistrez-les ou confirmez qu’ils sont à jour.</p>
</div>
{{/STALE_ALERT}}
{{#CAN_EDIT}}
<ul class="fr-btns-group fr-btns-group--inline-md">
  <li><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/structures/{{ORG_ID}}/services/nouveau">Ajouter un service</a></li>
</ul>
{{/CAN_EDIT}}
{{#EMPTY}}<p>Aucun service pour le moment.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table">
  <table>
    <caption>Services de la structure</caption>
    <thead>
      <tr><th scope="col">Service</th><th scope="col">Statut</th><th scope="col">Fraîcheur</th><th scope="col">Score de qualité</th></tr>
    </thead>
    <tbody>
      {{#ROW}}
      <tr>
        <td><a href="/services/{{ID}}">{{NOM}}</a></td>
        <td><p class="fr-badge fr-badge--sm {{STATUS_CLASS}}">{{STATUS}}</p></td>
        <td>{{FRESHNESS}} <span class="fr-hint-text">le {{DATE_MAJ}}</span>{{#STALE}}<p class="fr-badge fr-badge--sm fr-badge--warning">À mettre à jour</p>{{/STALE}}</td>
        <td>{{SCORE}}</td>
      </tr>
      {{/ROW}}
    </tbody>
  </table>
</div>
{{/HAS_ROWS}}
<p class="fr-text--sm">Le score de qualité est celui de data·inclusion : la moyenne de critères comme une description assez longue, des publics et thématiques renseignés, un moyen de contact, une mise à jour de moins de 6 mois.</p>
