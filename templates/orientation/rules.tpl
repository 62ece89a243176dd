{{%AUTOESCAPE context="HTML"}}<h1>Règles de pré-orientation</h1>
<p>En vigueur : {{VERSION}}. Chaque règle dont toutes les conditions sont vraies ajoute son poids au parcours qu’elle désigne ; le parcours au total le plus élevé est suggéré avec les raisons des règles qui l’ont choisi. En cas d’égalité, le parcours le plus accompagnant l’emporte (social, puis socio-professionnel, puis professionnel).</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Les règles ne sont pas enregistrées</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<h2 class="fr-h5">Règles en vigueur</h2>
<ul>
  {{#RULE}}<li>Parcours {{ROUTE}} (poids {{WEIGHT}}) : {{REASON}}</li>{{/RULE}}
</ul>
<form method="post" action="/orientation/regles" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="territory_id" value="{{TERRITORY_ID}}">
  <div class="fr-input-group{{#REGLES_ERROR}} fr-input-group--error{{/REGLES_ERROR}}">
    <label class="fr-label" for="regles">Règles du territoire (JSON)
      <span class="fr-hint-text">Champs : situation.sans_domicile_fixe, situation.rqth, situation.droits_et_devoirs, situation.statut_rsa, situation.niveau_formation, situation.allocations, diagnostic.&lt;question&gt;, diagnostic.freins.&lt;thématique&gt;, diagnostic.t_&lt;question du territoire&gt;. Tests : egal, parmi, contient, renseigne.</span>
    </label>
    <textarea class="fr-input{{#REGLES_ERROR}} fr-input--error{{/REGLES_ERROR}}" id="regles" name="regles" rows="20" spellcheck="false"{{#REGLES_ERROR}} aria-describedby="regles-error"{{/REGLES_ERROR}}>{{RULES}}</textarea>
    {{#REGLES_ERROR}}<p class="fr-error-text" id="regles-error">{{ERROR_MESSAGE}}</p>{{/REGLES_ERROR}}
  </div>
  <button class="fr-btn" type="submit">Enregistrer une nouvelle version</button>
</form>
