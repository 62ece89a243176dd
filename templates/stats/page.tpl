{{%AUTOESCAPE context="HTML"}}<link rel="stylesheet" href="{{CHART_CSS}}">
<script type="module" src="{{CHART_JS}}"></script>
{{#TERRITORY}}<h1>Pilotage — {{SCOPE}}</h1>
<p>Les indicateurs des parcours de {{SCOPE}}{{#ORGANISATION_SCOPE}} : les parcours dont le référent, ou à défaut l’orientation, relève de votre structure{{/ORGANISATION_SCOPE}}, par mois d’entrée dans le parcours.{{#NATIONAL_LINK}} <a href="/pilotage/national">Vue nationale</a>{{/NATIONAL_LINK}}</p>
{{#TERRITORY_PAGES}}<ul class="fr-links-group">
  <li><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/pilotage/ce-qui-marche?territoire={{TERRITORY_ID}}">Ce qui marche, pour qui</a></li>
  <li><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/pilotage/donnees-ouvertes?territoire={{TERRITORY_ID}}">Données ouvertes</a></li>
</ul>{{/TERRITORY_PAGES}}{{/TERRITORY}}
{{#NATIONAL}}<h1>Pilotage national</h1>
<p>Les mêmes indicateurs pour chaque territoire, côte à côte, et au total, par mois d’entrée dans le parcours.</p>{{/NATIONAL}}
{{#LAGGING}}<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>Mise à jour en cours : {{LAG}} événement(s) récents ne sont pas encore comptés. Rechargez la page dans quelques secondes.</p></div>{{/LAGGING}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Les filtres contiennent une erreur</h2>
  <p>{{ERROR_MESSAGE}} Les indicateurs ci-dessous portent sur les 12 derniers mois, tous parcours confondus.</p>
</div>
{{/ERROR_SUMMARY}}
<form method="get" action="{{#TERRITORY}}/pilotage{{/TERRITORY}}{{#NATIONAL}}/pilotage/national{{/NATIONAL}}" class="fr-mb-4w" novalidate>
  <fieldset class="fr-fieldset">
    <legend class="fr-fieldset__legend">Filtres</legend>
    {{#TERRITORY_CHOICE}}
    <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
      <div class="fr-select-group">
        <label class="fr-label" for="territoire">Territoire</label>
        <select class="fr-select" id="territoire" name="territoire">
          {{#TERRITORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TERRITORY_OPTION}}
        </select>
      </div>
    </div>
    {{/TERRITORY_CHOICE}}
    {{#TERRITORY_HIDDEN}}<input type="hidden" name="territoire" value="{{TERRITORY_ID}}">{{/TERRITORY_HIDDEN}}
    <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
      <div class="fr-input-group{{#DEBUT_ERROR}} fr-input-group--error{{/DEBUT_ERROR}}">
        <label class="fr-label" for="debut">Du mois <span class="fr-hint-text">Format : AAAA-MM</span></label>
        <input class="fr-input{{#DEBUT_ERROR}} fr-input--error{{/DEBUT_ERROR}}" type="month" id="debut" name="debut" value="{{DEBUT}}"{{#DEBUT_ERROR}} aria-describedby="debut-error"{{/DEBUT_ERROR}}>
        {{#DEBUT_ERROR}}<p class="fr-error-text" id="debut-error">{{ERROR_MESSAGE}}</p>{{/DEBUT_ERROR}}
      </div>
    </div>
    <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
      <div class="fr-input-group{{#FIN_ERROR}} fr-input-group--error{{/FIN_ERROR}}">
        <label class="fr-label" for="fin">Au mois <span class="fr-hint-text">Format : AAAA-MM</span></label>
        <input class="fr-input{{#FIN_ERROR}} fr-input--error{{/FIN_ERROR}}" type="month" id="fin" name="fin" value="{{FIN}}"{{#FIN_ERROR}} aria-describedby="fin-error"{{/FIN_ERROR}}>
        {{#FIN_ERROR}}<p class="fr-error-text" id="fin-error">{{ERROR_MESSAGE}}</p>{{/FIN_ERROR}}
      </div>
    </div>
    <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
      <div class="fr-select-group{{#PARCOURS_ERROR}} fr-select-group--error{{/PARCOURS_ERROR}}">
        <label class="fr-label" for="parcours">Parcours</label>
        <select class="fr-select" id="parcours" name="parcours"{{#PARCOURS_ERROR}} aria-describedby="parcours-error"{{/PARCOURS_ERROR}}>
          {{#ROUTE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROUTE_OPTION}}
        </select>
        {{#PARCOURS_ERROR}}<p class="fr-error-text" id="parcours-error">{{ERROR_MESSAGE}}</p>{{/PARCOURS_ERROR}}
      </div>
    </div>
    {{#STRUCTURE_FILTER}}
    <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
      <div class="fr-select-group{{#STRUCTURE_ERROR}} fr-select-group--error{{/STRUCTURE_ERROR}}">
        <label class="fr-label" for="structure">Structure</label>
        <select class="fr-select" id="structure" name="structure">
          {{#STRUCTURE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STRUCTURE_OPTION}}
        </select>
        {{#STRUCTURE_ERROR}}<p class="fr-error-text" id="structure-error">{{ERROR_MESSAGE}}</p>{{/STRUCTURE_ERROR}}
      </div>
    </div>
    {{/STRUCTURE_FILTER}}
    <div class="fr-fieldset__element">
      <button class="fr-btn" type="submit">Afficher</button>
    </div>
  </fieldset>
</form>
{{#TABLE}}
<section class="fr-mb-6w" aria-labelledby="titre-{{ID}}">
  <h2 id="titre-{{ID}}">{{TITLE}}</h2>
  {{#LINE}}<div class="parcours-chart"><line-chart x="{{X}}" y="{{Y}}" name="{{NAME}}"></line-chart></div>
  <p class="fr-text--sm">Graphique des entrants ; le tableau ci-dessous en donne toutes les valeurs.</p>{{/LINE}}
  {{#BAR}}<div class="parcours-chart"><bar-chart x="{{X}}" y="{{Y}}" name="{{NAME}}"></bar-chart></div>
  <p class="fr-text--sm">Graphique des entrants ; le tableau ci-dessous en donne toutes les valeurs.</p>{{/BAR}}
  <div class="fr-table fr-table--bordered">
    <div class="fr-table__wrapper">
      <div class="fr-table__container" tabindex="0" role="region" aria-label="{{TITLE}} : tableau défilant">
        <div class="fr-table__content">
          <table id="tableau-{{ID}}">
            <caption>{{CAPTION}}</caption>
            <thead>
              <tr>{{#FIRST}}<th scope="col">{{H}}</th>{{/FIRST}}{{#HEAD}}<th scope="col">{{H}}</th>{{/HEAD}}</tr>
            </thead>
            <tbody>
              {{#ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td>{{V}}</td>{{/CELL}}</tr>
              {{/ROW}}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  </div>
  <p><a class="fr-link fr-icon-download-line fr-link--icon-left" href="{{CSV}}">Télécharger ce tableau (CSV, séparateur point-virgule)</a></p>
</section>
{{/TABLE}}
<section class="fr-mb-6w" aria-labelledby="titre-definitions">
  <h2 id="titre-definitions">Définitions</h2>
  <ul>
    <li><strong>Mois</strong> : le mois d’entrée dans le parcours (ouverture du parcours). Chaque parcours compte dans le mois où il est entré, avec tout ce qui s’y est passé depuis ; les mois récents sont donc encore incomplets.</li>
    <li><strong>Structure</strong> : celle du référent ; à défaut, celle choisie à l’orientation ; « sans structure » tant que le parcours n’est pas orienté. <strong>Parcours</strong> : celui de la dernière orientation.</li>
    <li><strong>Délais</strong> : en jours calendaires ; la médiane est la valeur du milieu (la plus basse des deux quand leur nombre est pair) ; au-delà de 90 jours, le délai est compté « plus de 90 ».</li>
    <li><strong>Orientés en 30 jours ou moins</strong> : parmi les entrants, ceux orientés au plus 30 jours après leur entrée (ceux qui attendent encore comptent comme hors délai). <strong>1er rendez-vous en 30 jours ou moins</strong> : parmi les orientés, ceux dont le premier rendez-vous honoré avec le référent a eu lieu au plus 30 jours après l’orientation.</li>
    <li><strong>Avec un référent, un plan d’actions, un engagement signé</strong> (CER, PPAE… signé ou accepté en ligne) : part des entrants.</li>
    <li><strong>Taux d’absence</strong> : rendez-vous non honorés sur rendez-vous honorés ou non honorés (les rendez-vous excusés ou annulés n’y entrent pas).</li>
    <li><strong>Emploi, emploi durable, formation à 6 et 12 mois</strong> : part des entrants dont la sortie a commencé au plus 6 (ou 12) mois après l’entrée. <strong>Emploi durable</strong> : un CDI, ou un contrat dont la fin est au moins 6 mois après le début (CDD, intérim, contrat aidé, alternance de 6 mois ou plus).</li>
  </ul>
</section>
