{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Nouvelle personne</a></li>
  </ol>
</nav>
<h1>Nouvelle personne</h1>
<p>Avant de créer une fiche, Parcours cherche si la personne est déjà connue : une même personne n’a qu’une fiche, partagée par tous ceux qui l’accompagnent.</p>
<p class="fr-hint-text">Seuls le nom de naissance et les prénoms sont obligatoires.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#SUGGESTIONS}}
<div class="fr-alert fr-alert--warning fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Cette personne est peut-être déjà enregistrée</h2>
  <p>Vérifiez les fiches suivantes avant d’en créer une nouvelle :</p>
  <ul>
    {{#SUGGESTION}}<li><a href="/personnes/{{ID}}">{{NAME}}</a>{{#BIRTH}}, née ou né le {{BIRTH_DATE}}{{/BIRTH}} — {{REASON}}</li>{{/SUGGESTION}}
  </ul>
  <p>S’il s’agit d’une autre personne, créez sa fiche avec le bouton « Créer quand même une nouvelle fiche » en bas du formulaire.</p>
</div>
{{/SUGGESTIONS}}
<form method="post" action="/personnes/nouvelle" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="territoire" value="{{TERRITORY_ID}}">
  {{#SUGGESTIONS}}<input type="hidden" name="confirm" value="1">{{/SUGGESTIONS}}
  {{>IDENTITY_FIELDS}}
  {{>CONTACT_SECTION}}
  {{>NEED_FIELD}}
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">{{SUBMIT}}</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/personnes">Annuler</a></li>
  </ul>
</form>
