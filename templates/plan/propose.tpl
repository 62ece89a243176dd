{{%AUTOESCAPE context="HTML"}}<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace/plan">Retour à mon plan d’actions</a></p>
<h1>Proposer un objectif</h1>
<p>Votre conseiller recevra votre proposition et la validera avec vous.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Votre proposition n’est pas envoyée</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/mon-espace/plan/proposer" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="journey_id" value="{{JOURNEY_ID}}">
  <div class="fr-select-group{{#THEMATIQUE_ERROR}} fr-select-group--error{{/THEMATIQUE_ERROR}}">
    <label class="fr-label" for="thematique">C’est à propos de</label>
    <select class="fr-select{{#THEMATIQUE_ERROR}} fr-select--error{{/THEMATIQUE_ERROR}}" id="thematique" name="thematique"{{#THEMATIQUE_ERROR}} aria-describedby="thematique-error"{{/THEMATIQUE_ERROR}}>
      <option value="">Choisir</option>
      <optgroup label="Le travail, une activité">
        {{#PRO_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRO_OPTION}}
      </optgroup>
      <optgroup label="La vie de tous les jours">
        {{#OTHER_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OTHER_OPTION}}
      </optgroup>
    </select>
    {{#THEMATIQUE_ERROR}}<p class="fr-error-text" id="thematique-error">{{ERROR_MESSAGE}}</p>{{/THEMATIQUE_ERROR}}
  </div>
  <div class="fr-input-group{{#TITLE_ERROR}} fr-input-group--error{{/TITLE_ERROR}}">
    <label class="fr-label" for="title">Mon objectif<span class="fr-hint-text">Avec vos mots, par exemple : « Passer mon permis de conduire ».</span></label>
    <input class="fr-input{{#TITLE_ERROR}} fr-input--error{{/TITLE_ERROR}}" type="text" id="title" name="title" value="{{TITLE}}" maxlength="200"{{#TITLE_ERROR}} aria-describedby="title-error"{{/TITLE_ERROR}}>
    {{#TITLE_ERROR}}<p class="fr-error-text" id="title-error">{{ERROR_MESSAGE}}</p>{{/TITLE_ERROR}}
  </div>
  <button class="fr-btn" type="submit">Envoyer ma proposition</button>
</form>
