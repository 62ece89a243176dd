{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/diagnostic/historique">Historique du diagnostic</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Comparaison</a></li>
  </ol>
</nav>
<h1>Ce qui a changé entre les versions {{FROM}} et {{TO}}</h1>
<p>{{AUTHOR_LABEL}} : version {{FROM}} du {{FROM_AT}}, version {{TO}} du {{TO_AT}}.</p>
{{#NO_CHANGE}}<p>Aucune réponse n’a changé.</p>{{/NO_CHANGE}}
<div class="fr-table"><table>
  <caption>Réponses modifiées, question par question</caption>
  <thead><tr><th scope="col">Question</th><th scope="col">Version {{FROM}}</th><th scope="col">Version {{TO}}</th></tr></thead>
  <tbody>
  {{#CHANGE}}<tr><th scope="row">{{LABEL}}</th><td>{{BEFORE}}</td><td>{{AFTER}}</td></tr>{{/CHANGE}}
  </tbody>
</table></div>
