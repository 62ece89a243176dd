{{%AUTOESCAPE context="HTML"}}{{#NO_ACTIONS}}<p class="fr-text--sm">Aucune action pour l’instant.</p>{{/NO_ACTIONS}}
{{#HAS_ACTIONS}}<div class="fr-table fr-table--sm parcours-plan-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
  <table>
    <caption>{{CAPTION}}</caption>
    <thead><tr><th scope="col">Action</th><th scope="col">Qui s’en occupe</th><th scope="col">Dates</th><th scope="col">Statut</th>{{#WITH_CONTROLS}}<th scope="col">Mettre à jour</th>{{/WITH_CONTROLS}}</tr></thead>
    <tbody>
      {{#ACTION}}<tr id="action-{{ACTION_ID}}">
        <td>{{TITLE}}{{#SERVICE}}<br><span class="fr-text--xs">Service du catalogue : {{STRUCTURE}}</span>{{/SERVICE}}</td>
        <td>{{RESPONSIBLE}}</td>
        <td>{{DATES}}</td>
        <td><p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</p></td>
        {{#CONTROLS}}<td>
          <form method="post" action="/personnes/{{PERSON_ID}}/plan/actions/{{ACTION_ID}}/statut" class="parcours-plan-status">
            <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
            <label class="fr-label fr-sr-only" for="statut-{{ACTION_ID}}">Nouveau statut de l’action « {{TITLE}} »</label>
            <select class="fr-select" id="statut-{{ACTION_ID}}" name="status">
              {{#TARGET}}<option value="{{CODE}}">{{LABEL}}</option>{{/TARGET}}
            </select>
            <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">Changer<span class="fr-sr-only"> le statut de « {{TITLE}} »</span></button>
          </form>
          <a class="fr-link fr-text--sm" href="/personnes/{{PERSON_ID}}/plan/actions/{{ACTION_ID}}/modifier">Modifier<span class="fr-sr-only"> l’action « {{TITLE}} »</span></a>
        </td>{{/CONTROLS}}
      </tr>{{/ACTION}}
    </tbody>
  </table>
</div></div></div></div>{{/HAS_ACTIONS}}
{{#AS_LIST}}<ul class="fr-mb-2w">
  {{#ITEM}}<li class="fr-mb-1w" id="action-{{ACTION_ID}}">
    <strong>{{TITLE}}</strong>{{#SERVICE}} ({{STRUCTURE}}){{/SERVICE}} — <span class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</span><br>
    <span class="fr-text--sm">Qui s’en occupe : {{RESPONSIBLE}}.{{#HAS_DATES}} {{DATES}}.{{/HAS_DATES}}</span>
    {{#CAN_DONE}}<form method="post" action="/mon-espace/plan/actions/{{ACTION_ID}}/realisee" class="fr-mt-1w">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button class="fr-btn fr-btn--sm" type="submit">J’ai fait cette action<span class="fr-sr-only"> : « {{TITLE}} »</span></button>
    </form>{{/CAN_DONE}}
  </li>{{/ITEM}}
</ul>{{/AS_LIST}}
