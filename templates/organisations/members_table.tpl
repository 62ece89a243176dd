{{%AUTOESCAPE context="HTML"}}{{#NO_MEMBERS}}<p>Cette structure n’a pas encore de membre.</p>{{/NO_MEMBERS}}
{{#HAS_MEMBERS}}
<div class="fr-table fr-table--no-caption">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Membres de la structure</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Rôle</th>
              <th scope="col">Statut</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {{#MEMBER}}
            <tr>
              <td>{{NAME}}</td>
              <td>{{EMAIL}}</td>
              <td>{{ROLES}}</td>
              <td>{{#ACTIVE}}<p class="fr-badge fr-badge--success fr-badge--sm">Actif</p>{{/ACTIVE}}{{#INVITED}}<p class="fr-badge fr-badge--info fr-badge--sm">Invité</p>{{/INVITED}}{{#INACTIVE}}<p class="fr-badge fr-badge--sm">Désactivé</p>{{/INACTIVE}}</td>
              <td><a class="fr-link" href="/structures/{{ORG_ID}}/membres/{{USER_ID}}">Modifier<span class="fr-sr-only"> les rôles de {{NAME}}</span></a></td>
            </tr>
            {{/MEMBER}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{/HAS_MEMBERS}}
