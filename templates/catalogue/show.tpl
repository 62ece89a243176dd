{{%AUTOESCAPE context="HTML"}}{{#ORG_LINK}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/structures/{{ORG_ID}}/services">Offre de services</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">{{NOM}}</a></li>
  </ol>
</nav>{{/ORG_LINK}}
<h1>{{NOM}}</h1>
<p>
  <span class="fr-badge {{STATUS_CLASS}}">{{STATUS}}</span>
  {{#STALE}}<span class="fr-badge fr-badge--warning">À mettre à jour</span>{{/STALE}}
</p>
{{#NOT_PUBLISHED}}<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>Ce service n’est visible que des membres de sa structure.</p></div>{{/NOT_PUBLISHED}}
<p class="fr-text--lead">{{STRUCTURE}}{{#STRUCTURE_COMMUNE}} — {{STRUCTURE_COMMUNE}}{{/STRUCTURE_COMMUNE}}</p>
<p class="parcours-pre-line">{{DESCRIPTION}}</p>
<p class="fr-text--sm">Informations {{FRESHNESS}} (le {{DATE_MAJ}}). Score de qualité : {{SCORE}}.</p>

<h2>Comment mobiliser ce service</h2>
{{#NO_MODE}}<p>La structure n’a pas indiqué comment mobiliser ce service : contactez-la.</p>{{/NO_MODE}}
<ul>
  {{#MODE}}<li>{{LABEL}}</li>{{/MODE}}
</ul>
<dl class="parcours-details">
  {{#HAS_MOBILISABLE_PAR}}<dt>Mobilisable par</dt><dd>{{MOBILISABLE_PAR}}</dd>{{/HAS_MOBILISABLE_PAR}}
  {{#HAS_MOBILISATION_PRECISIONS}}<dt>Précisions</dt><dd>{{MOBILISATION_PRECISIONS}}</dd>{{/HAS_MOBILISATION_PRECISIONS}}
  {{#HAS_LIEN}}<dt>Lien</dt><dd><a href="{{LIEN_MOBILISATION}}" rel="noopener">{{LIEN_MOBILISATION}}</a></dd>{{/HAS_LIEN}}
  {{#HAS_COURRIEL}}<dt>Courriel</dt><dd><a href="mailto:{{COURRIEL}}">{{COURRIEL}}</a></dd>{{/HAS_COURRIEL}}
  {{#HAS_TELEPHONE}}<dt>Téléphone</dt><dd><a href="tel:{{TELEPHONE}}">{{TELEPHONE}}</a></dd>{{/HAS_TELEPHONE}}
  {{#HAS_CONTACT}}<dt>Contact</dt><dd>{{CONTACT}}</dd>{{/HAS_CONTACT}}
  {{#HAS_ADRESSE}}<dt>Adresse</dt><dd>{{ADRESSE}}</dd>{{/HAS_ADRESSE}}
  {{#HAS_HORAIRES}}<dt>Horaires</dt><dd>{{HORAIRES}}</dd>{{/HAS_HORAIRES}}
  {{#HAS_LIEN_SOURCE}}<dt>Page du service</dt><dd><a href="{{LIEN_SOURCE}}" rel="noopener">{{LIEN_SOURCE}}</a></dd>{{/HAS_LIEN_SOURCE}}
</dl>

<h2>Le service</h2>
<dl class="parcours-details">
  {{#DETAIL}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/DETAIL}}
</dl>
{{#HAS_THEMATIQUES}}
<h3 class="fr-h6">Thématiques</h3>
<ul>
  {{#THEMATIQUE}}<li>{{CATEGORY}} : {{LABEL}}</li>{{/THEMATIQUE}}
</ul>
{{/HAS_THEMATIQUES}}

<h2>Score de qualité : {{SCORE}}</h2>
<p class="fr-text--sm">Calculé comme data·inclusion : la moyenne des critères qui s’appliquent à ce service.</p>
<div class="fr-table fr-table--no-caption">
  <table>
    <caption>Critères du score de qualité</caption>
    <thead><tr><th scope="col">Critère</th><th scope="col">Note</th></tr></thead>
    <tbody>
      {{#CRITERION}}<tr><td>{{LABEL}}</td><td>{{VALUE}}</td></tr>{{/CRITERION}}
    </tbody>
  </table>
</div>

{{#CAN_EDIT}}
<h2>Gérer le service</h2>
<ul class="fr-btns-group fr-btns-group--inline-md">
  <li><a class="fr-btn" href="/services/{{ID}}/modifier">Modifier</a></li>
  {{#CAN_PUBLISH}}<li><form method="post" action="/services/{{ID}}/publier"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="fr-btn fr-btn--secondary" type="submit">Publier</button></form></li>{{/CAN_PUBLISH}}
  {{#CAN_CONFIRM}}<li><form method="post" action="/services/{{ID}}/a-jour"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="fr-btn fr-btn--secondary" type="submit">Confirmer que les informations sont à jour</button></form></li>{{/CAN_CONFIRM}}
  {{#CAN_DRAFT}}<li><form method="post" action="/services/{{ID}}/brouillon"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="fr-btn fr-btn--tertiary" type="submit">Repasser en brouillon</button></form></li>{{/CAN_DRAFT}}
  {{#CAN_ARCHIVE}}<li><form method="post" action="/services/{{ID}}/archiver"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="fr-btn fr-btn--tertiary" type="submit">Archiver</button></form></li>{{/CAN_ARCHIVE}}
</ul>
{{/CAN_EDIT}}
{{#HAS_HISTORY}}
<h2>Historique</h2>
<ul>
  {{#HISTORY}}<li>Le {{AT}} — {{WHO}} {{WHAT}}</li>{{/HISTORY}}
</ul>
{{/HAS_HISTORY}}
