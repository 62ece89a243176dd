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
<div class="fr-table fr-table--no-caption">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Consultations de votre dossier, les plus récentes en premier</caption>
          <thead>
            <tr><th scope="col">Date</th><th scope="col">Structure</th><th scope="col">Rôle</th></tr>
          </thead>
          <tbody>
            {{#ACCESS}}
            <tr><td>{{WHEN}}{{#SEVERAL}} ({{COUNT}} consultations){{/SEVERAL}}</td><td>{{ORGANISATION}}</td><td>{{ROLE}}</td></tr>
            {{/ACCESS}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
{{/ACCESSES}}
