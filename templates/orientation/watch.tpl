{{%AUTOESCAPE context="HTML"}}<h1>Parcours à suivre</h1>
<p>Parcours orientés sans référent, ou dont le premier rendez-vous avec le référent n’a pas eu lieu dans le délai du territoire.</p>
{{#LIST}}
<h2>{{TITLE}}</h2>
{{#EMPTY}}<p>Aucun parcours à signaler.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
  <table>
    <caption>{{TITLE}}</caption>
    <thead><tr><th scope="col">Personne</th><th scope="col">Structure</th><th scope="col">Référent</th><th scope="col">Orientée le</th><th scope="col">Premier rendez-vous avant le</th><th scope="col">À faire</th></tr></thead>
    <tbody>
      {{#ROW}}<tr><td><a href="/orientation/parcours/{{JOURNEY_ID}}">{{NAME}}</a></td><td>{{ORGANISATION}}</td><td>{{REFERENT}}</td><td>{{ORIENTED}}</td><td>{{DEADLINE}}</td><td>{{PROBLEM}}</td></tr>{{/ROW}}
    </tbody>
  </table>
</div></div></div></div>
{{/HAS_ROWS}}
{{/LIST}}
