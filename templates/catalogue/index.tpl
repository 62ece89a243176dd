{{%AUTOESCAPE context="HTML"}}<h1>Offre de services</h1>
<p>Les services proposés par les structures, au format de data·inclusion.</p>
{{#EMPTY}}<p>Vous n’êtes membre d’aucune structure : demandez à l’administrateur de votre structure de vous y inviter.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table">
  <table>
    <caption>Structures</caption>
    <thead><tr><th scope="col">Structure</th><th scope="col">Territoire</th><th scope="col">Services publiés</th></tr></thead>
    <tbody>
      {{#ROW}}<tr><td><a href="/structures/{{ID}}/services">{{NAME}}</a></td><td>{{TERRITORY}}</td><td>{{COUNT}}</td></tr>{{/ROW}}
    </tbody>
  </table>
</div>
{{/HAS_ROWS}}
