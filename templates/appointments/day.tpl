{{%AUTOESCAPE context="HTML"}}<h1>Mon agenda</h1>
<ul class="fr-tags-group fr-mb-2w">
  <li><a class="fr-tag" href="/agenda?semaine={{DATE}}">Semaine</a></li>
  <li><a class="fr-tag" href="/agenda/jour?date={{DATE}}" aria-current="page">Jour</a></li>
  <li><a class="fr-tag" href="/agenda/a-mettre-a-jour">À mettre à jour</a></li>
</ul>
<h2 id="jour">{{TITLE}}</h2>
{{>NAV}}
{{#EMPTY}}<p>Aucun rendez-vous ce jour-là.</p>{{/EMPTY}}
{{#HAS_ROWS}}{{>LIST}}{{/HAS_ROWS}}
