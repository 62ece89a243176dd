{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}">{{ORG_NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}/services">Offre de services</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{HEADING}}</a></li>
  </ol>
</nav>
<h1>{{HEADING}}</h1>
<p class="fr-hint-text">Les champs suivent le modèle de service de data·inclusion. Sauf mention contraire, ils sont facultatifs, mais chacun compte pour le score de qualité.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient {{ERROR_COUNT}}</h2>
  <ul>
    {{#SUMMARY_ITEM}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/SUMMARY_ITEM}}
  </ul>
</div>
{{/ERROR_SUMMARY}}
{{#NOTICE}}<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h2 class="fr-h4">Le service</h2>
  {{>NOM}}
  {{>DESCRIPTION}}
  {{>TYPE}}
  {{>THEMATIQUES}}
  <h2 class="fr-h4">Pour qui</h2>
  {{>PUBLICS}}
  {{>PUBLICS_PRECISIONS}}
  {{>CONDITIONS_ACCES}}
  {{>ZONE}}
  {{>FRAIS}}
  {{>FRAIS_PRECISIONS}}
  <h2 class="fr-h4">Où et quand</h2>
  {{>MODES_ACCUEIL}}
  {{>ADRESSE}}
  {{>COMPLEMENT_ADRESSE}}
  {{>COMMUNE}}
  {{>CODE_POSTAL}}
  {{>LATITUDE}}
  {{>LONGITUDE}}
  {{>HORAIRES_ACCUEIL}}
  {{>VOLUME_HORAIRE_HEBDOMADAIRE}}
  {{>NOMBRE_SEMAINES}}
  <h2 class="fr-h4">Comment le mobiliser</h2>
  {{>MODES_MOBILISATION}}
  {{>MOBILISABLE_PAR}}
  {{>MOBILISATION_PRECISIONS}}
  {{>LIEN_MOBILISATION}}
  {{>CONTACT_NOM_PRENOM}}
  {{>COURRIEL}}
  {{>TELEPHONE}}
  {{>LIEN_SOURCE}}
  <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
    <li><button class="fr-btn" type="submit">{{SUBMIT}}</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="{{CANCEL}}">Annuler</a></li>
  </ul>
</form>
