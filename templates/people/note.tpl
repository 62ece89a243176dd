{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{HEADING}}</a></li>
  </ol>
</nav>
<h1>{{HEADING}}</h1>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#ORIGINAL}}
<div class="fr-callout fr-mb-3w">
  <p class="fr-callout__title fr-text--md">Note corrigée : {{AUTHOR}} — {{WHEN}}</p>
  <p class="fr-callout__text">{{BODY}}</p>
</div>
<p class="fr-hint-text">La note d’origine reste visible : la correction s’ajoute au carnet de bord.</p>
{{/ORIGINAL}}
{{>NOTE_FORM}}
<p><a class="fr-link" href="/personnes/{{PERSON_ID}}#notes">Retour à la fiche</a></p>
