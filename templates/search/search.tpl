{{%AUTOESCAPE context="HTML"}}<h1>Trouver un service d’insertion</h1>
<p>Aides, accompagnements, ateliers et formations près de chez vous : indiquez votre commune et ce que vous cherchez. Chaque résultat dit comment joindre le service.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">La recherche contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="get" action="/services" class="fr-mb-4w" role="search" aria-label="Recherche de services" novalidate>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-input-group{{#COMMUNE_ERROR}} fr-input-group--error{{/COMMUNE_ERROR}}">
        <label class="fr-label" for="commune">Votre commune
          <span class="fr-hint-text">Nom, code postal ou code INSEE ; des suggestions s’affichent pendant la saisie.</span>
        </label>
        <input class="fr-input{{#COMMUNE_ERROR}} fr-input--error{{/COMMUNE_ERROR}}" type="text" id="commune" name="commune" value="{{COMMUNE}}" list="commune-suggestions" autocomplete="off" data-commune-field{{#COMMUNE_ERROR}} aria-describedby="commune-error"{{/COMMUNE_ERROR}}>
        <datalist id="commune-suggestions"></datalist>
        {{#COMMUNE_ERROR}}<p class="fr-error-text" id="commune-error">{{ERROR_MESSAGE}}</p>{{/COMMUNE_ERROR}}
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-select-group{{#THEMATIQUES_ERROR}} fr-select-group--error{{/THEMATIQUES_ERROR}}">
        <label class="fr-label" for="thematique">Ce que vous cherchez</label>
        <select class="fr-select{{#THEMATIQUES_ERROR}} fr-select--error{{/THEMATIQUES_ERROR}}" id="thematique" name="thematique"{{#THEMATIQUES_ERROR}} aria-describedby="thematique-error"{{/THEMATIQUES_ERROR}}>
          <option value="">Toutes les thématiques</option>
          {{#CATEGORY}}<optgroup label="{{LABEL}}">
            <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}} : tout</option>
            {{#THEME}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/THEME}}
          </optgroup>{{/CATEGORY}}
        </select>
        {{#THEMATIQUES_ERROR}}<p class="fr-error-text" id="thematique-error">{{ERROR_MESSAGE}}</p>{{/THEMATIQUES_ERROR}}
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-input-group{{#Q_ERROR}} fr-input-group--error{{/Q_ERROR}}">
        <label class="fr-label" for="q">Mots-clés (facultatif)
          <span class="fr-hint-text">Par exemple : permis, garde d’enfant, vélo.</span>
        </label>
        <input class="fr-input{{#Q_ERROR}} fr-input--error{{/Q_ERROR}}" type="search" id="q" name="q" value="{{Q}}"{{#Q_ERROR}} aria-describedby="q-error"{{/Q_ERROR}}>
        {{#Q_ERROR}}<p class="fr-error-text" id="q-error">{{ERROR_MESSAGE}}</p>{{/Q_ERROR}}
      </div>
    </div>
  </div>
  <div class="fr-grid-row fr-grid-row--gutters">
    {{#CHOICES}}
    <div class="fr-col-12 fr-col-md-3">
      <fieldset class="fr-fieldset" id="{{NAME}}-fieldset" aria-labelledby="{{NAME}}-legend">
        <legend class="fr-fieldset__legend fr-text--regular" id="{{NAME}}-legend">{{LEGEND}}</legend>
        {{#OPTION}}
        <div class="fr-fieldset__element">
          <div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id="{{NAME}}-{{CODE}}" name="{{NAME}}" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
            <label class="fr-label" for="{{NAME}}-{{CODE}}">{{LABEL}}</label>
          </div>
        </div>
        {{/OPTION}}
      </fieldset>
    </div>
    {{/CHOICES}}
  </div>
  <button class="fr-btn fr-icon-search-line fr-btn--icon-left" type="submit">Rechercher</button>
</form>
{{#SEARCHED}}
<h2 id="resultats">{{RESULTS_TITLE}}</h2>
{{#EMPTY}}<p>Aucun service ne correspond à ces critères. Essayez une autre thématique, moins de critères ou une autre commune.</p>{{/EMPTY}}
{{#ORDER}}<p class="fr-hint-text">{{ORDER}}</p>{{/ORDER}}
<ul class="fr-raw-list" aria-labelledby="resultats">
  {{#RESULT}}
  <li class="fr-mb-3w">
    <div class="fr-card fr-card--horizontal fr-card--no-arrow">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h3 class="fr-card__title"><a href="/services/{{ID}}">{{NOM}}</a></h3>
          <p class="fr-card__desc">{{DESCRIPTION}}</p>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              {{#DISTANCE}}<li><p class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">À {{KM}} km</p></li>{{/DISTANCE}}
              {{#REMOTE}}<li><p class="fr-badge fr-badge--sm fr-badge--new fr-badge--no-icon">À distance</p></li>{{/REMOTE}}
              {{#FRAIS}}<li><p class="fr-badge fr-badge--sm fr-badge--no-icon">{{LABEL}}</p></li>{{/FRAIS}}
              {{#TYPE}}<li><p class="fr-badge fr-badge--sm fr-badge--no-icon">{{LABEL}}</p></li>{{/TYPE}}
            </ul>
            <p class="fr-card__detail fr-icon-building-line">{{STRUCTURE}}</p>
          </div>
          <div class="fr-card__end">
            <p class="fr-text--bold fr-mb-1v">Comment y accéder</p>
            <ul>
              {{#MODE}}<li>{{LABEL}}</li>{{/MODE}}
              {{#TELEPHONE}}<li>Téléphone : <a href="tel:{{TEL}}">{{VALUE}}</a></li>{{/TELEPHONE}}
              {{#COURRIEL}}<li>Courriel : <a href="mailto:{{VALUE}}">{{VALUE}}</a></li>{{/COURRIEL}}
              {{#LIEN}}<li><a href="{{VALUE}}" rel="noopener">Faire la demande en ligne<span class="fr-sr-only"> pour {{NOM}}</span></a></li>{{/LIEN}}
              {{#ADRESSE}}<li>Adresse : {{VALUE}}</li>{{/ADRESSE}}
              {{#HORAIRES}}<li>Horaires : {{VALUE}}</li>{{/HORAIRES}}
            </ul>
          </div>
        </div>
      </div>
    </div>
  </li>
  {{/RESULT}}
</ul>
{{#NEXT}}<p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/services?{{NEXT_QUERY}}#resultats">Résultats suivants</a></p>{{/NEXT}}
{{/SEARCHED}}
