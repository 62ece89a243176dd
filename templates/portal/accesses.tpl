{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Qui a consulté mon dossier</h1>
<p>Chaque fois qu’un professionnel ouvre votre dossier, Parcours le note. Vous voyez ici sa
  structure, son rôle et la date, sur les 12 derniers mois. Plusieurs consultations proches par
  la même structure sont regroupées.</p>
<p>Une consultation vous étonne ? Parlez-en à votre référent(e), ou écrivez au délégué à la
  protection des données : <a href="/donnees-personnelles">vos droits sur vos données</a>.</p>
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
