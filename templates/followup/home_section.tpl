{{%AUTOESCAPE context="HTML"}}{{#TO_ACCEPT}}
<div class="fr-callout fr-mb-4w">
  <h2 class="fr-callout__title">Un engagement vous attend</h2>
  <p class="fr-callout__text">Votre référent(e) vous propose : {{LABEL}}. Lisez-le, et acceptez-le si vous êtes d’accord.</p>
  <a class="fr-btn" href="/mon-espace/engagements/{{ID}}">Lire l’engagement</a>
</div>
{{/TO_ACCEPT}}
