{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/suivi">Engagements, sorties et clôture</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{KIND_LABEL}}</a></li>
  </ol>
</nav>
<h1>{{KIND_LABEL}}</h1>
<p><span class="fr-badge {{BADGE}}">{{STATUS}}</span></p>
<p>{{DATES}}, avec {{NAME}}.</p>
{{#SIGNATURE}}<p>{{SIGNATURE_TEXT}}</p>{{/SIGNATURE}}
{{#REPLACES}}<p><a href="/engagements/{{REPLACES_ID}}">Il renouvelle l’engagement précédent</a>.</p>{{/REPLACES}}
{{#REPLACED_BY}}<p><a href="/engagements/{{REPLACED_BY_ID}}">Il a été renouvelé : voir le nouvel engagement</a>.</p>{{/REPLACED_BY}}
{{#GOALS}}
<h2>Objectifs couverts</h2>
<ul>{{#GOAL}}<li>{{GOAL_TITLE}}</li>{{/GOAL}}</ul>
{{/GOALS}}
<h2>Droits et devoirs</h2>
<div class="parcours-pre-line fr-p-3w fr-mb-3w">{{TEXT}}</div>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">L’engagement n’a pas changé</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#PROPOSED}}
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">La signature n’est pas enregistrée</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<p>La personne peut lire cet engagement et l’accepter dans son espace. S’il a été signé sur papier, enregistrez-le ici.</p>
<form method="post" action="/engagements/{{ID}}/signature" novalidate aria-labelledby="signature-titre" class="fr-mb-3w">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <h2 id="signature-titre" class="fr-h5">Signature sur papier</h2>
  {{>SIGNED_ON_FIELD}}
  <button class="fr-btn" type="submit">Enregistrer la signature</button>
</form>
<ul class="fr-btns-group fr-btns-group--inline-md">
  <li><a class="fr-btn fr-btn--secondary" href="/engagements/{{ID}}/modifier">Modifier l’engagement</a></li>
  <li>
    <form method="post" action="/engagements/{{ID}}/annuler">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button class="fr-btn fr-btn--tertiary" type="submit">Annuler cet engagement</button>
    </form>
  </li>
</ul>
{{/PROPOSED}}
{{#CAN_RENEW}}<p><a class="fr-btn fr-btn--secondary" href="/engagements/{{ID}}/renouveler">Renouveler l’engagement</a></p>{{/CAN_RENEW}}
