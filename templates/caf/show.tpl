{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="breadcrumb">Voir le fil d’Ariane</button>
  <div class="fr-collapse" id="breadcrumb">
    <ol class="fr-breadcrumb__list">
      <li><a class="fr-breadcrumb__link" href="/imports/caf">Imports du flux CAF</a></li>
      <li><a class="fr-breadcrumb__link" aria-current="page">Import n° {{ID}}</a></li>
    </ol>
  </div>
</nav>
<h1>Import du flux « {{FILE_NAME}} »</h1>
<p>Envoyé le {{STARTED}} — <span class="fr-badge fr-badge--sm {{BADGE}}" id="caf-status">{{STATUS}}</span></p>
{{#RUNNING}}
<div class="fr-mb-4w" data-caf-progress="/imports/caf/{{ID}}/progression.json" data-caf-report="/imports/caf/{{ID}}">
  <label class="fr-label" for="caf-progress-bar">Progression de l’import</label>
  <progress class="caf-progress" id="caf-progress-bar" max="100" value="{{PERCENT}}">{{PERCENT}} %</progress>
  <p class="fr-text--sm" id="caf-progress-text" role="status" aria-live="polite">{{DONE}} foyers traités sur {{TOTAL}} ({{PERCENT}} %).</p>
  <p class="fr-text--sm">La page se met à jour seule ; vous pouvez aussi la <a href="/imports/caf/{{ID}}">recharger</a>. Le compte rendu vous sera aussi envoyé par courriel.</p>
</div>
{{/RUNNING}}
{{#REFUSED}}
<div class="fr-alert fr-alert--error fr-mb-3w">
  <h2 class="fr-alert__title">Flux refusé</h2>
  <p>{{MESSAGE}}</p>
</div>
<ul>
  {{#SCHEMA_ERROR}}<li>Ligne {{LINE}} : {{TEXT}}</li>{{/SCHEMA_ERROR}}
</ul>
{{/REFUSED}}
{{#FINISHED}}
<h2>Compte rendu</h2>
{{#HAS_NOTE}}<div class="fr-notice fr-notice--info fr-mb-2w"><div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">Import terminé : {{NOTE}}</p></div></div></div>{{/HAS_NOTE}}
{{#HAS_REFERENCE}}<p>Flux de référence du {{REFERENCE_DATE}}.</p>{{/HAS_REFERENCE}}
<ul>
  <li>{{HOUSEHOLDS}} foyers lus</li>
  <li>{{CREATED}} personnes créées (et mises en file d’orientation)</li>
  <li>{{UPDATED}} personnes mises à jour</li>
  <li>{{UNCHANGED}} personnes inchangées</li>
  <li>{{REJECTED}} foyers refusés</li>
</ul>
<p><a class="fr-link fr-icon-download-line fr-link--icon-left" href="/imports/caf/{{ID}}/rapport.json">Compte rendu complet au format JSON</a></p>
{{#NO_LINES}}<p>Aucune personne créée, mise à jour ou refusée.</p>{{/NO_LINES}}
{{#HAS_LINES}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Détail, ligne par ligne</caption>
          <thead>
            <tr>
              <th scope="col">Ligne du fichier</th>
              <th scope="col">Matricule</th>
              <th scope="col">Résultat</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {{#LINE}}
            <tr>
              <td>{{LINE_NUMBER}}</td>
              <td>{{MATRICULE}}</td>
              <td>{{OUTCOME}}</td>
              <td>{{#HAS_PERSON}}<a href="/personnes/{{PERSON_ID}}">{{TEXT}}</a>{{/HAS_PERSON}}{{#NO_PERSON}}{{TEXT}}{{/NO_PERSON}}</td>
            </tr>
            {{/LINE}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
<nav class="fr-pagination" aria-label="Pagination du compte rendu">
  <ul class="fr-pagination__list">
    {{#PREVIOUS}}<li><a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href="/imports/caf/{{ID}}?page={{PREVIOUS_PAGE}}">Page précédente</a></li>{{/PREVIOUS}}
    {{#NEXT}}<li><a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href="/imports/caf/{{ID}}?page={{NEXT_PAGE}}">Page suivante</a></li>{{/NEXT}}
  </ul>
</nav>
{{/HAS_LINES}}
{{/FINISHED}}
