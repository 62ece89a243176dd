{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Équipe</a></li>
  </ol>
</nav>
<h1>Équipe de {{NAME}}</h1>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#NO_MEMBERS}}<p>Personne ne suit encore ce parcours.</p>{{/NO_MEMBERS}}
{{#HAS_MEMBERS}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Membres de l’équipe</caption>
          <thead><tr><th scope="col">Nom</th><th scope="col">Structure</th><th scope="col">Rôle</th><th scope="col">Contact</th><th scope="col">Depuis le</th></tr></thead>
          <tbody>
            {{#MEMBER}}<tr><td>{{NAME}}</td><td>{{ORGANISATION}}</td><td>{{ROLE}}</td><td><a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{#ORG_PHONE}}<br>{{PHONE}}{{/ORG_PHONE}}</td><td>{{SINCE}}</td></tr>{{/MEMBER}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{/HAS_MEMBERS}}
{{#FORMER}}
<h2>Anciens membres</h2>
<ul>
  {{#FORMER_MEMBER}}<li>{{NAME}} ({{ORGANISATION}}) — a quitté l’équipe le {{LEFT}} : {{REASON}}</li>{{/FORMER_MEMBER}}
</ul>
{{/FORMER}}

{{#MANAGE}}
<h2 id="demandes">Demandes pour rejoindre l’équipe</h2>
{{#NO_REQUESTS}}<p>Aucune demande en attente.</p>{{/NO_REQUESTS}}
{{#REQUEST}}
<div class="fr-callout fr-mb-2w">
  <p class="fr-callout__title fr-text--md">{{NAME}} ({{ORGANISATION}}) — {{WHEN}}</p>
  {{#HAS_MESSAGE}}<p class="fr-callout__text">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
  <ul class="fr-btns-group fr-btns-group--inline-sm">
    <li>
      <form method="post" action="/personnes/{{PERSON_ID}}/equipe/demandes/{{REQUEST_ID}}/accepter">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <button class="fr-btn fr-btn--sm" type="submit">Accepter<span class="fr-sr-only"> la demande de {{NAME}}</span></button>
      </form>
    </li>
    <li>
      <form method="post" action="/personnes/{{PERSON_ID}}/equipe/demandes/{{REQUEST_ID}}/refuser">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">Refuser<span class="fr-sr-only"> la demande de {{NAME}}</span></button>
      </form>
    </li>
  </ul>
</div>
{{/REQUEST}}

<h2 id="inviter">Ajouter un ou une collègue du territoire</h2>
<form method="post" action="/personnes/{{PERSON_ID}}/equipe/inviter" novalidate aria-labelledby="inviter">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-select-group{{#INVITE_USER_ERROR}} fr-select-group--error{{/INVITE_USER_ERROR}}">
    <label class="fr-label" for="invite_user">Professionnel ou professionnelle</label>
    <select class="fr-select{{#INVITE_USER_ERROR}} fr-select--error{{/INVITE_USER_ERROR}}" id="invite_user" name="invite_user"{{#INVITE_USER_ERROR}} aria-describedby="invite_user-error"{{/INVITE_USER_ERROR}}>
      <option value="">Choisir</option>
      {{#COLLEAGUE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/COLLEAGUE}}
    </select>
    {{#INVITE_USER_ERROR}}<p class="fr-error-text" id="invite_user-error">{{ERROR_MESSAGE}}</p>{{/INVITE_USER_ERROR}}
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Ajouter à l’équipe</button>
</form>

<h2 id="referent">Référent(e) du parcours</h2>
<form method="post" action="/personnes/{{PERSON_ID}}/equipe/referent" novalidate aria-labelledby="referent">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-select-group{{#REFERENT_USER_ERROR}} fr-select-group--error{{/REFERENT_USER_ERROR}}">
    <label class="fr-label" for="referent_user">Membre de l’équipe à désigner
      <span class="fr-hint-text">Seuls les professionnels habilités comme référents de parcours peuvent l’être. Le référent actuel reste membre de l’équipe.</span>
    </label>
    <select class="fr-select{{#REFERENT_USER_ERROR}} fr-select--error{{/REFERENT_USER_ERROR}}" id="referent_user" name="referent_user"{{#REFERENT_USER_ERROR}} aria-describedby="referent_user-error"{{/REFERENT_USER_ERROR}}>
      <option value="">Choisir</option>
      {{#REFERENT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/REFERENT_OPTION}}
    </select>
    {{#REFERENT_USER_ERROR}}<p class="fr-error-text" id="referent_user-error">{{ERROR_MESSAGE}}</p>{{/REFERENT_USER_ERROR}}
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Désigner comme référent(e)</button>
</form>

<h2 id="quitter">Quitter l’équipe</h2>
<form method="post" action="/personnes/{{PERSON_ID}}/equipe/quitter" novalidate aria-labelledby="quitter">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-input-group{{#REASON_ERROR}} fr-input-group--error{{/REASON_ERROR}}">
    <label class="fr-label" for="reason">Motif
      <span class="fr-hint-text">Par exemple : fin de l’accompagnement par votre structure.</span>
    </label>
    <input class="fr-input{{#REASON_ERROR}} fr-input--error{{/REASON_ERROR}}" type="text" id="reason" name="reason" value="{{REASON}}" autocomplete="off"{{#REASON_ERROR}} aria-describedby="reason-error"{{/REASON_ERROR}}>
    {{#REASON_ERROR}}<p class="fr-error-text" id="reason-error">{{ERROR_MESSAGE}}</p>{{/REASON_ERROR}}
  </div>
  <button class="fr-btn fr-btn--tertiary" type="submit">Quitter l’équipe</button>
</form>
{{/MANAGE}}

{{#TRANSFER}}
<h2 id="transfert">Transférer le parcours</h2>
<p>Si la personne déménage dans un autre territoire, son parcours y est transféré avec son historique ; l’équipe actuelle le quitte et il rejoint la file d’orientation du nouveau territoire.</p>
<form method="post" action="/personnes/{{PERSON_ID}}/transfert" novalidate aria-labelledby="transfert">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-select-group{{#TERRITORY_ID_ERROR}} fr-select-group--error{{/TERRITORY_ID_ERROR}}">
    <label class="fr-label" for="territory_id">Nouveau territoire</label>
    <select class="fr-select{{#TERRITORY_ID_ERROR}} fr-select--error{{/TERRITORY_ID_ERROR}}" id="territory_id" name="territory_id"{{#TERRITORY_ID_ERROR}} aria-describedby="territory_id-error"{{/TERRITORY_ID_ERROR}}>
      <option value="">Choisir un territoire</option>
      {{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TERRITORY_OPTION}}
    </select>
    {{#TERRITORY_ID_ERROR}}<p class="fr-error-text" id="territory_id-error">{{ERROR_MESSAGE}}</p>{{/TERRITORY_ID_ERROR}}
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Transférer le parcours</button>
</form>
{{/TRANSFER}}
<p><a class="fr-link" href="/personnes/{{PERSON_ID}}">Retour à la fiche</a></p>
