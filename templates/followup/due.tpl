{{%AUTOESCAPE context="HTML"}}<h1>Échéances : engagements et suivis dans l’emploi</h1>
<p>Les engagements réciproques qui arrivent à leur fin dans les 30 jours (ou qui sont finis sans avoir été renouvelés), et les points de suivi dans l’emploi à faire dans les 7 jours ou en retard.</p>
{{#LISTS}}
<section class="fr-mb-6w" aria-labelledby="echeances-{{SLUG}}">
  <h2 id="echeances-{{SLUG}}">{{TITLE}}</h2>
  <h3>Engagements à renouveler</h3>
  {{#NO_COMMITMENT}}<p>Aucun engagement n’arrive à échéance.</p>{{/NO_COMMITMENT}}
  {{#HAS_COMMITMENTS}}
  <div class="fr-table"><table>
    <caption>Engagements à renouveler — {{TITLE}}</caption>
    <thead><tr><th scope="col">Personne</th><th scope="col">Engagement</th><th scope="col">Fin</th><th scope="col">État</th></tr></thead>
    <tbody>
      {{#COMMITMENT}}<tr><td><a href="/personnes/{{PERSON_ID}}/suivi">{{PERSON}}</a></td><td><a href="/engagements/{{ID}}">{{NAME}}</a></td><td>{{END}}</td><td><p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</p></td></tr>{{/COMMITMENT}}
    </tbody>
  </table></div>
  {{/HAS_COMMITMENTS}}
  <h3>Suivis dans l’emploi</h3>
  {{#NO_FOLLOWUP}}<p>Aucun point de suivi à faire.</p>{{/NO_FOLLOWUP}}
  {{#HAS_FOLLOWUPS}}
  <div class="fr-table"><table>
    <caption>Points de suivi dans l’emploi — {{TITLE}}</caption>
    <thead><tr><th scope="col">Personne</th><th scope="col">Emploi</th><th scope="col">Point attendu le</th><th scope="col">État</th></tr></thead>
    <tbody>
      {{#FOLLOWUP}}<tr><td><a href="/personnes/{{PERSON_ID}}/suivi">{{PERSON}}</a></td><td><a href="/sorties/{{ID}}">{{TITLE}}</a></td><td>{{NEXT}}</td><td><p class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</p></td></tr>{{/FOLLOWUP}}
    </tbody>
  </table></div>
  {{/HAS_FOLLOWUPS}}
</section>
{{/LISTS}}
