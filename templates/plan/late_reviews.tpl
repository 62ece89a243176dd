{{%AUTOESCAPE context="HTML"}}<section class="fr-mb-4w" aria-labelledby="points-etape-en-retard">
  <h2 class="fr-h5" id="points-etape-en-retard">{{TITLE}}</h2>
  {{#EMPTY}}<p>Aucun point d’étape en retard.</p>{{/EMPTY}}
  {{#HAS_ROWS}}<div class="fr-table fr-table--sm"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table>
      <caption>{{CAPTION}}</caption>
      <thead><tr><th scope="col">Personne</th>{{#WITH_REFERENT}}<th scope="col">Référent(e)</th>{{/WITH_REFERENT}}<th scope="col">Point d’étape prévu le</th></tr></thead>
      <tbody>
        {{#ROW}}<tr><td><a href="/personnes/{{PERSON_ID}}/plan">{{PERSON}}<span class="fr-sr-only"> : plan d’actions</span></a></td>{{#WITH_REFERENT}}<td>{{REFERENT}}</td>{{/WITH_REFERENT}}<td>{{DATE}}</td></tr>{{/ROW}}
      </tbody>
    </table>
  </div></div></div></div>{{/HAS_ROWS}}
</section>
