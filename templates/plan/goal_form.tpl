{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/plan">Plan d’actions</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{HEADING}}</a></li>
  </ol>
</nav>
<h1>{{HEADING}}</h1>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">L’objectif n’est pas enregistré</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-select-group{{#THEMATIQUE_ERROR}} fr-select-group--error{{/THEMATIQUE_ERROR}}">
    <label class="fr-label" for="thematique">Thématique</label>
    <select class="fr-select{{#THEMATIQUE_ERROR}} fr-select--error{{/THEMATIQUE_ERROR}}" id="thematique" name="thematique"{{#THEMATIQUE_ERROR}} aria-describedby="thematique-error"{{/THEMATIQUE_ERROR}}>
      <option value="">Choisir une thématique</option>
      <optgroup label="Emploi et activité">
        {{#PRO_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRO_OPTION}}
      </optgroup>
      <optgroup label="Vie quotidienne et freins périphériques">
        {{#OTHER_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OTHER_OPTION}}
      </optgroup>
    </select>
    {{#THEMATIQUE_ERROR}}<p class="fr-error-text" id="thematique-error">{{ERROR_MESSAGE}}</p>{{/THEMATIQUE_ERROR}}
  </div>
  <div class="fr-input-group{{#TITLE_ERROR}} fr-input-group--error{{/TITLE_ERROR}}">
    <label class="fr-label" for="title">Objectif<span class="fr-hint-text">Dans les mots de la personne, par exemple : « Trouver un emploi de cariste près de chez moi ». 3 à 200 caractères.</span></label>
    <input class="fr-input{{#TITLE_ERROR}} fr-input--error{{/TITLE_ERROR}}" type="text" id="title" name="title" value="{{TITLE}}" maxlength="200"{{#TITLE_ERROR}} aria-describedby="title-error"{{/TITLE_ERROR}}>
    {{#TITLE_ERROR}}<p class="fr-error-text" id="title-error">{{ERROR_MESSAGE}}</p>{{/TITLE_ERROR}}
  </div>
  <div class="fr-input-group{{#TARGET_DATE_ERROR}} fr-input-group--error{{/TARGET_DATE_ERROR}}">
    <label class="fr-label" for="target_date">Date visée (facultatif)<span class="fr-hint-text">Format attendu : jj/mm/aaaa</span></label>
    <input class="fr-input{{#TARGET_DATE_ERROR}} fr-input--error{{/TARGET_DATE_ERROR}}" type="date" id="target_date" name="target_date" value="{{TARGET_DATE}}"{{#TARGET_DATE_ERROR}} aria-describedby="target_date-error"{{/TARGET_DATE_ERROR}}>
    {{#TARGET_DATE_ERROR}}<p class="fr-error-text" id="target_date-error">{{ERROR_MESSAGE}}</p>{{/TARGET_DATE_ERROR}}
  </div>
  <div class="fr-select-group{{#CARRIER_ERROR}} fr-select-group--error{{/CARRIER_ERROR}}">
    <label class="fr-label" for="carrier">Porté par</label>
    <select class="fr-select{{#CARRIER_ERROR}} fr-select--error{{/CARRIER_ERROR}}" id="carrier" name="carrier"{{#CARRIER_ERROR}} aria-describedby="carrier-error"{{/CARRIER_ERROR}}>
      {{#CARRIER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CARRIER_OPTION}}
    </select>
    {{#CARRIER_ERROR}}<p class="fr-error-text" id="carrier-error">{{ERROR_MESSAGE}}</p>{{/CARRIER_ERROR}}
  </div>
  <div class="fr-select-group{{#OBSTACLE_ERROR}} fr-select-group--error{{/OBSTACLE_ERROR}}">
    <label class="fr-label" for="obstacle">Frein du diagnostic auquel il répond (facultatif)</label>
    <select class="fr-select{{#OBSTACLE_ERROR}} fr-select--error{{/OBSTACLE_ERROR}}" id="obstacle" name="obstacle"{{#OBSTACLE_ERROR}} aria-describedby="obstacle-error"{{/OBSTACLE_ERROR}}>
      <option value="">Aucun</option>
      {{#OBSTACLE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OBSTACLE_OPTION}}
    </select>
    {{#OBSTACLE_ERROR}}<p class="fr-error-text" id="obstacle-error">{{ERROR_MESSAGE}}</p>{{/OBSTACLE_ERROR}}
  </div>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">{{SUBMIT}}</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/personnes/{{PERSON_ID}}/plan">Annuler</a></li>
  </ul>
</form>
