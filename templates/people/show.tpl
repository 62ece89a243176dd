{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{NAME}}</a></li>
  </ol>
</nav>
<h1>{{NAME}}</h1>
<ul class="fr-badges-group fr-mb-2w">
  {{#JOURNEY_BADGE}}<li><p class="fr-badge {{BADGE}}">{{STATUS}}</p></li>{{/JOURNEY_BADGE}}
  <li><p class="fr-badge fr-badge--no-icon">Territoire : {{TERRITORY}}</p></li>
</ul>
{{#OUTSIDE_TEAM}}
<div class="fr-notice fr-notice--info fr-mb-3w">
  <div class="fr-container">
    <div class="fr-notice__body">
      <p class="fr-notice__title">Vous ne faites pas partie de l’équipe qui accompagne cette personne : vous voyez son identité et les contacts de l’équipe.</p>
    </div>
  </div>
</div>
{{/OUTSIDE_TEAM}}
{{#PENDING_REQUEST}}<p class="fr-badge fr-badge--info fr-mb-3w">Votre demande pour rejoindre l’équipe attend la réponse de l’équipe.</p>{{/PENDING_REQUEST}}
{{#CAN_REQUEST}}
<form method="post" action="/personnes/{{ID}}/rejoindre" class="fr-mb-4w" aria-labelledby="rejoindre-titre">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h2 id="rejoindre-titre" class="fr-h5">Rejoindre l’équipe</h2>
  <div class="fr-input-group{{#MESSAGE_ERROR}} fr-input-group--error{{/MESSAGE_ERROR}}">
    <label class="fr-label" for="message">Message à l’équipe (facultatif)
      <span class="fr-hint-text">Pourquoi vous accompagnez cette personne, en quelques mots.</span>
    </label>
    <textarea class="fr-input{{#MESSAGE_ERROR}} fr-input--error{{/MESSAGE_ERROR}}" id="message" name="message" rows="2"{{#MESSAGE_ERROR}} aria-describedby="message-error"{{/MESSAGE_ERROR}}>{{JOIN_MESSAGE}}</textarea>
    {{#MESSAGE_ERROR}}<p class="fr-error-text" id="message-error">{{ERROR_MESSAGE}}</p>{{/MESSAGE_ERROR}}
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Demander à rejoindre l’équipe</button>
</form>
{{/CAN_REQUEST}}

<h2 id="identite">Identité</h2>
<dl class="parcours-details">
  {{#IDENTITY_ROW}}<dt>{{LABEL}}</dt><dd>{{VALUE}}{{#SOURCE}}<br><span class="fr-hint-text">{{SOURCE_TEXT}}</span>{{/SOURCE}}</dd>{{/IDENTITY_ROW}}
</dl>
{{#CAN_EDIT}}<p><a class="fr-link fr-icon-edit-line fr-link--icon-left" href="/personnes/{{ID}}/identite">Modifier l’identité</a></p>{{/CAN_EDIT}}

<h2 id="equipe">Équipe</h2>
{{#NO_TEAM}}<p>Personne ne suit encore ce parcours.</p>{{/NO_TEAM}}
{{#HAS_TEAM}}
<ul>
  {{#MEMBER}}<li><strong>{{NAME}}</strong>{{#REFERENT}} — référent(e) du parcours{{/REFERENT}}, {{ORGANISATION}} — <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{#ORG_PHONE}}, {{PHONE}}{{/ORG_PHONE}}</li>{{/MEMBER}}
</ul>
{{/HAS_TEAM}}
{{#CAN_SEE_TEAM_PAGE}}<p><a class="fr-link" href="/personnes/{{ID}}/equipe">Gérer l’équipe{{#PENDING_COUNT}} ({{COUNT}} demande(s) en attente){{/PENDING_COUNT}}</a></p>{{/CAN_SEE_TEAM_PAGE}}

{{#JOURNEY}}
<h2 id="parcours">Parcours</h2>
<dl class="parcours-details">
  <dt>Statut</dt><dd>{{STATUS}}</dd>
  <dt>Entrée</dt><dd>{{ENTRY}}</dd>
  <dt>Ouvert le</dt><dd>{{OPENED_AT}}</dd>
  <dt>Besoin exprimé</dt><dd>{{NEED}}</dd>
</dl>

<h2 id="coordonnees">Coordonnées</h2>
<dl class="parcours-details">
  {{#CONTACT_ROW}}<dt>{{LABEL}}</dt><dd>{{VALUE}}{{#SOURCE}}<br><span class="fr-hint-text">{{SOURCE_TEXT}}</span>{{/SOURCE}}</dd>{{/CONTACT_ROW}}
</dl>
{{#CAN_EDIT}}<p><a class="fr-link fr-icon-edit-line fr-link--icon-left" href="/personnes/{{ID}}/coordonnees">Modifier les coordonnées</a></p>{{/CAN_EDIT}}

<h2 id="situation">Situation</h2>
<dl class="parcours-details">
  {{#SITUATION_ROW}}<dt>{{LABEL}}</dt><dd>{{VALUE}}{{#SOURCE}}<br><span class="fr-hint-text">{{SOURCE_TEXT}}</span>{{/SOURCE}}</dd>{{/SITUATION_ROW}}
</dl>
{{#CAN_EDIT}}<p><a class="fr-link fr-icon-edit-line fr-link--icon-left" href="/personnes/{{ID}}/situation">Modifier la situation</a></p>{{/CAN_EDIT}}
<p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/personnes/{{ID}}/diagnostic">Diagnostic socio-professionnel</a></p>
<p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/personnes/{{ID}}/services">Services adaptés, plan d’actions et orientations</a></p>
{{>PLAN}}
{{>APPOINTMENTS}}
{{>FOLLOWUP}}

<h2 id="notes">Notes</h2>
{{#CAN_NOTE}}{{>NOTE_FORM}}{{/CAN_NOTE}}
{{#NO_NOTES}}<p>Aucune note pour l’instant.</p>{{/NO_NOTES}}
{{#NOTES_RANGE}}<p class="fr-text--sm">Notes {{FROM}} à {{TO}} sur {{TOTAL}}, des plus récentes aux plus anciennes.</p>{{/NOTES_RANGE}}
{{#NOTE}}
<div class="fr-callout fr-mb-2w">
  <p class="fr-callout__title fr-text--md">{{AUTHOR}} — {{WHEN}}</p>
  <p class="fr-badge fr-badge--sm fr-badge--no-icon fr-mb-1w">Visible par : {{VISIBILITY}}</p>
  {{#CORRECTS}}<p class="fr-text--sm">Corrige la note du {{CORRECTED_WHEN}}.</p>{{/CORRECTS}}
  <p class="fr-callout__text">{{BODY}}</p>
  {{#CORRECTED}}<p class="fr-text--sm">Cette note a été corrigée par une note plus récente.</p>{{/CORRECTED}}
  {{#CAN_CORRECT}}<p><a class="fr-link fr-text--sm" href="/personnes/{{PERSON_ID}}/notes/{{NOTE_ID}}/corriger">Corriger cette note<span class="fr-sr-only"> du {{WHEN}}</span></a></p>{{/CAN_CORRECT}}
</div>
{{/NOTE}}
{{#OLDER_NOTES}}<p><a class="fr-link" href="/personnes/{{ID}}?{{OLDER_NOTES_QUERY}}#notes">Notes plus anciennes</a></p>{{/OLDER_NOTES}}
{{#NEWER_NOTES}}<p><a class="fr-link" href="/personnes/{{ID}}#notes">Notes les plus récentes</a></p>{{/NEWER_NOTES}}

<h2 id="carnet">Carnet de bord</h2>
<form method="get" action="/personnes/{{ID}}#carnet" class="fr-mb-3w" aria-label="Filtrer le carnet de bord">
  {{#TERRITORY_PARAM}}<input type="hidden" name="territoire" value="{{TERRITORY_ID}}">{{/TERRITORY_PARAM}}
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-5">
      <div class="fr-select-group">
        <label class="fr-label" for="type">Type d’événement</label>
        <select class="fr-select" id="type" name="type">
          <option value="">Tous</option>
          {{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-5">
      <div class="fr-select-group">
        <label class="fr-label" for="auteur">Auteur</label>
        <select class="fr-select" id="auteur" name="auteur">
          <option value="">Tous</option>
          {{#AUTHOR_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/AUTHOR_OPTION}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-2">
      <button class="fr-btn fr-btn--secondary fr-mt-md-4w" type="submit">Filtrer</button>
    </div>
  </div>
</form>
{{CARNET_EVENTS:none}}
{{/JOURNEY}}

{{#DUPLICATES}}
<h2 id="doublons">Fiches semblables</h2>
<p>Ces fiches pourraient concerner la même personne. Vérifiez-les : s’il s’agit d’une autre personne, écartez-les ; sinon, un responsable du territoire peut les fusionner.</p>
<ul>
  {{#DUPLICATE}}
  <li>
    <a href="/personnes/{{OTHER_ID}}">{{NAME}}</a>{{#BIRTH}}, née ou né le {{BIRTH_DATE}}{{/BIRTH}} — {{REASON}}
    <form method="post" action="/personnes/{{PERSON_ID}}/doublons/{{OTHER_ID}}/ecarter">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">Ce n’est pas la même personne<span class="fr-sr-only"> que {{NAME}}</span></button>
    </form>
    {{#CAN_MERGE}}<a class="fr-link fr-text--sm" href="/personnes/{{PERSON_ID}}/fusion?autre={{OTHER_ID}}">Fusionner<span class="fr-sr-only"> avec {{NAME}}</span></a>{{/CAN_MERGE}}
  </li>
  {{/DUPLICATE}}
</ul>
{{/DUPLICATES}}
{{#MANAGER}}<p><a class="fr-link" href="/personnes/{{ID}}/fusion">Fusionner avec une autre fiche ou annuler une fusion</a></p>{{/MANAGER}}
