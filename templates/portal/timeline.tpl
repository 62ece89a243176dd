{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Mon carnet de bord</h1>
<p>Les messages que votre équipe partage avec vous et les étapes de votre parcours, les plus récents en premier.
  Les notes de travail de votre équipe ne sont pas montrées ici ; vous pouvez en demander une copie à votre référent.</p>
{{#NO_ITEM}}
<p>Rien pour l’instant. Les messages de votre équipe s’afficheront ici.</p>
{{/NO_ITEM}}
<ol class="fr-raw-list">
  {{#ITEM}}
  <li class="fr-mb-3w">
    {{#NOTE}}
    <div class="fr-callout fr-callout--blue-ecume">
      <h2 class="fr-callout__title fr-h6">{{TITLE}}</h2>
      <p class="fr-text--sm fr-mb-1w">{{WHEN}}{{#CORRECTION}} — corrige un message précédent{{/CORRECTION}}{{#CORRECTED}} — corrigé depuis{{/CORRECTED}}</p>
      {{#PARAGRAPH}}<p class="fr-callout__text fr-text--md">{{TEXT}}</p>{{/PARAGRAPH}}
    </div>
    {{/NOTE}}
    {{#EVENT}}
    <p class="fr-mb-0"><strong>{{TITLE}}</strong></p>
    <p class="fr-text--sm fr-mb-0">{{WHEN}}</p>
    {{/EVENT}}
  </li>
  {{/ITEM}}
</ol>
