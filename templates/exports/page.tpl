{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="breadcrumb">Voir le fil d’Ariane</button>
  <div class="fr-collapse" id="breadcrumb">
    <ol class="fr-breadcrumb__list">
      <li><a class="fr-breadcrumb__link" href="/territoires/{{ID}}">Territoire {{NAME}}</a></li>
      <li><a class="fr-breadcrumb__link" aria-current="page">Exports CSV</a></li>
    </ol>
  </div>
</nav>
<h1>Exports CSV — {{NAME}}</h1>
<p>Les fichiers s’ouvrent directement dans un tableur (Excel, LibreOffice Calc) : encodage UTF-8,
  colonnes séparées par des points-virgules, dates au format JJ/MM/AAAA.</p>
<div class="fr-notice fr-notice--info fr-mb-3w">
  <div class="fr-container">
    <div class="fr-notice__body">
      <p class="fr-notice__title">Chaque export est enregistré dans le journal (qui, quel fichier, combien de lignes). Ces fichiers contiennent des données personnelles : ne les conservez que le temps nécessaire.</p>
    </div>
  </div>
</div>
<div class="fr-grid-row fr-grid-row--gutters">
  <div class="fr-col-12 fr-col-md-6">
    <div class="fr-card">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h2 class="fr-card__title">Personnes</h2>
          <p class="fr-card__desc">{{PERSONS}} personne(s) : identité, coordonnées, situation RSA. Le NIR n’est pas exporté.</p>
        </div>
        <div class="fr-card__footer">
          <form method="post" action="/territoires/{{ID}}/exports/personnes">
            <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
            <button class="fr-btn fr-icon-download-line fr-btn--icon-left" type="submit">Exporter les personnes</button>
          </form>
        </div>
      </div>
    </div>
  </div>
  <div class="fr-col-12 fr-col-md-6">
    <div class="fr-card">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h2 class="fr-card__title">Parcours</h2>
          <p class="fr-card__desc">{{JOURNEYS}} parcours : statut, entrée, dates, référent et sa structure.</p>
        </div>
        <div class="fr-card__footer">
          <form method="post" action="/territoires/{{ID}}/exports/parcours">
            <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
            <button class="fr-btn fr-icon-download-line fr-btn--icon-left" type="submit">Exporter les parcours</button>
          </form>
        </div>
      </div>
    </div>
  </div>
</div>
<h2 class="fr-mt-5w">Derniers exports</h2>
{{#NO_HISTORY}}<p>Aucun export pour l’instant.</p>{{/NO_HISTORY}}
{{#HAS_HISTORY}}
<div class="fr-table">
  <table>
    <caption class="fr-sr-only">Les dix derniers exports du territoire</caption>
    <thead><tr><th scope="col">Date</th><th scope="col">Par</th><th scope="col">Fichier</th><th scope="col">Lignes</th></tr></thead>
    <tbody>
      {{#HISTORY}}<tr><td>{{WHEN}}</td><td>{{WHO}}</td><td>{{WHAT}}</td><td>{{ROWS}}</td></tr>
      {{/HISTORY}}
    </tbody>
  </table>
</div>
{{/HAS_HISTORY}}
