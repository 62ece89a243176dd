{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Plan d’actions</a></li>
  </ol>
</nav>
<h1>Plan d’actions de {{NAME}}</h1>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Ce changement n’est pas enregistré</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{>NOTICES}}
<p>Le plan se construit avec la personne : ses objectifs, regroupés par thématique, et les actions pour les atteindre. Elle le voit dans son espace, peut proposer des objectifs et indiquer les actions qu’elle a faites.</p>
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
  {{#CAN_EDIT}}<li><a class="fr-btn fr-icon-add-line" href="/personnes/{{PERSON_ID}}/plan/objectifs/nouveau">Ajouter un objectif</a></li>
  <li><a class="fr-btn fr-btn--secondary fr-icon-add-line" href="/personnes/{{PERSON_ID}}/plan/actions/nouvelle">Ajouter une action</a></li>{{/CAN_EDIT}}
  <li><a class="fr-btn fr-btn--tertiary fr-icon-printer-line" href="/personnes/{{PERSON_ID}}/plan/imprimer">Version imprimable</a></li>
</ul>

<h2 id="objectifs">Objectifs et actions</h2>
{{>GOALS}}

<h2 id="points-etape">Points d’étape</h2>
<p>Prochain point d’étape : <strong>{{NEXT_REVIEW}}</strong>.</p>
{{#CAN_EDIT}}<p><a class="fr-btn fr-btn--secondary" href="/personnes/{{PERSON_ID}}/plan/point-etape">Faire le point d’étape</a></p>{{/CAN_EDIT}}
{{#CAN_DECIDE_OPEN}}
<form method="post" action="/personnes/{{PERSON_ID}}/plan/prochain-point" class="fr-mb-4w" novalidate aria-labelledby="prochain-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h3 id="prochain-titre" class="fr-h6">Fixer le prochain point d’étape</h3>
  <div class="fr-input-group{{#NEXT_REVIEW_DATE_ERROR}} fr-input-group--error{{/NEXT_REVIEW_DATE_ERROR}}">
    <label class="fr-label" for="next_review_date">Date du prochain point d’étape<span class="fr-hint-text">Par défaut, trois mois après le dernier point d’étape.</span></label>
    <input class="fr-input{{#NEXT_REVIEW_DATE_ERROR}} fr-input--error{{/NEXT_REVIEW_DATE_ERROR}}" type="date" id="next_review_date" name="next_review_date" value="{{NEXT_REVIEW_VALUE}}"{{#NEXT_REVIEW_DATE_ERROR}} aria-describedby="next_review_date-error"{{/NEXT_REVIEW_DATE_ERROR}}>
    {{#NEXT_REVIEW_DATE_ERROR}}<p class="fr-error-text" id="next_review_date-error">{{ERROR_MESSAGE}}</p>{{/NEXT_REVIEW_DATE_ERROR}}
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Fixer la date</button>
</form>
{{/CAN_DECIDE_OPEN}}
{{#NO_REVIEWS}}<p>Aucun point d’étape pour l’instant.</p>{{/NO_REVIEWS}}
{{#REVIEW}}
<div class="fr-callout fr-mb-2w">
  <h3 class="fr-callout__title fr-text--md">Point d’étape du {{DATE}}</h3>
  <p class="fr-text--sm">Présents : {{ATTENDEES}}. Prochain point d’étape fixé au {{NEXT}}.</p>
  <p class="fr-callout__text parcours-pre-line">{{SUMMARY}}</p>
</div>
{{/REVIEW}}

{{#CAN_DECIDE_OPEN}}
<h2 id="cloture">Clore le plan d’actions</h2>
<form method="post" action="/personnes/{{PERSON_ID}}/plan/cloture" class="fr-mb-4w" novalidate aria-labelledby="cloture">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-input-group{{#REASON_ERROR}} fr-input-group--error{{/REASON_ERROR}}">
    <label class="fr-label" for="reason">Raison de la clôture<span class="fr-hint-text">Par exemple : emploi durable trouvé, déménagement, fin de l’accompagnement. Le plan reste consultable et peut être rouvert.</span></label>
    <textarea class="fr-input{{#REASON_ERROR}} fr-input--error{{/REASON_ERROR}}" id="reason" name="reason" rows="2"{{#REASON_ERROR}} aria-describedby="reason-error"{{/REASON_ERROR}}>{{CLOSE_REASON}}</textarea>
    {{#REASON_ERROR}}<p class="fr-error-text" id="reason-error">{{ERROR_MESSAGE}}</p>{{/REASON_ERROR}}
  </div>
  <button class="fr-btn fr-btn--tertiary" type="submit">Clore le plan d’actions</button>
</form>
{{/CAN_DECIDE_OPEN}}
{{#CAN_REOPEN_PLAN}}
<form method="post" action="/personnes/{{PERSON_ID}}/plan/reouverture" class="fr-mb-4w">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button class="fr-btn fr-btn--secondary" type="submit">Rouvrir le plan d’actions</button>
</form>
{{/CAN_REOPEN_PLAN}}
