{{%AUTOESCAPE context="HTML"}}<h1>Mon agenda</h1>
<ul class="fr-tags-group fr-mb-2w">
  <li><a class="fr-tag" href="/agenda" aria-current="page">Semaine</a></li>
  <li><a class="fr-tag" href="/agenda/jour?date={{FIRST_DAY}}">Jour</a></li>
  <li><a class="fr-tag" href="/agenda/a-mettre-a-jour">À mettre à jour{{#TO_UPDATE}} ({{COUNT}}){{/TO_UPDATE}}</a></li>
</ul>
<h2 id="semaine">{{TITLE}}</h2>
{{>NAV}}
{{#EMPTY}}<p>Aucun rendez-vous cette semaine.</p>{{/EMPTY}}
{{#HAS_ROWS}}{{>LIST}}{{/HAS_ROWS}}
<h2 class="fr-h6">Voir un jour</h2>
<ul class="fr-raw-list">
  {{#DAY_LINK}}<li><a class="fr-link" href="/agenda/jour?date={{DATE}}">{{LABEL}}</a> — {{COUNT}} rendez-vous</li>{{/DAY_LINK}}
</ul>
