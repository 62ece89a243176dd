{{%AUTOESCAPE context="HTML"}}<h1>Imports de personnes</h1>
<p>Importez la liste des personnes exportée de votre logiciel (fichier CSV). Vous choisissez une fois quelle colonne du fichier correspond à quelle information ; Parcours s’en souvient pour les fichiers suivants de votre structure. Avant toute écriture, un aperçu indique, ligne par ligne, les personnes à créer, à mettre à jour, inchangées et les lignes en erreur. Importer deux fois le même fichier ne change rien.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#NO_ORGANISATION}}<p>Aucune structure active pour laquelle vous pouvez importer.</p>{{/NO_ORGANISATION}}
<form method="post" action="/imports/personnes" enctype="multipart/form-data" novalidate class="fr-mb-6w">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-select-group{{#ORGANISATION_ID_ERROR}} fr-select-group--error{{/ORGANISATION_ID_ERROR}}">
    <label class="fr-label" for="organisation_id">Structure</label>
    <select class="fr-select" id="organisation_id" name="organisation_id"{{#ORGANISATION_ID_ERROR}} aria-describedby="organisation_id-error"{{/ORGANISATION_ID_ERROR}}>
      {{#ORGANISATION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ORGANISATION}}
    </select>
    {{#ORGANISATION_ID_ERROR}}<p class="fr-error-text" id="organisation_id-error">{{ERROR_MESSAGE}}</p>{{/ORGANISATION_ID_ERROR}}
  </div>
  <div class="fr-upload-group{{#FILE_ERROR}} fr-upload-group--error{{/FILE_ERROR}}">
    <label class="fr-label" for="file">Fichier des personnes
      <span class="fr-hint-text">Fichier CSV (séparateur point-virgule, virgule ou tabulation ; UTF-8 ou Windows), jusqu’à 256 Mo.</span>
    </label>
    <input class="fr-upload" type="file" id="file" name="file" accept=".csv,.txt,.tsv,text/csv"{{#FILE_ERROR}} aria-describedby="file-error"{{/FILE_ERROR}}>
    {{#FILE_ERROR}}<p class="fr-error-text" id="file-error">{{ERROR_MESSAGE}}</p>{{/FILE_ERROR}}
  </div>
  <button class="fr-btn fr-mt-3w" type="submit">Envoyer et voir l’aperçu</button>
</form>
<section class="fr-callout fr-mb-6w" aria-labelledby="excel-title">
  <h2 class="fr-callout__title" id="excel-title">Depuis Excel ou LibreOffice</h2>
  <div class="fr-callout__text">
    <p>Ouvrez le classeur, puis :</p>
    <ol>
      <li>Excel : <strong>Fichier → Enregistrer sous</strong>, type <strong>« CSV UTF-8 (délimité par des virgules) (*.csv) »</strong>, puis Enregistrer (acceptez de n’enregistrer que la feuille active).</li>
      <li>LibreOffice Calc : <strong>Fichier → Enregistrer sous</strong>, type <strong>« Texte CSV (.csv) »</strong>, cochez « Éditer les paramètres du filtre », jeu de caractères <strong>Unicode (UTF-8)</strong>, séparateur <strong>;</strong>.</li>
    </ol>
    <p>La première ligne doit contenir les noms des colonnes. Les dates peuvent être écrites JJ/MM/AAAA, JJ-MM-AAAA, AAAA-MM-JJ ou JJ/MM/AA. Un fichier enregistré en « CSV (séparateur : point-virgule) » par une ancienne version d’Excel (encodage Windows) est aussi accepté.</p>
  </div>
</section>
<h2>Imports précédents</h2>
{{#EMPTY}}<p>Aucun import pour l’instant.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container" tabindex="0" role="region" aria-label="Imports précédents (tableau défilant)">
      <div class="fr-table__content">
        <table>
          <caption>Imports de personnes de vos structures</caption>
          <thead>
            <tr>
              <th scope="col">Fichier</th>
              <th scope="col">Structure</th>
              <th scope="col">Envoyé le</th>
              <th scope="col">État</th>
              <th scope="col">Résultat</th>
            </tr>
          </thead>
          <tbody>
            {{#ROW}}
            <tr>
              <td><a href="/imports/personnes/{{ID}}">{{FILE_NAME}}</a></td>
              <td>{{ORGANISATION}}</td>
              <td>{{STARTED}}</td>
              <td><p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</p></td>
              <td>{{SUMMARY}}</td>
            </tr>
            {{/ROW}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{/HAS_ROWS}}
