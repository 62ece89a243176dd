{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Le partage de mon dossier</h1>
<p>Les professionnels de votre équipe voient votre dossier pour vous accompagner. Les autres
  structures de votre territoire peuvent avoir besoin de vous trouver, par exemple pour rejoindre
  votre équipe. Vous pouvez vous opposer à ce qu’une structure qui n’est pas dans votre équipe
  consulte votre dossier, et changer d’avis quand vous voulez.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#NO_CHOICE}}
<p>Il n’y a pas d’autre structure sur votre territoire pour l’instant.</p>
{{/NO_CHOICE}}
{{#CHOICES}}
<ul class="fr-raw-list">
  {{#CHOICE}}
  <li class="fr-mb-3w fr-pb-2w">
    <h2 class="fr-h6 fr-mb-1v">{{NAME}}</h2>
    <p class="fr-text--sm fr-mb-1v">{{KIND}}</p>
    {{#OBJECTED}}
    <p class="fr-badge fr-badge--warning fr-badge--sm">Vous vous opposez au partage depuis le {{SINCE}}</p>
    {{#IN_TEAM}}<p class="fr-text--sm">Cette structure a rejoint votre équipe depuis.</p>{{/IN_TEAM}}
    <form method="post" action="/mon-espace/partage/retirer">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <input type="hidden" name="organisation_id" value="{{ID}}">
      <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit">Retirer mon opposition<span class="fr-sr-only"> pour {{NAME}}</span></button>
    </form>
    {{/OBJECTED}}
    {{#SHARED}}
    <form method="post" action="/mon-espace/partage/opposer">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <input type="hidden" name="organisation_id" value="{{ID}}">
      <button class="fr-btn fr-btn--tertiary fr-btn--sm" type="submit">M’opposer au partage<span class="fr-sr-only"> avec {{NAME}}</span></button>
    </form>
    {{/SHARED}}
  </li>
  {{/CHOICE}}
</ul>
{{/CHOICES}}
