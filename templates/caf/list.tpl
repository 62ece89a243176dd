{{%AUTOESCAPE context="HTML"}}<h1>Imports du flux CAF</h1>
<p>Importez le flux « bénéficiaires RSA » (fichier XML vrsb0801) reçu de la CAF ou de la MSA. Le fichier est d’abord vérifié en entier : s’il n’est pas conforme, rien n’est importé. Importer deux fois le même fichier ne change rien ; un fichier plus ancien qu’un fichier déjà importé est refusé.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/imports/caf" enctype="multipart/form-data" novalidate class="fr-mb-6w">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#TERRITORY_CHOICE}}
  <div class="fr-select-group{{#TERRITORY_ID_ERROR}} fr-select-group--error{{/TERRITORY_ID_ERROR}}">
    <label class="fr-label" for="territory_id">Territoire</label>
    <select class="fr-select" id="territory_id" name="territory_id"{{#TERRITORY_ID_ERROR}} aria-describedby="territory_id-error"{{/TERRITORY_ID_ERROR}}>
      {{#TERRITORY}}<option value="{{ID}}">{{NAME}}</option>{{/TERRITORY}}
    </select>
    {{#TERRITORY_ID_ERROR}}<p class="fr-error-text" id="territory_id-error">{{ERROR_MESSAGE}}</p>{{/TERRITORY_ID_ERROR}}
  </div>
  {{/TERRITORY_CHOICE}}
  <div class="fr-upload-group{{#FILE_ERROR}} fr-upload-group--error{{/FILE_ERROR}}">
    <label class="fr-label" for="file">Fichier du flux
      <span class="fr-hint-text">Fichier XML (vrsb0801), jusqu’à 512 Mo.</span>
    </label>
    <input class="fr-upload" type="file" id="file" name="file" accept=".xml,application/xml,text/xml"{{#FILE_ERROR}} aria-describedby="file-error"{{/FILE_ERROR}}>
    {{#FILE_ERROR}}<p class="fr-error-text" id="file-error">{{ERROR_MESSAGE}}</p>{{/FILE_ERROR}}
  </div>
  <button class="fr-btn fr-mt-3w" type="submit">Importer le flux</button>
</form>
<h2>Imports précédents</h2>
{{#EMPTY}}<p>Aucun import pour l’instant.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Imports du flux CAF de votre territoire</caption>
          <thead>
            <tr>
              <th scope="col">Fichier</th>
              <th scope="col">Envoyé le</th>
              <th scope="col">État</th>
              <th scope="col">Résultat</th>
            </tr>
          </thead>
          <tbody>
            {{#ROW}}
            <tr>
              <td><a href="/imports/caf/{{ID}}">{{FILE_NAME}}</a></td>
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
