{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Diagnostic</a></li>
  </ol>
</nav>
<h1>Diagnostic socio-professionnel</h1>
{{#PERSON_PART}}<div class="fr-callout fr-mb-3w"><p class="fr-callout__text">La personne a exprimé ses besoins avec ses mots le {{PERSON_SAVED_AT}} : sa réponse est affichée sous « Selon la personne », à côté de chaque question.</p></div>{{/PERSON_PART}}
{{#NO_PERSON_PART}}<p class="fr-text--sm">La personne n’a pas encore exprimé ses besoins depuis son espace.</p>{{/NO_PERSON_PART}}
{{#SAVED}}<p>Version {{VERSION}}, enregistrée le {{SAVED_AT}} par {{SAVED_BY}}.</p>{{/SAVED}}
{{#FIRST_TIME}}<p class="fr-text--sm">Premier diagnostic : les réponses déjà connues sont pré-remplies depuis la fiche, avec leur source.</p>{{/FIRST_TIME}}
<p><a class="fr-link" href="/personnes/{{PERSON_ID}}/diagnostic/historique">Historique et comparaison des versions</a></p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le diagnostic contient une erreur</h2>
  <p><a href="#{{ERROR_ANCHOR}}">{{ERROR_MESSAGE}}</a></p>
</div>
{{/ERROR_SUMMARY}}
{{#CAN_WRITE}}<form method="post" action="/personnes/{{PERSON_ID}}/diagnostic" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">{{/CAN_WRITE}}
  {{>FIELDS}}
{{#CAN_WRITE}}  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Enregistrer une nouvelle version</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/personnes/{{PERSON_ID}}">Retour à la fiche</a></li>
  </ul>
</form>{{/CAN_WRITE}}
