{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures">Structures</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}">{{ORG_NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Accès API</a></li>
  </ol>
</nav>
<h1>Accès API de {{ORG_NAME}}</h1>
<p>Un jeton permet à un logiciel de la structure (logiciel du département, outil de rendez-vous…) d’utiliser l’<a href="/api/v1/openapi.json">API partenaires</a> avec les mêmes règles d’accès qu’un professionnel de la structure, limitées aux portées choisies. Chaque lecture de dossier et chaque modification faites avec un jeton sont tracées à son nom.</p>
{{#CREATED}}
<div class="fr-alert fr-alert--success fr-mb-4w" role="status">
  <h2 class="fr-alert__title">Jeton « {{TOKEN_NAME}} » créé</h2>
  <p>Copiez ce secret maintenant et transmettez-le au logiciel par un canal sûr : il ne sera plus jamais affiché.</p>
  <p><label class="fr-label" for="secret">Secret du jeton</label>
    <input class="fr-input" type="text" id="secret" value="{{SECRET}}" readonly spellcheck="false" autocomplete="off"></p>
  <p class="fr-hint-text">À envoyer dans l’en-tête <code>Authorization: Bearer …</code> de chaque appel.</p>
</div>
{{/CREATED}}

<h2>Jetons</h2>
{{#NO_TOKENS}}<p>Cette structure n’a pas encore de jeton.</p>{{/NO_TOKENS}}
{{#HAS_TOKENS}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container" tabindex="0" role="region" aria-label="Jetons de la structure (tableau défilant)">
      <div class="fr-table__content">
        <table>
          <caption>Jetons de la structure</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Début du secret</th>
              <th scope="col">Portées</th>
              <th scope="col">Créé</th>
              <th scope="col">Expiration</th>
              <th scope="col">Dernière utilisation</th>
              <th scope="col">État</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {{#TOKEN}}
            <tr>
              <td>{{TOKEN_NAME}}</td>
              <td><code>{{PREFIX}}</code></td>
              <td>{{SCOPES}}</td>
              <td>{{CREATED}}</td>
              <td>{{EXPIRES}}</td>
              <td>{{LAST_USED}}</td>
              <td>{{#ACTIVE}}<p class="fr-badge fr-badge--success fr-badge--sm">Actif</p>{{/ACTIVE}}{{#EXPIRED}}<p class="fr-badge fr-badge--sm">Expiré</p>{{/EXPIRED}}{{#REVOKED}}<p class="fr-badge fr-badge--sm">Révoqué le {{REVOKED_AT}}</p>{{/REVOKED}}</td>
              <td>{{#ACTIVE}}<form method="post" action="/structures/{{ORG_ID}}/acces-api/{{TOKEN_ID}}/revoquer">
                <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
                <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">Révoquer<span class="fr-sr-only"> le jeton {{TOKEN_NAME}}</span></button>
              </form>{{/ACTIVE}}</td>
            </tr>
            {{/TOKEN}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{/HAS_TOKENS}}

<h2 id="nouveau-jeton">Créer un jeton</h2>
<p class="fr-hint-text">Sauf mention contraire, tous les champs sont obligatoires.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h3 class="fr-alert__title">Le formulaire contient une erreur</h3>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/structures/{{ORG_ID}}/acces-api" novalidate aria-labelledby="nouveau-jeton">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-input-group{{#NAME_ERROR}} fr-input-group--error{{/NAME_ERROR}}">
    <label class="fr-label" for="name">Nom du jeton
      <span class="fr-hint-text">Le logiciel qui l’utilisera, par exemple « Logiciel RSA du département ».</span>
    </label>
    <input class="fr-input{{#NAME_ERROR}} fr-input--error{{/NAME_ERROR}}" type="text" id="name" name="name" value="{{NAME}}" maxlength="80" autocomplete="off"{{#NAME_ERROR}} aria-describedby="name-error"{{/NAME_ERROR}}>
    {{#NAME_ERROR}}<p class="fr-error-text" id="name-error">{{ERROR_MESSAGE}}</p>{{/NAME_ERROR}}
  </div>
  <h3 class="fr-h6" id="portees">Portées</h3>
  {{#SCOPES_ERROR}}<p class="fr-error-text" id="scopes-error">{{ERROR_MESSAGE}}</p>{{/SCOPES_ERROR}}
  {{#RESOURCE}}
  <fieldset class="fr-fieldset{{#SCOPES_ERROR}} fr-fieldset--error{{/SCOPES_ERROR}}" id="scope-{{CODE}}" aria-labelledby="scope-{{CODE}}-legend"{{#SCOPES_ERROR}} aria-describedby="scopes-error"{{/SCOPES_ERROR}}>
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="scope-{{CODE}}-legend">{{LABEL}}</legend>
    <div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-radio-group">
        <input type="radio" id="scope-{{CODE}}-none" name="scope_{{CODE}}" value=""{{#NONE}} checked{{/NONE}}>
        <label class="fr-label" for="scope-{{CODE}}-none">Aucun accès</label>
      </div>
    </div>
    <div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-radio-group">
        <input type="radio" id="scope-{{CODE}}-read" name="scope_{{CODE}}" value="read"{{#READ}} checked{{/READ}}>
        <label class="fr-label" for="scope-{{CODE}}-read">Lecture</label>
      </div>
    </div>
    <div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-radio-group">
        <input type="radio" id="scope-{{CODE}}-write" name="scope_{{CODE}}" value="write"{{#WRITE}} checked{{/WRITE}}>
        <label class="fr-label" for="scope-{{CODE}}-write">Lecture et écriture</label>
      </div>
    </div>
  </fieldset>
  {{/RESOURCE}}
  <div class="fr-input-group{{#EXPIRES_ERROR}} fr-input-group--error{{/EXPIRES_ERROR}}">
    <label class="fr-label" for="expires">Dernier jour de validité (facultatif)
      <span class="fr-hint-text">Format attendu : JJ/MM/AAAA. Sans date, le jeton reste valable jusqu’à sa révocation.</span>
    </label>
    <input class="fr-input{{#EXPIRES_ERROR}} fr-input--error{{/EXPIRES_ERROR}}" type="date" id="expires" name="expires" value="{{EXPIRES}}"{{#EXPIRES_ERROR}} aria-describedby="expires-error"{{/EXPIRES_ERROR}}>
    {{#EXPIRES_ERROR}}<p class="fr-error-text" id="expires-error">{{ERROR_MESSAGE}}</p>{{/EXPIRES_ERROR}}
  </div>
  <button class="fr-btn" type="submit">Créer le jeton</button>
</form>
