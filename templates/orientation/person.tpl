{{%AUTOESCAPE context="HTML"}}<h1>Mon orientation</h1>
{{#NONE}}<p>Aucune décision d’orientation n’a encore été prise. Une personne chargée de l’orientation étudie votre situation.</p>{{/NONE}}
{{#JOURNEY}}
<section class="fr-mb-6w">
  <h2>Parcours — {{TERRITORY}}</h2>
  {{#WAITING}}<p>Votre orientation est en cours d’étude.</p>{{/WAITING}}
  {{#DECISION}}
  <p class="fr-text--lead">Vous êtes orienté(e) vers un parcours <strong>{{ROUTE}}</strong>, accompagné par {{ORGANISATION}}.</p>
  {{#HAS_REFERENT}}<p>Votre référent(e) : {{REFERENT}}.</p>{{/HAS_REFERENT}}
  <p>Décision du {{WHEN}}. Pourquoi : {{REASON}}</p>
  {{#HAS_SUGGESTION}}
  <div class="fr-callout">
    <h3 class="fr-callout__title">Ce que suggéraient les règles</h3>
    <p class="fr-callout__text">Parcours {{SUGGESTED}}, parce que :</p>
    <ul>{{#SUGGESTION_REASON}}<li>{{TEXT}}</li>{{/SUGGESTION_REASON}}</ul>
    <p>{{FOLLOWED}}</p>
  </div>
  {{/HAS_SUGGESTION}}
  {{/DECISION}}
</section>
{{/JOURNEY}}
<p><a href="/mon-espace">Retour à mon espace</a></p>
