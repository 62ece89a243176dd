{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures">Structures</a></li>
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}">{{ORG_NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Webhooks</a></li>
  </ol>
</nav>
<h1>Webhooks de {{ORG_NAME}}</h1>
<p>Un webhook envoie chaque événement que le jeton d’API peut lire (les personnes suivies par la structure) à l’adresse d’un logiciel partenaire, dans l’ordre, signé (en-tête <code>X-Parcours-Signature</code>). La vérification de la signature est décrite dans la documentation de l’API partenaire.</p>
{{#NO_SUBSCRIPTION}}<p>Aucun webhook pour l’instant.</p>{{/NO_SUBSCRIPTION}}
<div class="fr-table">
  <table>
    <caption>Webhooks de la structure</caption>
    <thead><tr><th scope="col">Adresse</th><th scope="col">Jeton</th><th scope="col">Événements</th><th scope="col">État</th></tr></thead>
    <tbody>
      {{#SUBSCRIPTION}}<tr>
        <td><a class="fr-link" href="/structures/{{ORG_ID}}/webhooks/{{ID}}">{{URL}}</a></td>
        <td>{{TOKEN}}</td>
        <td>{{TYPES}}</td>
        <td>{{#ACTIVE}}<p class="fr-badge fr-badge--success fr-badge--sm">Actif</p>{{/ACTIVE}}{{#DISABLED}}<p class="fr-badge fr-badge--error fr-badge--sm">Désactivé</p>{{/DISABLED}}</td>
      </tr>
      {{/SUBSCRIPTION}}
    </tbody>
  </table>
</div>

<h2 id="ajouter">Ajouter un webhook</h2>
{{#NO_TOKEN}}<p>Créez d’abord un jeton d’API pour cette structure (page <a class="fr-link" href="/structures/{{ORG_ID}}/acces-api">Accès API</a> de la structure) : un webhook est rattaché à un jeton, dont il reçoit les événements.</p>{{/NO_TOKEN}}
{{#FORM}}
<p class="fr-hint-text">Sauf mention contraire, tous les champs sont obligatoires.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h3 class="fr-alert__title">Le formulaire contient une erreur</h3>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/structures/{{ORG_ID}}/webhooks" novalidate aria-labelledby="ajouter">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-select-group{{#TOKEN_ID_ERROR}} fr-select-group--error{{/TOKEN_ID_ERROR}}">
    <label class="fr-label" for="token_id">Jeton d’API</label>
    <select class="fr-select{{#TOKEN_ID_ERROR}} fr-select--error{{/TOKEN_ID_ERROR}}" id="token_id" name="token_id"{{#TOKEN_ID_ERROR}} aria-describedby="token_id-error"{{/TOKEN_ID_ERROR}}>
      <option value="">Choisir un jeton</option>
      {{#TOKEN_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TOKEN_OPTION}}
    </select>
    {{#TOKEN_ID_ERROR}}<p class="fr-error-text" id="token_id-error">{{ERROR_MESSAGE}}</p>{{/TOKEN_ID_ERROR}}
  </div>
  <div class="fr-input-group{{#URL_ERROR}} fr-input-group--error{{/URL_ERROR}}">
    <label class="fr-label" for="url">Adresse de réception
      <span class="fr-hint-text">Format attendu : https://logiciel.exemple.fr/parcours/evenements</span>
    </label>
    <input class="fr-input{{#URL_ERROR}} fr-input--error{{/URL_ERROR}}" type="url" id="url" name="url" value="{{URL}}" autocomplete="off"{{#URL_ERROR}} aria-describedby="url-error"{{/URL_ERROR}}>
    {{#URL_ERROR}}<p class="fr-error-text" id="url-error">{{ERROR_MESSAGE}}</p>{{/URL_ERROR}}
  </div>
  <div class="fr-input-group{{#EVENT_TYPES_ERROR}} fr-input-group--error{{/EVENT_TYPES_ERROR}}">
    <label class="fr-label" for="event_types">Types d’événements (facultatif)
      <span class="fr-hint-text">Séparés par des espaces, par exemple « journey.opened note. » (un type suivi d’un point vaut pour toute la famille). Vide : tous les événements.</span>
    </label>
    <input class="fr-input{{#EVENT_TYPES_ERROR}} fr-input--error{{/EVENT_TYPES_ERROR}}" type="text" id="event_types" name="event_types" value="{{EVENT_TYPES}}" autocomplete="off"{{#EVENT_TYPES_ERROR}} aria-describedby="event_types-error"{{/EVENT_TYPES_ERROR}}>
    {{#EVENT_TYPES_ERROR}}<p class="fr-error-text" id="event_types-error">{{ERROR_MESSAGE}}</p>{{/EVENT_TYPES_ERROR}}
  </div>
  <div class="fr-input-group{{#DESCRIPTION_ERROR}} fr-input-group--error{{/DESCRIPTION_ERROR}}">
    <label class="fr-label" for="description">Description (facultatif)</label>
    <input class="fr-input{{#DESCRIPTION_ERROR}} fr-input--error{{/DESCRIPTION_ERROR}}" type="text" id="description" name="description" value="{{DESCRIPTION}}" autocomplete="off"{{#DESCRIPTION_ERROR}} aria-describedby="description-error"{{/DESCRIPTION_ERROR}}>
    {{#DESCRIPTION_ERROR}}<p class="fr-error-text" id="description-error">{{ERROR_MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
  </div>
  <button class="fr-btn" type="submit">Ajouter le webhook</button>
</form>
{{/FORM}}
