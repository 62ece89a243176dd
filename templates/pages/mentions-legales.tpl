{{%AUTOESCAPE context="HTML"}}<h1>Mentions légales</h1>

<h2>Éditeur</h2>
<p>Parcours est édité pour le service public de l’insertion et de l’emploi (SPIE), sous la responsabilité de l’État et des départements qui le déploient sur leur territoire.</p>

<h2>Directeur de la publication</h2>
<p>La personne responsable du service public de l’insertion et de l’emploi sur chaque territoire.</p>

<h2>Hébergement</h2>
<p>Le service est hébergé en France par l’hébergeur choisi par l’opérateur de chaque déploiement, sur des serveurs qualifiés pour les données de santé lorsque des données de santé sont traitées.</p>

<h2>Code source</h2>
<p>Le code source de Parcours est publié sous licence libre ; les contenus du site sont proposés sous <a href="https://github.com/etalab/licence-ouverte/blob/master/LO.md">licence etalab-2.0</a>.</p>

<h2>Accessibilité</h2>
<p>Voir la <a href="/accessibilite">déclaration d’accessibilité</a>.</p>

<h2>Données personnelles</h2>
<p>Voir la page <a href="/donnees-personnelles">Données personnelles</a>.</p>
