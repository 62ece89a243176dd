{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Mes rendez-vous</h1>
{{#NONE}}<p>Vous n’avez aucun rendez-vous pour l’instant. Quand votre équipe en fixera un, il s’affichera ici et vous recevrez un rappel par courriel.</p>{{/NONE}}
{{#GROUP}}
<h2>{{TITLE}}</h2>
<ul class="fr-raw-list">
  {{#ITEM}}
  <li class="fr-mb-3w">
    <div class="fr-card fr-card--no-arrow fr-card--sm">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h3 class="fr-card__title">{{WHEN}}</h3>
          <div class="fr-card__desc">
            <p class="fr-mb-1v">Avec {{PROFESSIONAL}} ({{ORGANISATION}}), {{DURATION}} minutes.</p>
            <p class="fr-mb-1v">{{PLACE_KIND}} : {{PLACE}}</p>
            <p class="fr-mb-1v">Objet : {{PURPOSE}}</p>
            {{#CAN_EXCUSE}}<p class="fr-mt-2w"><a class="fr-link" href="/mon-espace/rendez-vous/{{ID}}/excuser">Je ne pourrai pas venir<span class="fr-sr-only"> au rendez-vous du {{WHEN}}</span></a></p>{{/CAN_EXCUSE}}
          </div>
          <div class="fr-card__start">
            <p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</p>
          </div>
        </div>
      </div>
    </div>
  </li>
  {{/ITEM}}
</ul>
{{/GROUP}}
