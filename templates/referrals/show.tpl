{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    {{#SENDER_VIEW}}<li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/services">Services et orientations de {{PERSON}}</a></li>{{/SENDER_VIEW}}
    {{#RECEIVER_VIEW}}<li><a class="fr-breadcrumb__link" href="/orientations/recues">Orientations reçues</a></li>{{/RECEIVER_VIEW}}
    <li><a class="fr-breadcrumb__link" aria-current="page">Orientation</a></li>
  </ol>
</nav>
<h1>Orientation de {{PERSON}} vers « {{SERVICE}} »</h1>
<p><span class="fr-badge {{BADGE}}">{{STATUS}}</span></p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">L’action n’a pas été enregistrée</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<ul>
  <li>Service : {{SERVICE}} ({{STRUCTURE}})</li>
  <li>Envoyée le {{SENT}} par {{SENDER}} ({{SENDER_ORGANISATION}}) — <a href="mailto:{{SENDER_EMAIL}}">{{SENDER_EMAIL}}</a></li>
  <li>Accord de la personne recueilli le {{CONSENT_AT}} : {{CONSENT_MODE}}</li>
  {{#ANSWERED}}<li>Réponse le {{WHEN}} par {{BY}}</li>{{/ANSWERED}}
  {{#REFUSED}}<li>Motif du refus : {{REASON_TEXT}}</li>{{/REFUSED}}
  {{#REMINDED}}<li>Rappels envoyés : {{REMINDERS}}</li>{{/REMINDED}}
</ul>
<h2>Message</h2>
<p>{{MESSAGE}}</p>
<h2>Informations transmises</h2>
<ul>{{#SHARED_LABEL}}<li>{{LABEL}}</li>{{/SHARED_LABEL}}</ul>
{{#SHARED_PART}}
<h3>{{TITLE}}</h3>
<dl>{{#ROW}}<dt class="fr-text--bold">{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/ROW}}</dl>
{{/SHARED_PART}}
{{#SENDER_VIEW}}<p><a href="/personnes/{{PERSON_ID}}">Voir le dossier de {{PERSON}}</a></p>{{/SENDER_VIEW}}

{{#ANSWER}}
<section class="fr-mb-4w" aria-labelledby="repondre">
  <h2 id="repondre">Répondre</h2>
  <form method="post" action="/orientations/{{REFERRAL_ID}}/accepter" class="fr-mb-3w">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button class="fr-btn" type="submit">Accepter l’orientation</button>
  </form>
  <form method="post" action="/orientations/{{REFERRAL_ID}}/refuser" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="fr-input-group{{#REASON_ERROR}} fr-input-group--error{{/REASON_ERROR}}">
      <label class="fr-label" for="reason">Motif du refus
        <span class="fr-hint-text">Transmis à la personne qui a orienté.</span>
      </label>
      <textarea class="fr-input{{#REASON_ERROR}} fr-input--error{{/REASON_ERROR}}" id="reason" name="reason" rows="3"{{#REASON_ERROR}} aria-describedby="reason-error"{{/REASON_ERROR}}>{{REASON}}</textarea>
      {{#REASON_ERROR}}<p class="fr-error-text" id="reason-error">{{ERROR_MESSAGE}}</p>{{/REASON_ERROR}}
    </div>
    <button class="fr-btn fr-btn--secondary" type="submit">Refuser l’orientation</button>
  </form>
</section>
{{/ANSWER}}
{{#CLOSE}}
<section class="fr-mb-4w" aria-labelledby="suite">
  <h2 id="suite">Suite de l’orientation</h2>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><form method="post" action="/orientations/{{REFERRAL_ID}}/terminer"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="fr-btn" type="submit">Marquer réalisée</button></form></li>
    <li><form method="post" action="/orientations/{{REFERRAL_ID}}/abandonner"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="fr-btn fr-btn--secondary" type="submit">Marquer abandonnée</button></form></li>
  </ul>
</section>
{{/CLOSE}}
{{#ABANDON}}
<form method="post" action="/orientations/{{REFERRAL_ID}}/abandonner">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button class="fr-btn fr-btn--secondary" type="submit">La personne renonce : abandonner l’orientation</button>
</form>
{{/ABANDON}}
