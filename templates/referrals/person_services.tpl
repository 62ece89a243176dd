{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/mon-espace">Mon espace</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Des services pour moi</a></li>
  </ol>
</nav>
<h1>Des services pour moi</h1>
<p>Les services près de chez vous qui répondent à ce que vous avez dit de vos besoins. Vous pouvez demander à votre référent(e) de vous y orienter.</p>
{{#NO_JOURNEY}}<p>Vous n’avez pas de parcours en cours.</p>{{/NO_JOURNEY}}
{{#JOURNEY}}
<h2>{{TERRITORY}}</h2>
{{#NO_NEEDS}}<p>Vos besoins ne sont pas encore notés. <a href="/mon-espace/diagnostic">Dites-nous vos besoins avec vos mots</a>.</p>{{/NO_NEEDS}}
<ul>{{#NEED}}<li>{{LABEL}}</li>{{/NEED}}</ul>
{{#NO_MATCH}}<p>Aucun service ne correspond pour l’instant. Parlez-en à votre référent(e).</p>{{/NO_MATCH}}
<ul class="fr-raw-list">
{{#SERVICE_ROW}}
  <li class="fr-card fr-card--no-arrow fr-mb-2w">
    <div class="fr-card__body"><div class="fr-card__content">
      <h3 class="fr-card__title">{{SERVICE}}</h3>
      <p class="fr-card__desc">{{DESCRIPTION}}</p>
      <div class="fr-card__start"><p class="fr-card__detail">{{STRUCTURE}} — {{COMMUNE}} — {{PROXIMITY}}{{#DISTANCE}} (à {{KM}} km){{/DISTANCE}}</p></div>
      <div class="fr-card__end">
        <p class="fr-text--sm fr-mb-1w">Pour : {{ANSWERS}}{{#HAS_PHONE}} — Téléphone : {{PHONE}}{{/HAS_PHONE}}</p>
        {{#CAN_ASK}}<form method="post" action="/mon-espace/services/{{SERVICE_ID_ASK}}/demander"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="fr-btn fr-btn--secondary" type="submit">Demander à mon référent<span class="fr-sr-only"> : {{SERVICE}}</span></button></form>{{/CAN_ASK}}
      </div>
    </div></div>
  </li>
{{/SERVICE_ROW}}
</ul>
{{/JOURNEY}}
