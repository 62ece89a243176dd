{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="breadcrumb">Voir le fil d’Ariane</button>
  <div class="fr-collapse" id="breadcrumb">
    <ol class="fr-breadcrumb__list">
      <li><a class="fr-breadcrumb__link" href="/imports/personnes">Imports de personnes</a></li>
      <li><a class="fr-breadcrumb__link" aria-current="page">Import n° {{ID}}</a></li>
    </ol>
  </div>
</nav>
<h1>Correspondance des colonnes</h1>
<p>Fichier « {{FILE_NAME}} » pour {{ORGANISATION}} : {{COLUMNS}} colonnes, encodage détecté <strong>{{ENCODING}}</strong>, séparateur détecté <strong>{{SEPARATOR}}</strong>.</p>
<p>Pour chaque information de Parcours, choisissez la colonne du fichier qui la contient (ou « Aucune colonne »). Les choix proposés viennent de la correspondance enregistrée pour votre structure, sinon des noms de colonnes habituels. Ils seront retenus pour les prochains fichiers de la structure. Une personne est retrouvée par son NIR, l’identifiant du département, l’identifiant France Travail, ou le matricule CAF avec sa date de naissance : choisissez au moins une de ces colonnes.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">La correspondance contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/imports/personnes/{{ID}}/correspondance" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#FIELD}}
  <div class="fr-select-group{{#FIELD_ERROR}} fr-select-group--error{{/FIELD_ERROR}}">
    <label class="fr-label" for="field-{{KEY}}">{{LABEL}}{{#HAS_HINT}}<span class="fr-hint-text">{{HINT}}</span>{{/HAS_HINT}}</label>
    <select class="fr-select" id="field-{{KEY}}" name="{{KEY}}"{{#FIELD_ERROR}} aria-describedby="field-{{KEY}}-error"{{/FIELD_ERROR}}>
      <option value="">Aucune colonne</option>
      {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>{{/OPTION}}
    </select>
    {{#FIELD_ERROR}}<p class="fr-error-text" id="field-{{KEY}}-error">{{ERROR_MESSAGE}}</p>{{/FIELD_ERROR}}
  </div>
  {{/FIELD}}
  <button class="fr-btn fr-mt-3w" type="submit">Enregistrer et voir l’aperçu</button>
</form>
