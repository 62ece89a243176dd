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
  <h2 class="fr-alert__title">L’action n’est pas enregistrée</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#CHOOSE}}
<form method="get" action="/personnes/{{PERSON_ID}}/plan/actions/nouvelle" class="fr-mb-4w" role="search" aria-labelledby="recherche-titre">
  <h2 id="recherche-titre" class="fr-h6">Chercher un service du catalogue</h2>
  <input type="hidden" name="objectif" value="{{GOAL}}">
  <div class="fr-search-bar" id="recherche-service">
    <label class="fr-label" for="q">Mots du service (nom ou description)</label>
    <input class="fr-input" type="search" id="q" name="q" value="{{Q}}" placeholder="Par exemple : permis, garde d’enfants, CV">
    <button class="fr-btn" type="submit" title="Chercher">Chercher</button>
  </div>
  {{#SEARCH_ERROR}}<p class="fr-error-text">{{SEARCH_ERROR_TEXT}}</p>{{/SEARCH_ERROR}}
</form>
{{/CHOOSE}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-select-group{{#GOAL_ERROR}} fr-select-group--error{{/GOAL_ERROR}}">
    <label class="fr-label" for="goal">Objectif</label>
    <select class="fr-select{{#GOAL_ERROR}} fr-select--error{{/GOAL_ERROR}}" id="goal" name="goal"{{#GOAL_ERROR}} aria-describedby="goal-error"{{/GOAL_ERROR}}>
      <option value="">Aucun (autres actions)</option>
      {{#GOAL_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/GOAL_OPTION}}
    </select>
    {{#GOAL_ERROR}}<p class="fr-error-text" id="goal-error">{{ERROR_MESSAGE}}</p>{{/GOAL_ERROR}}
  </div>
  {{#EXISTING_SERVICE}}<p>Service du catalogue : <strong>{{SERVICE_TITLE}}</strong></p>{{/EXISTING_SERVICE}}
  {{#EXISTING_FREE}}
  <div class="fr-input-group{{#TITLE_ERROR}} fr-input-group--error{{/TITLE_ERROR}}">
    <label class="fr-label" for="title">Action<span class="fr-hint-text">3 à 200 caractères.</span></label>
    <input class="fr-input{{#TITLE_ERROR}} fr-input--error{{/TITLE_ERROR}}" type="text" id="title" name="title" value="{{TITLE}}" maxlength="200"{{#TITLE_ERROR}} aria-describedby="title-error"{{/TITLE_ERROR}}>
    {{#TITLE_ERROR}}<p class="fr-error-text" id="title-error">{{ERROR_MESSAGE}}</p>{{/TITLE_ERROR}}
  </div>
  {{/EXISTING_FREE}}
  {{#CHOOSE}}
  <input type="hidden" name="q" value="{{Q}}">
  <fieldset class="fr-fieldset{{#SERVICE_ID_ERROR}} fr-fieldset--error{{/SERVICE_ID_ERROR}}" id="service_id" aria-labelledby="service-legend{{#SERVICE_ID_ERROR}} service_id-error{{/SERVICE_ID_ERROR}}">
    <legend class="fr-fieldset__legend" id="service-legend">L’action</legend>
    {{#SERVICES}}<p class="fr-fieldset__element fr-text--sm">{{SEARCH_LABEL}} :</p>
    {{#SERVICE}}<div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="service-{{SERVICE_ID}}" name="service_id" value="{{SERVICE_ID}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="service-{{SERVICE_ID}}">{{SERVICE_NAME}}<span class="fr-hint-text">{{STRUCTURE}}{{#HAS_COMMUNE}}, {{COMMUNE}}{{/HAS_COMMUNE}}</span></label>
      </div>
    </div>{{/SERVICE}}{{/SERVICES}}
    {{#NO_SERVICES}}<p class="fr-fieldset__element fr-text--sm">Aucun service trouvé : essayez d’autres mots, ou écrivez une action libre.</p>{{/NO_SERVICES}}
    <div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="service-free" name="service_id" value=""{{#FREE_CHECKED}} checked{{/FREE_CHECKED}}>
        <label class="fr-label" for="service-free">Une action libre, décrite ci-dessous</label>
      </div>
    </div>
    {{#SERVICE_ID_ERROR}}<div class="fr-messages-group" id="service_id-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/SERVICE_ID_ERROR}}
  </fieldset>
  <div class="fr-input-group{{#TITLE_ERROR}} fr-input-group--error{{/TITLE_ERROR}}">
    <label class="fr-label" for="title">Action libre<span class="fr-hint-text">Par exemple : « Ouvrir un compte bancaire ». 3 à 200 caractères. Laissez vide si vous avez choisi un service.</span></label>
    <input class="fr-input{{#TITLE_ERROR}} fr-input--error{{/TITLE_ERROR}}" type="text" id="title" name="title" value="{{TITLE}}" maxlength="200"{{#TITLE_ERROR}} aria-describedby="title-error"{{/TITLE_ERROR}}>
    {{#TITLE_ERROR}}<p class="fr-error-text" id="title-error">{{ERROR_MESSAGE}}</p>{{/TITLE_ERROR}}
  </div>
  {{/CHOOSE}}
  <div class="fr-select-group{{#RESPONSIBLE_ERROR}} fr-select-group--error{{/RESPONSIBLE_ERROR}}">
    <label class="fr-label" for="responsible">Qui s’en occupe<span class="fr-hint-text">Quand c’est la personne, elle pourra indiquer elle-même, depuis son espace, que l’action est faite.</span></label>
    <select class="fr-select{{#RESPONSIBLE_ERROR}} fr-select--error{{/RESPONSIBLE_ERROR}}" id="responsible" name="responsible"{{#RESPONSIBLE_ERROR}} aria-describedby="responsible-error"{{/RESPONSIBLE_ERROR}}>
      {{#RESPONSIBLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RESPONSIBLE_OPTION}}
    </select>
    {{#RESPONSIBLE_ERROR}}<p class="fr-error-text" id="responsible-error">{{ERROR_MESSAGE}}</p>{{/RESPONSIBLE_ERROR}}
  </div>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-6">
      <div class="fr-input-group{{#START_DATE_ERROR}} fr-input-group--error{{/START_DATE_ERROR}}">
        <label class="fr-label" for="start_date">Début (facultatif)<span class="fr-hint-text">Format attendu : jj/mm/aaaa</span></label>
        <input class="fr-input{{#START_DATE_ERROR}} fr-input--error{{/START_DATE_ERROR}}" type="date" id="start_date" name="start_date" value="{{START_DATE}}"{{#START_DATE_ERROR}} aria-describedby="start_date-error"{{/START_DATE_ERROR}}>
        {{#START_DATE_ERROR}}<p class="fr-error-text" id="start_date-error">{{ERROR_MESSAGE}}</p>{{/START_DATE_ERROR}}
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-6">
      <div class="fr-input-group{{#DUE_DATE_ERROR}} fr-input-group--error{{/DUE_DATE_ERROR}}">
        <label class="fr-label" for="due_date">Échéance (facultatif)<span class="fr-hint-text">Format attendu : jj/mm/aaaa</span></label>
        <input class="fr-input{{#DUE_DATE_ERROR}} fr-input--error{{/DUE_DATE_ERROR}}" type="date" id="due_date" name="due_date" value="{{DUE_DATE}}"{{#DUE_DATE_ERROR}} aria-describedby="due_date-error"{{/DUE_DATE_ERROR}}>
        {{#DUE_DATE_ERROR}}<p class="fr-error-text" id="due_date-error">{{ERROR_MESSAGE}}</p>{{/DUE_DATE_ERROR}}
      </div>
    </div>
  </div>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">{{SUBMIT}}</button></li>
    <li><a class="fr-btn fr-btn--secondary" href="/personnes/{{PERSON_ID}}/plan">Annuler</a></li>
  </ul>
</form>
