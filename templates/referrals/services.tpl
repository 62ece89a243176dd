{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Services et orientations</a></li>
  </ol>
</nav>
<h1>Services et orientations de {{NAME}}</h1>

<section class="fr-mb-4w" aria-labelledby="besoins">
  <h2 id="besoins">Besoins retenus</h2>
  {{#NO_NEEDS}}<p>Aucun frein ni projet n’est relevé : remplissez d’abord le <a href="/personnes/{{ID}}/diagnostic">diagnostic socio-professionnel</a>.</p>{{/NO_NEEDS}}
  <ul>{{#NEED}}<li>{{LABEL}} — {{LEVEL}}</li>{{/NEED}}</ul>
  <p class="fr-text--sm">Services éligibles à : {{COMMUNE}}, les plus proches d’abord.</p>
  {{#NO_COMMUNE}}<p>La commune de la personne n’est pas connue : renseignez ses coordonnées pour voir les services où elle est éligible.</p>{{/NO_COMMUNE}}
</section>

<section class="fr-mb-4w" aria-labelledby="services">
  <h2 id="services">Services qui répondent à ces besoins</h2>
  {{#NO_MATCH}}<p>Aucun service publié du territoire ne répond à ces besoins là où vit la personne.</p>{{/NO_MATCH}}
  {{#HAS_MATCH}}
  <ul class="fr-raw-list">
  {{#SERVICE_ROW}}
    <li class="fr-card fr-card--no-arrow fr-mb-2w">
      <div class="fr-card__body"><div class="fr-card__content">
        <h3 class="fr-card__title">{{SERVICE}}</h3>
        <p class="fr-card__desc">{{DESCRIPTION}}</p>
        <div class="fr-card__start"><p class="fr-card__detail">{{STRUCTURE}} — {{COMMUNE}} — {{PROXIMITY}}{{#DISTANCE}} (à {{KM}} km){{/DISTANCE}}{{#REMOTE}} — possible à distance{{/REMOTE}}</p></div>
        <div class="fr-card__end">
          <p class="fr-text--sm fr-mb-1w">Répond à : {{ANSWERS}}</p>
          <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <li><a class="fr-btn fr-btn--tertiary" href="/services/{{SERVICE_ID}}">Fiche du service<span class="fr-sr-only"> {{SERVICE}}</span></a></li>
            {{#IN_PLAN}}<li><p class="fr-badge fr-badge--sm fr-badge--info">Dans le plan d’actions</p></li>{{/IN_PLAN}}
            {{#CAN_PLAN}}<li><form method="post" action="/personnes/{{ID}}/services/{{SERVICE_ID}}/plan"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="fr-btn fr-btn--secondary" type="submit">Ajouter au plan d’actions<span class="fr-sr-only"> : {{SERVICE}}</span></button></form></li>{{/CAN_PLAN}}
            {{#REFERRED}}<li><p class="fr-badge fr-badge--sm fr-badge--success">Orientation en cours</p></li>{{/REFERRED}}
            {{#CAN_REFER}}<li><a class="fr-btn" href="/personnes/{{ID}}/services/{{SERVICE_ID}}/orienter">Orienter<span class="fr-sr-only"> vers {{SERVICE}}</span></a></li>{{/CAN_REFER}}
          </ul>
        </div>
      </div></div>
    </li>
  {{/SERVICE_ROW}}
  </ul>
  {{/HAS_MATCH}}
</section>

<section class="fr-mb-4w" aria-labelledby="plan">
  <h2 id="plan">Plan d’actions</h2>
  {{#NO_ACTIONS}}<p>Aucune action pour l’instant.</p>{{/NO_ACTIONS}}
  <ul>{{#ACTION}}<li><strong>{{TITLE}}</strong> — {{STATUS}} (depuis le {{SINCE}}, responsable : {{RESPONSIBLE}})</li>{{/ACTION}}</ul>
</section>

<section class="fr-mb-4w" aria-labelledby="orientations">
  <h2 id="orientations">Orientations vers des services</h2>
  {{#NO_REFERRALS}}<p>Aucune orientation envoyée.</p>{{/NO_REFERRALS}}
  <ul>{{#REFERRAL}}<li><a href="/orientations/{{REFERRAL_ID}}">{{SERVICE}} ({{STRUCTURE}})</a> <span class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</span> — envoyée le {{SENT}} par {{SENDER}}</li>{{/REFERRAL}}</ul>
</section>
