{{%AUTOESCAPE context="HTML"}}
<h1>Mon compte</h1>
<div class="fr-grid-row fr-grid-row--gutters">
  <div class="fr-col-12 fr-col-md-6">
    <h2 class="fr-h4">Identité</h2>
    <dl>
      <dt class="fr-text--bold fr-mb-0">Nom</dt>
      <dd class="fr-ml-0 fr-mb-2w">{{NAME}}</dd>
      <dt class="fr-text--bold fr-mb-0">Adresse électronique</dt>
      <dd class="fr-ml-0 fr-mb-2w">{{EMAIL}}</dd>
    </dl>
    <p><a class="fr-link" href="/mot-de-passe-oublie">Changer mon mot de passe</a> (un lien vous
      sera envoyé par courriel)</p>
  </div>
  <div class="fr-col-12 fr-col-md-6">
    <h2 class="fr-h4">Mes rôles</h2>
    {{#NO_ROLE}}<p>Aucun rôle ne vous est attribué pour le moment. Demandez à l'administrateur
      de votre structure de vous en donner un.</p>{{/NO_ROLE}}
    <ul>
      {{#ROLE}}<li>{{LABEL}}</li>{{/ROLE}}
    </ul>
    {{#ONE_ORGANISATION}}<p>Vous agissez pour <strong>{{ACTING_NAME}}</strong>.</p>{{/ONE_ORGANISATION}}
    {{#CHOOSE_ORGANISATION}}
    <form method="post" action="/compte/structure">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <fieldset class="fr-fieldset" id="acting-organisation" aria-labelledby="acting-organisation-legend">
        <legend class="fr-fieldset__legend" id="acting-organisation-legend">
          Structure pour laquelle j'agis
          <span class="fr-hint-text">Vos pages et vos actions portent sur cette structure.</span>
        </legend>
        {{#ORGANISATION}}
        <div class="fr-fieldset__element">
          <div class="fr-radio-group">
            <input type="radio" id="organisation-{{ID}}" name="organisation_id" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}>
            <label class="fr-label" for="organisation-{{ID}}">{{NAME}}</label>
          </div>
        </div>
        {{/ORGANISATION}}
      </fieldset>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button class="fr-btn fr-btn--secondary" type="submit">Agir pour cette structure</button></li>
      </ul>
    </form>
    {{/CHOOSE_ORGANISATION}}
  </div>
</div>
