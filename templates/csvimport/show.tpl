{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="breadcrumb">Voir le fil d’Ariane</button>
  <div class="fr-collapse" id="breadcrumb">
    <ol class="fr-breadcrumb__list">
      <li><a class="fr-breadcrumb__link" href="/imports/personnes">Imports de personnes</a></li>
      <li><a class="fr-breadcrumb__link" aria-current="page">Import n° {{ID}}</a></li>
    </ol>
  </div>
</nav>
{{#PREVIEW}}<h1>Aperçu de l’import « {{FILE_NAME}} »</h1>{{/PREVIEW}}
{{#REPORT}}<h1>Compte rendu de l’import « {{FILE_NAME}} »</h1>{{/REPORT}}
{{#RUNNING}}<h1>Import « {{FILE_NAME}} » en cours</h1>{{/RUNNING}}
{{#FAILED}}<h1>Import « {{FILE_NAME}} »</h1>{{/FAILED}}
{{#EXPIRED}}<h1>Import « {{FILE_NAME}} »</h1>{{/EXPIRED}}
<p>Pour {{ORGANISATION}}, envoyé le {{STARTED}} — <span class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</span></p>
<p>{{ROWS}} lignes de données ; encodage détecté <strong>{{ENCODING}}</strong>, séparateur détecté <strong>{{SEPARATOR}}</strong>.</p>
{{#RUNNING}}
<p role="status">L’import est en cours. Cette page se recharge toutes les deux secondes ; vous pouvez aussi la <a href="/imports/personnes/{{ID}}">recharger</a>. Le compte rendu vous sera envoyé par courriel.</p>
{{/RUNNING}}
{{#FAILED}}
<div class="fr-alert fr-alert--error fr-mb-3w">
  <h2 class="fr-alert__title">L’import a échoué</h2>
  <p>{{MESSAGE}}</p>
</div>
{{/FAILED}}
{{#EXPIRED}}
<div class="fr-alert fr-alert--info fr-mb-3w">
  <h2 class="fr-alert__title">Import abandonné</h2>
  <p>{{MESSAGE}} Pour importer ces personnes, <a href="/imports/personnes">envoyez le fichier à nouveau</a>.</p>
</div>
{{/EXPIRED}}
{{#PREVIEW}}
<div class="fr-notice fr-notice--info fr-mb-3w"><div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">Rien n’a encore été enregistré : vérifiez l’aperçu, puis confirmez l’import.</p></div></div></div>
<h2>Ce que l’import fera</h2>
<ul>
  <li>{{TO_CREATE}} personnes à créer (chacune avec un parcours « à orienter »)</li>
  <li>{{TO_UPDATE}} personnes à mettre à jour</li>
  <li>{{TO_LEAVE}} personnes inchangées</li>
  <li>{{TO_REJECT}} lignes en erreur</li>
</ul>
{{#HAS_ERRORS}}<p>Les lignes en erreur ne seront pas importées ; les autres le seront. Vous pouvez aussi corriger le fichier et l’envoyer de nouveau : les personnes déjà importées seront retrouvées, pas créées deux fois.</p>{{/HAS_ERRORS}}
<form method="post" action="/imports/personnes/{{ID}}/importer" class="fr-mb-3w">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Confirmer l’import</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/imports/personnes/{{ID}}/correspondance">Modifier la correspondance des colonnes</a></li>
  </ul>
</form>
{{/PREVIEW}}
{{#REPORT}}
<h2>Résultat</h2>
<p>Terminé le {{FINISHED}}.</p>
<ul>
  <li>{{CREATED}} personnes créées (et mises en file d’orientation)</li>
  <li>{{UPDATED}} personnes mises à jour</li>
  <li>{{UNCHANGED}} personnes inchangées</li>
  <li>{{ERRORS}} lignes en erreur, non importées</li>
</ul>
{{/REPORT}}
<h2>Correspondance utilisée</h2>
<ul>
  {{#MAPPED}}<li>{{LABEL}} : colonne « {{COLUMN}} »</li>{{/MAPPED}}
</ul>
<p><a class="fr-link fr-icon-download-line fr-link--icon-left" href="/imports/personnes/{{ID}}/rapport.json">Détail complet au format JSON</a></p>
{{#PREVIEW}}<h2>Détail, ligne par ligne</h2>{{/PREVIEW}}{{#REPORT}}<h2>Détail, ligne par ligne</h2>{{/REPORT}}
<nav class="fr-mb-2w" aria-label="Filtrer les lignes">
  <ul class="fr-tags-group">
    {{#FILTER}}<li><a class="fr-tag" href="{{HREF}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{LABEL}} ({{COUNT}})</a></li>{{/FILTER}}
  </ul>
</nav>
{{#NO_LINES}}<p>Aucune ligne.</p>{{/NO_LINES}}
{{#HAS_LINES}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container" tabindex="0" role="region" aria-label="Lignes du fichier (tableau défilant)">
      <div class="fr-table__content">
        <table>
          <caption>Lignes du fichier et ce qu’en fait l’import</caption>
          <thead>
            <tr>
              <th scope="col">Ligne du fichier</th>
              <th scope="col">Résultat</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {{#LINE}}
            <tr>
              <td>{{NUMBER}}</td>
              <td><p class="fr-badge fr-badge--sm {{BADGE}}">{{OUTCOME}}</p></td>
              <td>{{#HAS_PERSON}}<a href="/personnes/{{PERSON_ID}}">{{TEXT}}</a>{{/HAS_PERSON}}{{#NO_PERSON}}{{TEXT}}{{/NO_PERSON}}</td>
            </tr>
            {{/LINE}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
<nav class="fr-pagination" aria-label="Pagination des lignes">
  <ul class="fr-pagination__list">
    {{#FIRST}}<li><a class="fr-pagination__link fr-pagination__link--first fr-pagination__link--lg-label" href="{{FIRST_HREF}}">Premières lignes</a></li>{{/FIRST}}
    {{#NEXT}}<li><a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href="{{NEXT_HREF}}">Lignes suivantes</a></li>{{/NEXT}}
  </ul>
</nav>
{{/HAS_LINES}}
