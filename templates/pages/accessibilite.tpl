{{%AUTOESCAPE context="HTML"}}<h1>Déclaration d’accessibilité</h1>
<p>Le service public de l’insertion et de l’emploi s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
<p>Cette déclaration d’accessibilité s’applique au service Parcours.</p>

<h2>État de conformité</h2>
<p>Parcours est <strong>non conforme</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1, car <strong>aucun audit de conformité n’a encore été réalisé</strong>. Tant qu’un audit n’a pas mesuré le taux de critères respectés, nous ne pouvons pas déclarer le service partiellement ou totalement conforme.</p>

<h2>Ce que nous vérifions déjà</h2>
<ul>
  <li>Les pages sont construites avec le système de design de l’État (DSFR).</li>
  <li>Chaque page visitée par nos tests automatisés est contrôlée avec l’outil axe-core (règles WCAG 2.1 niveaux A et AA) : aucune erreur n’est tolérée.</li>
  <li>Les formulaires se remplissent et s’envoient au clavier seul ; les messages d’erreur nomment le champ concerné.</li>
  <li>Le service fonctionne sans JavaScript ; les scripts ne font qu’ajouter du confort (par exemple la suggestion de communes).</li>
</ul>
<p>Les tests automatisés ne détectent qu’une partie des défauts d’accessibilité : un audit humain, avec des lecteurs d’écran et des personnes en situation de handicap, reste nécessaire.</p>

<h2>Retour d’information et contact</h2>
<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez le responsable du service pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.</p>

<h2>Voies de recours</h2>
<p>Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez :</p>
<ul>
  <li>écrire un message au <a href="https://formulaire.defenseurdesdroits.fr/">Défenseur des droits</a> ;</li>
  <li>contacter le délégué du Défenseur des droits dans votre région ;</li>
  <li>envoyer un courrier (gratuit, ne pas mettre de timbre) à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
</ul>
