{{%AUTOESCAPE context="HTML"}}<section class="fr-mb-6w" aria-labelledby="mon-plan">
  <h2 id="mon-plan">Mon plan d’actions</h2>
  {{#HAS_OPEN}}<p>{{OPEN}} action(s) en cours ou prévue(s).</p>{{/HAS_OPEN}}
  {{#NO_OPEN}}<p>Aucune action en cours pour l’instant.</p>{{/NO_OPEN}}
  {{#HAS_PROPOSED}}<p>{{PROPOSED}} objectif(s) proposé(s) par vous, en attente de votre conseiller.</p>{{/HAS_PROPOSED}}
  <p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/plan">Voir mon plan d’actions</a></p>
</section>
