{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}/diagnostic">Diagnostic</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Historique</a></li>
  </ol>
</nav>
<h1>Historique du diagnostic</h1>
{{#EMPTY}}<p>Aucun diagnostic n’a encore été enregistré.</p>{{/EMPTY}}
{{#PART}}
<h2>{{AUTHOR_LABEL}}</h2>
<div class="fr-table"><table>
  <caption>{{AUTHOR_LABEL}} : versions, de la plus récente à la plus ancienne</caption>
  <thead><tr><th scope="col">Version</th><th scope="col">Enregistrée le</th><th scope="col">Par</th><th scope="col">Questions répondues</th></tr></thead>
  <tbody>
  {{#VERSION}}<tr><td>{{VERSION}}</td><td>{{AT}}</td><td>{{BY}}</td><td>{{ANSWERED}}</td></tr>{{/VERSION}}
  </tbody>
</table></div>
{{#CAN_COMPARE}}
<form method="get" action="/personnes/{{PERSON_ID}}/diagnostic/comparer" class="fr-mb-4w">
  <input type="hidden" name="auteur" value="{{AUTHOR}}">
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4"><div class="fr-select-group">
      <label class="fr-label" for="de-{{AUTHOR}}">Comparer la version</label>
      <select class="fr-select" id="de-{{AUTHOR}}" name="de">{{#FROM_OPTION}}<option value="{{VERSION}}"{{#SELECTED}} selected{{/SELECTED}}>Version {{VERSION}}</option>{{/FROM_OPTION}}</select>
    </div></div>
    <div class="fr-col-12 fr-col-md-4"><div class="fr-select-group">
      <label class="fr-label" for="a-{{AUTHOR}}">avec la version</label>
      <select class="fr-select" id="a-{{AUTHOR}}" name="a">{{#TO_OPTION}}<option value="{{VERSION}}"{{#SELECTED}} selected{{/SELECTED}}>Version {{VERSION}}</option>{{/TO_OPTION}}</select>
    </div></div>
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Comparer</button>
</form>
{{/CAN_COMPARE}}
{{/PART}}
