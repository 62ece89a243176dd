{{%AUTOESCAPE context="HTML"}}<h1>Personnes</h1>
{{#CAN_CREATE}}
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
  <li><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/personnes/nouvelle{{TERRITORY_QUERY}}">Nouvelle personne</a></li>
</ul>
{{/CAN_CREATE}}
<form method="get" action="/personnes" class="fr-mb-4w" role="search" aria-label="Recherche de personnes">
  {{#TERRITORY_CHOICE}}
  <div class="fr-select-group">
    <label class="fr-label" for="territoire">Territoire</label>
    <select class="fr-select" id="territoire" name="territoire">
      {{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TERRITORY_OPTION}}
    </select>
  </div>
  {{/TERRITORY_CHOICE}}
  <div class="fr-input-group{{#Q_ERROR}} fr-input-group--error{{/Q_ERROR}}">
    <label class="fr-label" for="q">Rechercher une personne
      <span class="fr-hint-text">Nom et prénom dans n’importe quel ordre, ou numéro de sécurité sociale, numéro allocataire CAF ou MSA, identifiant France Travail, téléphone, adresse électronique.</span>
    </label>
    <input class="fr-input{{#Q_ERROR}} fr-input--error{{/Q_ERROR}}" type="search" id="q" name="q" value="{{Q}}" autocomplete="off"{{#Q_ERROR}} aria-describedby="q-error"{{/Q_ERROR}}>
    {{#Q_ERROR}}<p class="fr-error-text" id="q-error">{{ERROR_MESSAGE}}</p>{{/Q_ERROR}}
  </div>
  <button class="fr-btn" type="submit">Rechercher</button>
</form>
{{#SEARCHED}}
<h2 id="resultats">Résultats</h2>
{{#EMPTY}}<p>Aucune personne ne correspond à « {{Q}} » dans ce territoire.{{#CAN_CREATE}} Vous pouvez <a href="/personnes/nouvelle{{TERRITORY_QUERY}}">créer sa fiche</a>.{{/CAN_CREATE}}</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table aria-describedby="resultats">
          <caption>Personnes correspondant à « {{Q}} »</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Prénoms</th>
              <th scope="col">Date de naissance</th>
              <th scope="col">Commune</th>
              <th scope="col">Parcours</th>
            </tr>
          </thead>
          <tbody>
            {{#ROW}}
            <tr>
              <td><a href="/personnes/{{ID}}{{TERRITORY_QUERY}}">{{NAME}}</a></td>
              <td>{{FIRST_NAMES}}</td>
              <td>{{BIRTH_DATE}}</td>
              <td>{{COMMUNE}}</td>
              <td>{{#STATUS}}<p class="fr-badge fr-badge--sm {{BADGE}}">{{LABEL}}</p>{{/STATUS}}{{#NO_JOURNEY}}Aucun parcours en cours{{/NO_JOURNEY}}</td>
            </tr>
            {{/ROW}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{#NEXT}}<p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/personnes?{{NEXT_QUERY}}">Résultats suivants</a></p>{{/NEXT}}
{{/HAS_ROWS}}
{{/SEARCHED}}
{{#CASELOAD}}
{{>LATE_REVIEWS}}
<h2 id="suivis">Les personnes que vous suivez</h2>
<p><a class="fr-link fr-icon-calendar-line fr-link--icon-left" href="/echeances">Échéances : engagements à renouveler et suivis dans l’emploi</a></p>
<nav class="fr-mb-2w" aria-label="Filtrer les personnes suivies">
  <ul class="fr-tags-group">
    <li><a class="fr-tag" href="{{ALL_HREF}}#suivis"{{#ALL_CURRENT}} aria-current="page"{{/ALL_CURRENT}}>Toutes</a></li>
    <li><a class="fr-tag" href="{{REFERENT_HREF}}#suivis"{{#REFERENT_CURRENT}} aria-current="page"{{/REFERENT_CURRENT}}>Comme référent·e</a></li>
  </ul>
</nav>
{{#CURSOR_ERROR}}<div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w"><p>{{MESSAGE}}</p></div>{{/CURSOR_ERROR}}
{{#EMPTY}}<p>Vous ne faites partie de l’équipe d’aucun parcours en cours dans ce territoire. Recherchez une personne pour demander à rejoindre son équipe ou ouvrir son parcours.</p>{{/EMPTY}}
{{#EMPTY_REFERENT}}<p>Vous n’êtes référent·e d’aucun parcours en cours dans ce territoire.</p>{{/EMPTY_REFERENT}}
{{#HAS_ROWS}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table aria-describedby="suivis">
          <caption>Parcours dont vous faites partie de l’équipe, les plus récemment actifs d’abord</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Prénoms</th>
              <th scope="col">Commune</th>
              <th scope="col">Votre rôle</th>
              <th scope="col">Parcours</th>
              <th scope="col">Dernière activité</th>
            </tr>
          </thead>
          <tbody>
            {{#ROW}}
            <tr>
              <td><a href="/personnes/{{ID}}{{TERRITORY_QUERY}}">{{NAME}}</a></td>
              <td>{{FIRST_NAMES}}</td>
              <td>{{COMMUNE}}</td>
              <td>{{ROLE}}</td>
              <td><p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS_LABEL}}</p></td>
              <td>{{ACTIVITY}}</td>
            </tr>
            {{/ROW}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{#NEXT}}<p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="{{NEXT_HREF}}#suivis">Personnes suivantes</a></p>{{/NEXT}}
{{/HAS_ROWS}}
{{/CASELOAD}}
