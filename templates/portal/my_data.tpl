{{%AUTOESCAPE context="HTML"}}
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mon-espace">Retour à mon espace</a></p>
<h1>Mes données</h1>
<p>Vous pouvez obtenir une copie de tout ce que Parcours garde sur vous : votre identité, vos
  coordonnées, votre situation, d’où vient chaque information, vos parcours et vos équipes, votre
  carnet de bord, vos demandes et qui a consulté votre dossier.</p>
<ul class="fr-raw-list">
  <li class="fr-mb-3w">
    <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/mes-donnees/imprimer">Voir toutes mes données sur une page, à lire ou à imprimer</a>
  </li>
  <li class="fr-mb-3w">
    <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/mon-espace/mes-donnees.json" download>Télécharger mes données (fichier JSON, pour les transmettre à un autre service)</a>
  </li>
</ul>
<div class="fr-callout">
  <h2 class="fr-callout__title fr-h6">Une information est fausse ?</h2>
  <p class="fr-callout__text">Changez vous-même <a href="/mon-espace/coordonnees">vos coordonnées</a>.
    Pour le reste, demandez à votre référent(e) de la corriger.</p>
</div>
