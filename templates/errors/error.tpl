{{%AUTOESCAPE context="HTML"}}<div class="fr-grid-row fr-grid-row--gutters fr-my-6w">
  <div class="fr-col-12 fr-col-md-8">
    <h1>{{TITLE}}</h1>
    <p class="fr-text--sm fr-mb-3w">Erreur {{STATUS}}</p>
    <p class="fr-text--lead fr-mb-3w">{{MESSAGE}}</p>
    {{#NOT_FOUND}}
    <p class="fr-text--sm fr-mb-5w">Si vous avez tapé l’adresse dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible.</p>
    {{/NOT_FOUND}}
    {{#SIGN_IN}}
    <p class="fr-text--sm fr-mb-5w">Connectez-vous pour accéder à cette page.</p>
    {{/SIGN_IN}}
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <li><a class="fr-btn" href="/">Page d’accueil</a></li>
      {{#SIGN_IN}}
      <li><a class="fr-btn fr-btn--secondary" href="/connexion">Se connecter</a></li>
      {{/SIGN_IN}}
    </ul>
  </div>
</div>
