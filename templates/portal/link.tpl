{{%AUTOESCAPE context="HTML"}}
<div class="fr-grid-row fr-grid-row--center">
  <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
    {{#VALID}}
    <h1>Ouvrir mon espace</h1>
    <p>Ce lien ne sert qu’une fois. Appuyez sur le bouton pour ouvrir votre espace.</p>
    <form method="post" action="/mon-espace/lien/{{TOKEN}}">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <ul class="fr-btns-group">
        <li><button class="fr-btn" type="submit">Ouvrir mon espace</button></li>
      </ul>
    </form>
    <p class="fr-text--sm">Sur un ordinateur partagé, pensez à vous déconnecter à la fin.</p>
    {{/VALID}}
    {{#INVALID}}
    <h1>Lien expiré ou déjà utilisé</h1>
    <p>Ce lien ne marche plus : il a déjà servi, ou plus de 15 minutes sont passées.</p>
    <ul class="fr-btns-group">
      <li><a class="fr-btn" href="/mon-espace/connexion">Recevoir un nouveau lien</a></li>
    </ul>
    {{/INVALID}}
  </div>
</div>
