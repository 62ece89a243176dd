{{%AUTOESCAPE context="HTML"}}<h1>Mes parcours de référent</h1>
<p><a href="/orientation/suivi">Parcours à suivre</a></p>
{{#EMPTY}}<p>Vous n’êtes référent d’aucun parcours en cours.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
  <table>
    <caption>Parcours dont vous êtes le référent</caption>
    <thead><tr><th scope="col">Personne</th><th scope="col">Parcours</th><th scope="col">Premier rendez-vous</th><th scope="col">Orientation</th></tr></thead>
    <tbody>
      {{#ROW}}<tr><td><a href="/personnes/{{PERSON_ID}}">{{NAME}}</a></td><td>{{ROUTE}}</td><td>{{MEETING}}</td><td><a href="/orientation/parcours/{{JOURNEY_ID}}">Orientation<span class="fr-sr-only"> de {{NAME}}</span></a>{{#PENDING}} (réorientation demandée){{/PENDING}}</td></tr>{{/ROW}}
    </tbody>
  </table>
</div></div></div></div>
{{/HAS_ROWS}}
