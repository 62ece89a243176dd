{{%AUTOESCAPE context="HTML"}}<div class="fr-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
  <table>
    <caption>{{CAPTION}}</caption>
    <thead><tr><th scope="col">Date</th><th scope="col">Heure</th>{{#WITH_PERSON}}<th scope="col">Personne</th>{{/WITH_PERSON}}{{#WITH_PROFESSIONAL}}<th scope="col">Avec</th>{{/WITH_PROFESSIONAL}}<th scope="col">Objet</th><th scope="col">Lieu</th><th scope="col">Statut</th></tr></thead>
    <tbody>
      {{#ROW}}<tr>
        <td>{{DAY}}</td>
        <td><a href="/rendez-vous/{{ID}}">{{HOURS}}<span class="fr-sr-only"> : rendez-vous {{DAY}}{{#WITH_PERSON}} avec {{PERSON}}{{/WITH_PERSON}}</span></a></td>
        {{#WITH_PERSON}}<td><a href="/personnes/{{PERSON_ID}}">{{PERSON}}</a></td>{{/WITH_PERSON}}
        {{#WITH_PROFESSIONAL}}<td>{{PROFESSIONAL}}</td>{{/WITH_PROFESSIONAL}}
        <td>{{PURPOSE}}</td>
        <td>{{PLACE_KIND}} : {{PLACE}}</td>
        <td><p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</p></td>
      </tr>{{/ROW}}
    </tbody>
  </table>
</div></div></div></div>
