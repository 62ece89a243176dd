{{%AUTOESCAPE context="HTML"}}<h1>Ce qui marche, pour qui — {{NAME}}</h1>
<p class="fr-text--lead">Pour chaque type d’action et chaque thématique du catalogue : la part des personnes qui ont trouvé un emploi, une formation ou créé leur entreprise dans les 6 et les 12 mois suivant leur entrée, à côté de personnes au profil comparable qui n’ont pas eu cette action.</p>
<div class="fr-callout fr-mb-4w">
  <h2 class="fr-callout__title">Ce que ces chiffres peuvent dire, et ce qu’ils ne disent pas</h2>
  <ul class="fr-callout__text">
    <li>Ce sont des constats, pas des preuves : si les personnes qui ont eu une action s’en sortent plus souvent, ce n’est pas forcément grâce à l’action.</li>
    <li>Les personnes ne sont pas tirées au sort : une action est souvent proposée à celles qui en sont le plus proches, ou qui sont les plus motivées. La comparaison se fait à profil égal sur un seul critère à la fois (âge, parcours, frein, durée sans emploi), pas sur tout ce qui compte.</li>
    <li>Les petits nombres trompent : l’intervalle de confiance à 95 % donne la fourchette plausible. Quand les fourchettes des deux groupes se chevauchent largement, la différence peut être due au hasard.</li>
    <li>Les groupes de moins de {{MIN_GROUP}} personnes ne sont jamais affichés, ni l’un ni l’autre côté de la comparaison, pour qu’on ne puisse reconnaître personne.</li>
    <li>Seules les personnes entrées depuis au moins 6 (ou 12) mois, mois d’entrée complet, sont comptées pour la part à 6 (ou 12) mois.</li>
  </ul>
</div>
<form method="get" action="/pilotage/ce-qui-marche" class="fr-mb-4w">
  <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-select-group">
        <label class="fr-label" for="territoire">Territoire</label>
        <select class="fr-select" id="territoire" name="territoire">
          {{#TERRITORY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TERRITORY}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-select-group">
        <label class="fr-label" for="profil">Comparer à profil égal selon</label>
        <select class="fr-select" id="profil" name="profil">
          {{#DIMENSION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DIMENSION}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-4">
      <button class="fr-btn" type="submit">Afficher</button>
    </div>
  </div>
</form>
<p>{{SHOWN}} comparaison(s) affichée(s), {{HIDDEN}} masquée(s) car un des groupes compte moins de {{MIN_GROUP}} personnes. <a href="/pilotage/donnees-ouvertes?territoire={{TERRITORY_ID}}">Données ouvertes de ces indicateurs</a></p>
{{#HAS_LAG}}<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>Calcul en cours : {{LAG}} événement(s) du journal restent à prendre en compte. Rechargez la page dans quelques secondes.</p></div>{{/HAS_LAG}}
{{#EMPTY}}<p>Pas encore de données pour ce territoire.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table fr-table--bordered" id="ce-qui-marche">
  <table>
    <caption>Part des sorties positives selon l’action, par {{DIMENSION_LABEL}}</caption>
    <thead>
      <tr>
        <th scope="col" rowspan="2">Action</th>
        <th scope="col" rowspan="2">{{DIMENSION_LABEL}}</th>
        <th scope="colgroup" colspan="2">À 6 mois</th>
        <th scope="colgroup" colspan="2">À 12 mois</th>
      </tr>
      <tr>
        <th scope="col">Avec l’action</th><th scope="col">Sans l’action</th>
        <th scope="col">Avec l’action</th><th scope="col">Sans l’action</th>
      </tr>
    </thead>
    <tbody>
      {{#ROW}}<tr>
        <th scope="row">{{ACTION}}</th>
        <td>{{STRATUM}}</td>
        <td>{{#WITH6_SHOWN}}<strong>{{PERCENT}}</strong> ({{POSITIVES}} sur {{N}})<br><span class="fr-text--xs">IC 95 % : {{INTERVAL}}</span>{{/WITH6_SHOWN}}{{#WITH6_HIDDEN}}<span class="fr-text--sm">Groupe trop petit</span>{{/WITH6_HIDDEN}}</td>
        <td>{{#WITHOUT6_SHOWN}}<strong>{{PERCENT}}</strong> ({{POSITIVES}} sur {{N}})<br><span class="fr-text--xs">IC 95 % : {{INTERVAL}}</span>{{/WITHOUT6_SHOWN}}{{#WITHOUT6_HIDDEN}}<span class="fr-text--sm">Groupe trop petit</span>{{/WITHOUT6_HIDDEN}}</td>
        <td>{{#WITH12_SHOWN}}<strong>{{PERCENT}}</strong> ({{POSITIVES}} sur {{N}})<br><span class="fr-text--xs">IC 95 % : {{INTERVAL}}</span>{{/WITH12_SHOWN}}{{#WITH12_HIDDEN}}<span class="fr-text--sm">Groupe trop petit</span>{{/WITH12_HIDDEN}}</td>
        <td>{{#WITHOUT12_SHOWN}}<strong>{{PERCENT}}</strong> ({{POSITIVES}} sur {{N}})<br><span class="fr-text--xs">IC 95 % : {{INTERVAL}}</span>{{/WITHOUT12_SHOWN}}{{#WITHOUT12_HIDDEN}}<span class="fr-text--sm">Groupe trop petit</span>{{/WITHOUT12_HIDDEN}}</td>
      </tr>
      {{/ROW}}
    </tbody>
  </table>
</div>
{{/HAS_ROWS}}
