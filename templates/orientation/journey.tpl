{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/orientation">Orientation</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{NAME}}</a></li>
  </ol>
</nav>
<h1>Orientation de {{NAME}}</h1>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<ul>
  <li>Statut du parcours : {{STATUS}}</li>
  <li>Porte d’entrée : {{ENTRY}}, le {{OPENED}} ({{DAYS}} jours)</li>
  {{#DEADLINE}}<li>Échéance d’orientation : {{DATE}} <span class="fr-badge fr-badge--sm {{BADGE}}">{{LABEL}}</span></li>{{/DEADLINE}}
</ul>
<p><a href="/personnes/{{PERSON_ID}}">Voir le dossier de la personne</a></p>

{{#SUGGESTION}}
<section class="fr-callout fr-mb-4w" aria-labelledby="suggestion">
  <h2 id="suggestion" class="fr-callout__title">Suggestion de pré-orientation</h2>
  {{#SUGGESTED}}
  <p class="fr-callout__text">Parcours suggéré : <strong>{{ROUTE}}</strong></p>
  <p>Pourquoi :</p>
  <ul>{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
  {{/SUGGESTED}}
  {{#NO_SUGGESTION}}<p class="fr-callout__text">Pas de suggestion : aucun élément du diagnostic ou de la situation ne permet encore d’en faire une.</p>{{/NO_SUGGESTION}}
  {{#NO_DIAGNOSTIC}}<p>Le diagnostic n’est pas encore rempli : la suggestion ne tient compte que de la situation de la personne.</p>{{/NO_DIAGNOSTIC}}
  {{#OTHER}}<p class="fr-text--sm fr-mb-1v">Autre élément — {{TEXT}}</p>{{/OTHER}}
  {{#IGNORED}}<p class="fr-text--sm fr-mb-1v">Réponse non reconnue, ignorée : {{TEXT}}</p>{{/IGNORED}}
  <p class="fr-text--sm">Ce n’est qu’une suggestion : la décision vous revient et elle indique si elle l’a suivie.</p>
</section>
{{/SUGGESTION}}
{{#PERSON_REQUEST}}
<div class="fr-notice fr-notice--info fr-mb-2w"><div class="fr-container"><div class="fr-notice__body"><p>
  <span class="fr-notice__title">Demande de la personne pour changer de référent ({{WHEN}}, référent alors : {{REFERENT}})</span>
  <span class="fr-notice__desc">{{REASON}}</span>
</p></div></div></div>
{{/PERSON_REQUEST}}

{{#CURRENT}}
<section class="fr-mb-4w" aria-labelledby="actuelle">
  <h2 id="actuelle">Orientation actuelle</h2>
  <ul>
    <li>Parcours : <strong>{{ROUTE}}</strong></li>
    <li>Structure chargée de l’accompagnement : {{ORGANISATION}}</li>
    <li>Référent : {{REFERENT}}</li>
    <li>Décidée le {{WHEN}} par {{BY}}{{#HAS_SUGGESTION}} — suggestion suivie : {{FOLLOWED}}{{/HAS_SUGGESTION}}</li>
    <li>Motif : {{REASON}}</li>
  </ul>
</section>
{{/CURRENT}}

{{#PENDING}}
<section class="fr-mb-4w" aria-labelledby="reorientation">
  <h2 id="reorientation">Demande de réorientation en attente</h2>
  <p>Demandée le {{WHEN}} par {{BY}} : {{REASON}}</p>
  {{#ANSWER_FORM}}
  <p>Pour l’accepter, enregistrez une nouvelle orientation ci-dessous. Pour maintenir l’orientation actuelle, répondez au référent :</p>
  <form method="post" action="/orientation/parcours/{{JOURNEY_ID}}/reorientation/{{REQUEST_ID}}/maintenir" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="fr-input-group{{#ANSWER_ERROR}} fr-input-group--error{{/ANSWER_ERROR}}">
      <label class="fr-label" for="answer">Réponse au référent</label>
      <textarea class="fr-input{{#ANSWER_ERROR}} fr-input--error{{/ANSWER_ERROR}}" id="answer" name="answer" rows="3"{{#ANSWER_ERROR}} aria-describedby="answer-error"{{/ANSWER_ERROR}}>{{ANSWER}}</textarea>
      {{#ANSWER_ERROR}}<p class="fr-error-text" id="answer-error">{{ERROR_MESSAGE}}</p>{{/ANSWER_ERROR}}
    </div>
    <button class="fr-btn fr-btn--secondary" type="submit">Maintenir l’orientation actuelle</button>
  </form>
  {{/ANSWER_FORM}}
</section>
{{/PENDING}}
{{#PAST_REQUEST}}
<p class="fr-text--sm">Demande de réorientation du {{WHEN}} par {{BY}} ({{REASON}}) : {{OUTCOME}}{{#HAS_ANSWER}} — réponse : {{ANSWER}}{{/HAS_ANSWER}}</p>
{{/PAST_REQUEST}}

{{#DECIDE}}
<section aria-labelledby="decision">
  <h2 id="decision">{{DECIDE_TITLE}}</h2>
  <form method="post" action="/orientation/parcours/{{JOURNEY_ID}}/decision" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <fieldset class="fr-fieldset{{#ROUTE_ERROR}} fr-fieldset--error{{/ROUTE_ERROR}}" id="route" aria-labelledby="route-legend{{#ROUTE_ERROR}} route-error{{/ROUTE_ERROR}}">
      <legend class="fr-fieldset__legend" id="route-legend">Parcours</legend>
      {{#ROUTE_OPTION}}
      <div class="fr-fieldset__element">
        <div class="fr-radio-group">
          <input type="radio" id="route-{{VALUE}}" name="route" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
          <label class="fr-label" for="route-{{VALUE}}">{{LABEL}}</label>
        </div>
      </div>
      {{/ROUTE_OPTION}}
      {{#ROUTE_ERROR}}<div class="fr-messages-group" id="route-error" aria-live="assertive"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/ROUTE_ERROR}}
    </fieldset>
    <div class="fr-select-group{{#ORGANISATION_ID_ERROR}} fr-select-group--error{{/ORGANISATION_ID_ERROR}}">
      <label class="fr-label" for="organisation_id">Structure chargée de l’accompagnement</label>
      <select class="fr-select{{#ORGANISATION_ID_ERROR}} fr-select--error{{/ORGANISATION_ID_ERROR}}" id="organisation_id" name="organisation_id"{{#ORGANISATION_ID_ERROR}} aria-describedby="organisation_id-error"{{/ORGANISATION_ID_ERROR}}>
        <option value="">Choisir</option>
        {{#ORG_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORG_OPTION}}
      </select>
      {{#ORGANISATION_ID_ERROR}}<p class="fr-error-text" id="organisation_id-error">{{ERROR_MESSAGE}}</p>{{/ORGANISATION_ID_ERROR}}
    </div>
    <div class="fr-select-group{{#REFERENT_ERROR}} fr-select-group--error{{/REFERENT_ERROR}}">
      <label class="fr-label" for="referent">Référent (facultatif)
        <span class="fr-hint-text">Un référent de la structure choisie ; sinon la structure le désignera.</span>
      </label>
      <select class="fr-select{{#REFERENT_ERROR}} fr-select--error{{/REFERENT_ERROR}}" id="referent" name="referent"{{#REFERENT_ERROR}} aria-describedby="referent-error"{{/REFERENT_ERROR}}>
        <option value="">Laisser la structure le désigner</option>
        {{#REFERENT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/REFERENT_OPTION}}
      </select>
      {{#REFERENT_ERROR}}<p class="fr-error-text" id="referent-error">{{ERROR_MESSAGE}}</p>{{/REFERENT_ERROR}}
    </div>
    <div class="fr-input-group{{#REASON_ERROR}} fr-input-group--error{{/REASON_ERROR}}">
      <label class="fr-label" for="reason">Motif de la décision
        <span class="fr-hint-text">Expliqué à la personne dans son espace, en français clair.</span>
      </label>
      <textarea class="fr-input{{#REASON_ERROR}} fr-input--error{{/REASON_ERROR}}" id="reason" name="reason" rows="4"{{#REASON_ERROR}} aria-describedby="reason-error"{{/REASON_ERROR}}>{{REASON}}</textarea>
      {{#REASON_ERROR}}<p class="fr-error-text" id="reason-error">{{ERROR_MESSAGE}}</p>{{/REASON_ERROR}}
    </div>
    <button class="fr-btn" type="submit">Enregistrer l’orientation</button>
  </form>
</section>
{{/DECIDE}}

{{#ASK}}
<section class="fr-mb-4w" aria-labelledby="demander">
  <h2 id="demander">Demander une réorientation</h2>
  <form method="post" action="/orientation/parcours/{{JOURNEY_ID}}/reorientation" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="fr-input-group{{#REORIENTATION_REASON_ERROR}} fr-input-group--error{{/REORIENTATION_REASON_ERROR}}">
      <label class="fr-label" for="reorientation_reason">Motif de la demande</label>
      <textarea class="fr-input{{#REORIENTATION_REASON_ERROR}} fr-input--error{{/REORIENTATION_REASON_ERROR}}" id="reorientation_reason" name="reorientation_reason" rows="3"{{#REORIENTATION_REASON_ERROR}} aria-describedby="reorientation_reason-error"{{/REORIENTATION_REASON_ERROR}}>{{REORIENTATION_REASON}}</textarea>
      {{#REORIENTATION_REASON_ERROR}}<p class="fr-error-text" id="reorientation_reason-error">{{ERROR_MESSAGE}}</p>{{/REORIENTATION_REASON_ERROR}}
    </div>
    <button class="fr-btn fr-btn--secondary" type="submit">Demander la réorientation</button>
  </form>
</section>
{{/ASK}}

{{#FIRST_MEETING}}
<section class="fr-mb-4w" aria-labelledby="rdv">
  <h2 id="rdv">Premier rendez-vous</h2>
  <form method="post" action="/orientation/parcours/{{JOURNEY_ID}}/premier-rendez-vous">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button class="fr-btn fr-btn--secondary" type="submit">Premier rendez-vous tenu</button>
  </form>
</section>
{{/FIRST_MEETING}}

{{#ASSIGN}}
<section class="fr-mb-4w" aria-labelledby="designer">
  <h2 id="designer">Désigner le référent ({{ORGANISATION}})</h2>
  {{#ASSIGN_REQUEST}}<p class="fr-text--sm">Demande de la personne ({{WHEN}}) : {{REASON}}</p>{{/ASSIGN_REQUEST}}
  <form method="post" action="/orientation/parcours/{{JOURNEY_ID}}/referent" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="fr-select-group{{#ASSIGN_REFERENT_ERROR}} fr-select-group--error{{/ASSIGN_REFERENT_ERROR}}">
      <label class="fr-label" for="assign_referent">Référent de parcours
        <span class="fr-hint-text">L’ancien référent garde un accès en lecture pendant 30 jours.</span>
      </label>
      <select class="fr-select{{#ASSIGN_REFERENT_ERROR}} fr-select--error{{/ASSIGN_REFERENT_ERROR}}" id="assign_referent" name="assign_referent"{{#ASSIGN_REFERENT_ERROR}} aria-describedby="assign_referent-error"{{/ASSIGN_REFERENT_ERROR}}>
        <option value="">Choisir</option>
        {{#REFERENT_OPTION}}<option value="{{ID}}">{{LABEL}}</option>{{/REFERENT_OPTION}}
      </select>
      {{#ASSIGN_REFERENT_ERROR}}<p class="fr-error-text" id="assign_referent-error">{{ERROR_MESSAGE}}</p>{{/ASSIGN_REFERENT_ERROR}}
    </div>
    <button class="fr-btn fr-btn--secondary" type="submit">Désigner</button>
  </form>
</section>
{{/ASSIGN}}
