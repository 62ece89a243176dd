{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/plan">Plan d’actions</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Point d’étape</a></li>
  </ol>
</nav>
<h1>Point d’étape sur le plan d’actions</h1>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le point d’étape n’est pas enregistré</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/personnes/{{PERSON_ID}}/plan/point-etape" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-input-group{{#REVIEW_DATE_ERROR}} fr-input-group--error{{/REVIEW_DATE_ERROR}}">
    <label class="fr-label" for="review_date">Date du point d’étape<span class="fr-hint-text">Format attendu : jj/mm/aaaa</span></label>
    <input class="fr-input{{#REVIEW_DATE_ERROR}} fr-input--error{{/REVIEW_DATE_ERROR}}" type="date" id="review_date" name="review_date" value="{{REVIEW_DATE}}"{{#REVIEW_DATE_ERROR}} aria-describedby="review_date-error"{{/REVIEW_DATE_ERROR}}>
    {{#REVIEW_DATE_ERROR}}<p class="fr-error-text" id="review_date-error">{{ERROR_MESSAGE}}</p>{{/REVIEW_DATE_ERROR}}
  </div>
  <div class="fr-input-group{{#SUMMARY_ERROR}} fr-input-group--error{{/SUMMARY_ERROR}}">
    <label class="fr-label" for="summary">Compte rendu<span class="fr-hint-text">Ce qui avance, ce qui bloque, ce qui est décidé. 3 à 2 000 caractères.</span></label>
    <textarea class="fr-input{{#SUMMARY_ERROR}} fr-input--error{{/SUMMARY_ERROR}}" id="summary" name="summary" rows="5"{{#SUMMARY_ERROR}} aria-describedby="summary-error"{{/SUMMARY_ERROR}}>{{SUMMARY}}</textarea>
    {{#SUMMARY_ERROR}}<p class="fr-error-text" id="summary-error">{{ERROR_MESSAGE}}</p>{{/SUMMARY_ERROR}}
  </div>
  <div class="fr-checkbox-group fr-mb-3w">
    <input type="checkbox" id="person_attended" name="person_attended" value="1"{{#ATTENDED}} checked{{/ATTENDED}}>
    <label class="fr-label" for="person_attended">La personne était présente</label>
  </div>
  <div class="fr-input-group{{#ATTENDEES_ERROR}} fr-input-group--error{{/ATTENDEES_ERROR}}">
    <label class="fr-label" for="attendees">Autres participants (facultatif)<span class="fr-hint-text">Par exemple : « Karim Benali (Mission locale) ». 300 caractères au plus.</span></label>
    <input class="fr-input{{#ATTENDEES_ERROR}} fr-input--error{{/ATTENDEES_ERROR}}" type="text" id="attendees" name="attendees" value="{{ATTENDEES}}"{{#ATTENDEES_ERROR}} aria-describedby="attendees-error"{{/ATTENDEES_ERROR}}>
    {{#ATTENDEES_ERROR}}<p class="fr-error-text" id="attendees-error">{{ERROR_MESSAGE}}</p>{{/ATTENDEES_ERROR}}
  </div>
  <div class="fr-input-group{{#NEXT_REVIEW_DATE_ERROR}} fr-input-group--error{{/NEXT_REVIEW_DATE_ERROR}}">
    <label class="fr-label" for="next_review_date">Prochain point d’étape (facultatif)<span class="fr-hint-text">Laissez vide pour trois mois plus tard.</span></label>
    <input class="fr-input{{#NEXT_REVIEW_DATE_ERROR}} fr-input--error{{/NEXT_REVIEW_DATE_ERROR}}" type="date" id="next_review_date" name="next_review_date" value="{{NEXT_REVIEW_DATE}}"{{#NEXT_REVIEW_DATE_ERROR}} aria-describedby="next_review_date-error"{{/NEXT_REVIEW_DATE_ERROR}}>
    {{#NEXT_REVIEW_DATE_ERROR}}<p class="fr-error-text" id="next_review_date-error">{{ERROR_MESSAGE}}</p>{{/NEXT_REVIEW_DATE_ERROR}}
  </div>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Enregistrer le point d’étape</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/personnes/{{PERSON_ID}}/plan">Annuler</a></li>
  </ul>
</form>
