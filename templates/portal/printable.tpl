{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace/mes-donnees">Retour à mes données</a></p>
<h1>Toutes mes données</h1>
<p>Copie faite le {{GENERATED}}. Pour l’imprimer ou l’enregistrer en PDF, utilisez la fonction « Imprimer » de votre navigateur.</p>

<h2>Mon identité</h2>
<dl class="parcours-details">
  {{#IDENTITY}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/IDENTITY}}
</dl>

<h2>Mes coordonnées</h2>
<dl class="parcours-details">
  {{#CONTACT}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/CONTACT}}
</dl>

<h2>Ma situation</h2>
<dl class="parcours-details">
  {{#SITUATION}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/SITUATION}}
</dl>

<h2>D’où viennent ces informations</h2>
{{#NO_SOURCE}}<p>Aucune information renseignée.</p>{{/NO_SOURCE}}
{{#SOURCES}}
<dl class="parcours-details">
  {{#SOURCE}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/SOURCE}}
</dl>
{{/SOURCES}}

<h2>Mes parcours</h2>
{{#NO_JOURNEY}}<p>Aucun parcours.</p>{{/NO_JOURNEY}}
{{#JOURNEY}}
<h3>{{TERRITORY}}</h3>
<dl class="parcours-details">
  <dt>Situation</dt><dd>{{STATUS}}</dd>
  <dt>Commencé le</dt><dd>{{OPENED}}</dd>
  <dt>Entrée</dt><dd>{{ENTRY}}</dd>
  {{#IS_CLOSED}}<dt>Terminé le</dt><dd>{{CLOSED}}</dd>{{/IS_CLOSED}}
  {{#HAS_NEED}}<dt>Votre demande</dt><dd>{{NEED}}</dd>{{/HAS_NEED}}
</dl>
<h4>Équipe</h4>
{{#NO_MEMBER}}<p>Pas encore d’équipe.</p>{{/NO_MEMBER}}
<ul>
  {{#MEMBER}}<li>{{NAME}} ({{ORGANISATION}}) — {{ROLE}}, depuis le {{JOINED}}{{#HAS_LEFT}}, jusqu’au {{LEFT}}{{/HAS_LEFT}}</li>{{/MEMBER}}
</ul>
{{/JOURNEY}}

<h2>Mon carnet de bord</h2>
{{#NO_ITEM}}<p>Rien pour l’instant.</p>{{/NO_ITEM}}
<ul>
  {{#ITEM}}
  <li>{{WHEN}} — {{TITLE}}{{#NOTE}}{{#CORRECTION}} (corrige un message précédent){{/CORRECTION}}{{#CORRECTED}} (corrigé depuis){{/CORRECTED}}{{#PARAGRAPH}}<p class="fr-mb-1v">{{TEXT}}</p>{{/PARAGRAPH}}{{/NOTE}}</li>
  {{/ITEM}}
</ul>

<h2>Mes oppositions au partage</h2>
{{#NO_OBJECTION}}<p>Aucune.</p>{{/NO_OBJECTION}}
<ul>
  {{#OBJECTION}}<li>{{NAME}}, depuis le {{SINCE}}</li>{{/OBJECTION}}
</ul>

<h2>Mes demandes de changement de référent</h2>
{{#NO_REQUEST}}<p>Aucune.</p>{{/NO_REQUEST}}
<ul>
  {{#REQUEST}}<li>{{WHEN}} : « {{REASON}} »</li>{{/REQUEST}}
</ul>

<h2>Qui a consulté mon dossier</h2>
{{#NO_ACCESS}}
<p>Aucun professionnel n’a encore consulté votre dossier.</p>
{{/NO_ACCESS}}
{{#ACCESSES}}
<ul class="fr-raw-list" aria-label="Consultations de votre dossier, les plus récentes en premier">
  {{#ACCESS}}
  <li class="fr-mb-2w">
    <p class="fr-mb-0"><strong>{{ORGANISATION}}</strong> — {{ROLE}}</p>
    <p class="fr-text--sm fr-mb-0">{{WHEN}}{{#SEVERAL}} ({{COUNT}} consultations){{/SEVERAL}}</p>
  </li>
  {{/ACCESS}}
</ul>
{{/ACCESSES}}
