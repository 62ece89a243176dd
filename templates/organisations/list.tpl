{{%AUTOESCAPE context="HTML"}}<h1>Structures</h1>
{{#CAN_CREATE}}
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
  <li><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/structures/nouvelle{{CREATE_QUERY}}">Créer une structure</a></li>
</ul>
{{/CAN_CREATE}}
{{#FILTER}}
<form method="get" action="/structures" class="fr-mb-3w">
  <div class="fr-select-group">
    <label class="fr-label" for="territoire">Territoire</label>
    <select class="fr-select" id="territoire" name="territoire">
      <option value="">Tous les territoires</option>
      {{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TERRITORY_OPTION}}
    </select>
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Filtrer</button>
</form>
{{/FILTER}}
{{#EMPTY}}<p>Aucune structure à afficher.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table fr-table--no-caption">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Liste des structures</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Type</th>
              <th scope="col">Territoire</th>
              <th scope="col">Commune</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {{#ROW}}
            <tr>
              <td><a href="/structures/{{ID}}">{{NAME}}</a></td>
              <td>{{KIND}}</td>
              <td>{{TERRITORY}}</td>
              <td>{{COMMUNE}}</td>
              <td>{{#ACTIVE}}<p class="fr-badge fr-badge--success fr-badge--sm">Active</p>{{/ACTIVE}}{{#INACTIVE}}<p class="fr-badge fr-badge--sm">Désactivée</p>{{/INACTIVE}}</td>
            </tr>
            {{/ROW}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{/HAS_ROWS}}
