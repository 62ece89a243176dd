{{%AUTOESCAPE context="HTML"}}<h1>Territoires</h1>
{{#CAN_CREATE}}
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
  <li><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/territoires/nouveau">Créer un territoire</a></li>
</ul>
{{/CAN_CREATE}}
{{#EMPTY}}<p>Aucun territoire pour l’instant.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table fr-table--no-caption">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Liste des territoires</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Identifiant</th>
              <th scope="col">Départements</th>
              <th scope="col">Délai d’orientation</th>
              <th scope="col">Conservation</th>
            </tr>
          </thead>
          <tbody>
            {{#ROW}}
            <tr>
              <td><a href="/territoires/{{ID}}">{{NAME}}</a></td>
              <td>{{SLUG}}</td>
              <td>{{DEPARTEMENTS}}</td>
              <td>{{DEADLINE}}</td>
              <td>{{RETENTION}} mois</td>
            </tr>
            {{/ROW}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{/HAS_ROWS}}
