{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Mes engagements</h1>
<p>Ce que vous et votre équipe avez décidé de faire ensemble : vos droits, vos engagements et ceux de votre équipe.</p>
{{#NONE}}<p>Vous n’avez pas encore d’engagement. Votre référent(e) vous en proposera un quand vous aurez construit votre plan ensemble.</p>{{/NONE}}
<ul class="fr-raw-list">
  {{#ITEM}}
  <li class="fr-mb-3w">
    <div class="fr-card fr-card--sm fr-enlarge-link">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h2 class="fr-card__title"><a href="/mon-espace/engagements/{{ID}}">{{LABEL}}</a></h2>
          <p class="fr-card__desc">{{DATES}}{{#SIGNATURE}}. {{SIGNATURE_TEXT}}{{/SIGNATURE}}</p>
          <div class="fr-card__start"><p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</p></div>
        </div>
      </div>
    </div>
  </li>
  {{/ITEM}}
</ul>
