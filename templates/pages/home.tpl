{{%AUTOESCAPE context="HTML"}}<h1>Parcours</h1>
<p class="fr-text--lead">Le service numérique du service public de l’insertion et de l’emploi : un dossier unique par personne accompagnée, partagé par les professionnels de son parcours et par la personne elle-même.</p>
{{#ANONYMOUS}}
<p>Professionnelles et professionnels de l’insertion : connectez-vous avec l’adresse électronique de votre structure.</p>
<ul class="fr-btns-group fr-btns-group--inline-md">
  <li><a class="fr-btn" href="/connexion">Se connecter</a></li>
</ul>
<h2 class="fr-mt-4w">Vous cherchez un emploi ou de l’aide pour en trouver un ?</h2>
<ul class="fr-btns-group fr-btns-group--inline-md">
  <li><a class="fr-btn fr-btn--secondary" href="/demander-un-accompagnement">Demander un accompagnement</a></li>
  <li><a class="fr-btn fr-btn--secondary" href="/mon-espace/connexion">Accéder à mon espace</a></li>
</ul>
{{/ANONYMOUS}}
{{#SIGNED_IN}}
<p>Bonjour {{NAME}}.</p>
<div class="fr-grid-row fr-grid-row--gutters">
  {{#PERSONS}}
  <div class="fr-col-12 fr-col-md-4">
    <div class="fr-tile fr-enlarge-link">
      <div class="fr-tile__body">
        <div class="fr-tile__content">
          <h2 class="fr-tile__title"><a href="/personnes">Personnes</a></h2>
          <p class="fr-tile__detail">Les personnes que vous suivez, la recherche et l’ouverture d’un parcours</p>
        </div>
      </div>
    </div>
  </div>
  {{/PERSONS}}
  {{#REFERRALS}}
  <div class="fr-col-12 fr-col-md-4">
    <div class="fr-tile fr-enlarge-link">
      <div class="fr-tile__body">
        <div class="fr-tile__content">
          <h2 class="fr-tile__title"><a href="/orientations/recues">Orientations reçues</a></h2>
          <p class="fr-tile__detail">{{WAITING}} en attente de votre réponse</p>
        </div>
      </div>
    </div>
  </div>
  {{/REFERRALS}}
  {{#TERRITORIES}}
  <div class="fr-col-12 fr-col-md-4">
    <div class="fr-tile fr-enlarge-link">
      <div class="fr-tile__body">
        <div class="fr-tile__content">
          <h2 class="fr-tile__title"><a href="/territoires">Territoires</a></h2>
          <p class="fr-tile__detail">Départements couverts et paramètres des délais</p>
        </div>
      </div>
    </div>
  </div>
  {{/TERRITORIES}}
  {{#PERSONS}}
  <div class="fr-col-12 fr-col-md-4">
    <div class="fr-tile fr-enlarge-link">
      <div class="fr-tile__body">
        <div class="fr-tile__content">
          <h2 class="fr-tile__title"><a href="/offre-de-services">Offre de services</a></h2>
          <p class="fr-tile__detail">Les services de votre structure, leur fraîcheur et leur score de qualité</p>
        </div>
      </div>
    </div>
  </div>
  {{/PERSONS}}
  <div class="fr-col-12 fr-col-md-4">
    <div class="fr-tile fr-enlarge-link">
      <div class="fr-tile__body">
        <div class="fr-tile__content">
          <h2 class="fr-tile__title"><a href="/structures">Structures</a></h2>
          <p class="fr-tile__detail">Structures du territoire et leurs membres</p>
        </div>
      </div>
    </div>
  </div>
  <div class="fr-col-12 fr-col-md-4">
    <div class="fr-tile fr-enlarge-link">
      <div class="fr-tile__body">
        <div class="fr-tile__content">
          <h2 class="fr-tile__title"><a href="/compte">Mon compte</a></h2>
          <p class="fr-tile__detail">Mot de passe et structure pour laquelle vous agissez</p>
        </div>
      </div>
    </div>
  </div>
</div>
{{/SIGNED_IN}}
