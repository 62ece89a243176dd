{{%AUTOESCAPE context="HTML"}}<h1>Personnes à orienter</h1>
<p class="fr-text--lead">{{WAITING}} personne(s) attendent une orientation dans votre territoire.</p>
<ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--left">
  <li><a class="fr-btn fr-btn--secondary fr-btn--sm" href="/orientation/suivi">Parcours à suivre</a></li>
  <li><a class="fr-btn fr-btn--secondary fr-btn--sm" href="/orientation/mes-parcours">Mes parcours de référent</a></li>
</ul>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Un filtre n’est pas valable</h2>
  <p>{{ERROR_MESSAGE}} Les filtres ont été réinitialisés.</p>
</div>
{{/ERROR_SUMMARY}}
<form method="get" action="/orientation" class="fr-mb-4w" aria-labelledby="filtres">
  <h2 id="filtres" class="fr-h5">Filtrer et trier</h2>
  <input type="hidden" name="territoire" value="{{TERRITORY_ID}}">
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-select-group">
        <label class="fr-label" for="statut">Statut</label>
        <select class="fr-select" id="statut" name="statut">
          {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-select-group">
        <label class="fr-label" for="echeance">Échéance</label>
        <select class="fr-select" id="echeance" name="echeance">
          <option value="">Toutes</option>
          {{#DEADLINE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DEADLINE_OPTION}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-select-group">
        <label class="fr-label" for="entree">Porte d’entrée</label>
        <select class="fr-select" id="entree" name="entree">
          <option value="">Toutes</option>
          {{#ENTRY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ENTRY_OPTION}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-select-group">
        <label class="fr-label" for="epci">Intercommunalité (EPCI)</label>
        <select class="fr-select" id="epci" name="epci">
          <option value="">Toutes</option>
          {{#EPCI_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/EPCI_OPTION}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-input-group">
        <label class="fr-label" for="commune">Commune
          <span class="fr-hint-text">Code INSEE, 5 caractères (par exemple 08105)</span>
        </label>
        <input class="fr-input" type="text" id="commune" name="commune" value="{{COMMUNE}}" autocomplete="off">
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-select-group">
        <label class="fr-label" for="tri">Tri</label>
        <select class="fr-select" id="tri" name="tri">
          {{#SORT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_OPTION}}
        </select>
      </div>
    </div>
  </div>
  <button class="fr-btn fr-mt-2w" type="submit">Appliquer</button>
</form>
{{#EMPTY}}<p>Aucune personne ne correspond à ces critères.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Parcours à orienter</caption>
          <thead><tr><th scope="col">Personne</th><th scope="col">Commune</th><th scope="col">Porte d’entrée</th><th scope="col">Entrée le</th><th scope="col">Jours depuis l’entrée</th><th scope="col">Échéance</th><th scope="col">Statut</th></tr></thead>
          <tbody>
            {{#ROW}}<tr data-status="{{STATUS_CODE}}"><td><a href="/orientation/parcours/{{JOURNEY_ID}}">{{NAME}}</a>{{#REORIENTATION}} <span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">Réorientation demandée</span>{{/REORIENTATION}}</td><td>{{COMMUNE}}</td><td>{{ENTRY}}</td><td>{{OPENED}}</td><td>{{DAYS}}</td><td>{{DEADLINE}}</td><td><span class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</span></td></tr>{{/ROW}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{/HAS_ROWS}}
{{#NEXT}}<p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="{{HREF}}">Page suivante</a></p>{{/NEXT}}
