{{%AUTOESCAPE context="HTML"}}<section class="fr-mb-6w" aria-labelledby="appointments">
  <h2 id="appointments">Mes prochains rendez-vous</h2>
  {{#NONE}}<p>Aucun rendez-vous n’est prévu pour l’instant. Quand votre équipe en fixera un, il s’affichera ici.</p>{{/NONE}}
  {{#HAS_ITEMS}}<ul>
    {{#ITEM}}<li><strong>{{WHEN}}</strong> avec {{PROFESSIONAL}} — {{PURPOSE}}</li>{{/ITEM}}
  </ul>{{/HAS_ITEMS}}
  <p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/rendez-vous">Tous mes rendez-vous</a></p>
</section>
