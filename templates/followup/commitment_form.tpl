{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/suivi">Engagements, sorties et clôture</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{HEADING}}</a></li>
  </ol>
</nav>
<h1>{{HEADING}}</h1>
<p>Pour {{NAME}}.{{#RENEWAL}} Le nouvel engagement remplacera le précédent dès qu’il sera proposé ; la personne l’accepte dans son espace ou le signe sur papier.{{/RENEWAL}}</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">L’engagement n’est pas enregistré</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#TEXT_OF_LINKS}}<p class="fr-text--sm">Partir du texte type d’un autre engagement : {{#TEXT_OF}}<a href="/personnes/{{PERSON_ID}}/engagements/nouveau?type={{CODE}}">{{LABEL}}</a>{{#TEXT_OF_separator}}, {{/TEXT_OF_separator}}{{/TEXT_OF}}.</p>{{/TEXT_OF_LINKS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-select-group{{#KIND_ERROR}} fr-select-group--error{{/KIND_ERROR}}">
    <label class="fr-label" for="kind">Type d’engagement</label>
    <select class="fr-select{{#KIND_ERROR}} fr-select--error{{/KIND_ERROR}}" id="kind" name="kind"{{#KIND_ERROR}} aria-describedby="kind-error"{{/KIND_ERROR}}>
      {{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
    </select>
    {{#KIND_ERROR}}<p class="fr-error-text" id="kind-error">{{ERROR_MESSAGE}}</p>{{/KIND_ERROR}}
  </div>
  {{>OTHER_LABEL_FIELD}}
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-6">{{>START_FIELD}}</div>
    <div class="fr-col-12 fr-col-md-6">{{>END_FIELD}}</div>
  </div>
  {{#GOALS_CHOICE}}
  <fieldset class="fr-fieldset{{#GOALS_ERROR}} fr-fieldset--error{{/GOALS_ERROR}}" id="goals" aria-labelledby="goals-legend{{#GOALS_ERROR}} goals-error{{/GOALS_ERROR}}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="goals-legend">Objectifs du plan couverts par l’engagement</legend>
    {{#GOAL_OPTION}}
    <div class="fr-fieldset__element">
      <div class="fr-checkbox-group">
        <input type="checkbox" id="goal-{{CODE}}" name="goals" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
        <label class="fr-label" for="goal-{{CODE}}">{{LABEL}}</label>
      </div>
    </div>
    {{/GOAL_OPTION}}
    {{#GOALS_ERROR}}<div class="fr-messages-group" id="goals-error"><p class="fr-message fr-message--error">{{ERROR_MESSAGE}}</p></div>{{/GOALS_ERROR}}
  </fieldset>
  {{/GOALS_CHOICE}}
  {{>TEXT_FIELD}}
  <button class="fr-btn" type="submit">{{SUBMIT}}</button>
</form>
