{{%AUTOESCAPE context="HTML"}}<h1>Données ouvertes — {{NAME}}</h1>
<p class="fr-text--lead">Les indicateurs du territoire, agrégés et anonymisés, prêts à publier (par exemple sur data.gouv.fr).</p>
<form method="get" action="/pilotage/donnees-ouvertes" class="fr-mb-4w">
  <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
    <div class="fr-col-12 fr-col-md-6">
      <div class="fr-select-group">
        <label class="fr-label" for="territoire">Territoire</label>
        <select class="fr-select" id="territoire" name="territoire">
          {{#TERRITORY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TERRITORY}}
        </select>
      </div>
    </div>
    <div class="fr-col-12 fr-col-md-6"><button class="fr-btn fr-btn--secondary" type="submit">Changer de territoire</button></div>
  </div>
</form>
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
  <li><a class="fr-btn fr-icon-download-line" href="/pilotage/donnees-ouvertes.csv?territoire={{TERRITORY_ID}}" download>Télécharger le CSV</a></li>
  <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="/pilotage/donnees-ouvertes.json?territoire={{TERRITORY_ID}}" download>Télécharger le JSON</a></li>
</ul>
<div class="fr-notice fr-notice--info fr-mb-4w">
  <div class="fr-container"><div class="fr-notice__body">
    <p class="fr-notice__title">Aucune donnée personnelle : seulement des effectifs de groupes. Un groupe de moins de {{MIN_GROUP}} personnes est « secret » : ses effectifs et ses parts sont laissés vides, et, dans une comparaison, les deux groupes le sont dès que l’un est trop petit, pour qu’aucun chiffre caché ne se retrouve par soustraction.</p>
  </div></div>
</div>
<h2>Format</h2>
<p>CSV : encodage UTF-8 avec BOM, séparateur point-virgule, une ligne d’en-tête avec les noms de champs ci-dessous. JSON : un objet avec <code>territoire</code>, <code>date</code>, <code>seuil_secret</code>, <code>champs</code> et <code>lignes</code> (un objet par ligne, mêmes champs, <code>null</code> pour une valeur vide). Les parts et les bornes sont des nombres entre 0 et 1, avec un point décimal et trois décimales.</p>
<div class="fr-table fr-table--bordered">
  <table>
    <caption>Les champs, un par colonne</caption>
    <thead><tr><th scope="col">Champ</th><th scope="col">Contenu</th></tr></thead>
    <tbody>
      <tr><th scope="row"><code>territoire</code></th><td>Identifiant court du territoire (par exemple <code>ardennes</code>).</td></tr>
      <tr><th scope="row"><code>indicateur</code></th><td><code>entrees</code> : nombre de parcours ouverts dans le mois, par parcours (orientation) ; <code>sorties_positives</code> : part des personnes entrées qui ont trouvé un emploi, une formation ou créé leur entreprise dans le délai.</td></tr>
      <tr><th scope="row"><code>periode</code></th><td>Pour <code>entrees</code> : le mois d’ouverture, AAAA-MM. Vide sinon.</td></tr>
      <tr><th scope="row"><code>action</code></th><td>Pour <code>sorties_positives</code> : le type de service (<code>type:formation</code>…) ou la thématique (<code>thematique:mobilite</code>…) du référentiel data·inclusion.</td></tr>
      <tr><th scope="row"><code>action_libelle</code></th><td>Le libellé en français de l’action.</td></tr>
      <tr><th scope="row"><code>dimension</code></th><td>Le critère de profil : <code>ensemble</code>, <code>age</code> (à l’entrée), <code>parcours</code>, <code>frein</code> (frein majeur du diagnostic ; une personne peut en avoir plusieurs), <code>sans_emploi</code> (durée sans emploi au diagnostic).</td></tr>
      <tr><th scope="row"><code>strate</code></th><td>La valeur du critère (code), par exemple <code>moins_26</code>, <code>socio_pro</code>, <code>mobilite</code>, <code>1_2_ans</code>, <code>inconnu</code>.</td></tr>
      <tr><th scope="row"><code>strate_libelle</code></th><td>Le libellé en français de la strate.</td></tr>
      <tr><th scope="row"><code>horizon_mois</code></th><td>6 ou 12 : le délai depuis l’entrée. Seules les personnes entrées depuis au moins ce délai (mois d’entrée complet) sont comptées.</td></tr>
      <tr><th scope="row"><code>groupe</code></th><td><code>avec</code> : les personnes de la strate qui ont eu l’action ; <code>sans</code> : celles de la même strate qui ne l’ont pas eue.</td></tr>
      <tr><th scope="row"><code>effectif</code></th><td>Le nombre de personnes du groupe ; vide si secret.</td></tr>
      <tr><th scope="row"><code>sorties_positives</code></th><td>Combien d’entre elles ont une sortie positive dans le délai ; vide si secret.</td></tr>
      <tr><th scope="row"><code>part</code></th><td><code>sorties_positives</code> divisé par <code>effectif</code> ; vide si secret.</td></tr>
      <tr><th scope="row"><code>ic95_bas</code>, <code>ic95_haut</code></th><td>Les bornes de l’intervalle de confiance à 95 % de la part (méthode de Wilson) ; vides si secret.</td></tr>
      <tr><th scope="row"><code>secret</code></th><td>1 (ou <code>true</code>) quand le groupe, ou l’autre groupe de la comparaison, compte moins de {{MIN_GROUP}} personnes ; 0 sinon.</td></tr>
    </tbody>
  </table>
</div>
<p>Ces comparaisons ne sont pas des preuves d’efficacité : voir les précautions de lecture sur la page <a href="/pilotage/ce-qui-marche?territoire={{TERRITORY_ID}}">Ce qui marche, pour qui</a>.</p>
