{{%AUTOESCAPE context="HTML"}}<h1>Données personnelles</h1>

<h2>Pourquoi nous traitons vos données</h2>
<p>Parcours permet aux professionnels du service public de l’insertion et de l’emploi de coordonner l’accompagnement des personnes : diagnostic, orientation, référent de parcours, plan d’actions et suivi partagé.</p>

<h2>Base légale</h2>
<p>Le traitement est nécessaire à l’exécution d’une <strong>mission d’intérêt public</strong> (article 6-1-e du règlement général sur la protection des données, RGPD) et, pour les données de santé ou d’autres catégories particulières, à des motifs d’intérêt public dans le domaine de l’action sociale (article 9-2-g et 9-2-h). Ce n’est pas votre consentement qui fonde le traitement, mais vous décidez de ce qui est partagé au-delà de l’équipe qui vous accompagne et vous pouvez vous opposer à un partage.</p>

<h2>Qui peut voir vos données</h2>
<p>Seuls les professionnels qui en ont besoin pour votre accompagnement, selon leur rôle : les données sensibles (comme le numéro de sécurité sociale) ne sont affichées qu’aux rôles qui en ont l’usage.</p>

<h2>Traçabilité des consultations</h2>
<p>Chaque consultation de votre dossier est enregistrée : qui l’a consultée, quelle partie, quand. Chaque modification est inscrite dans un journal que personne ne peut effacer ni modifier.</p>

<h2>Durées de conservation</h2>
<ul>
  <li>Dossier d’accompagnement : 2 ans après la dernière activité (durée réglable par chaque territoire), puis suppression.</li>
  <li>Traces de connexion et de consultation : 12 mois.</li>
  <li>Comptes des professionnels : tant qu’ils exercent dans une structure du service, puis désactivation.</li>
</ul>

<h2>Vos droits</h2>
<p>Vous pouvez accéder à vos données, les faire rectifier, demander la limitation de leur traitement et vous opposer à leur traitement pour des raisons tenant à votre situation particulière (articles 15 à 21 du RGPD). Pour exercer ces droits, adressez-vous à la structure qui vous accompagne ou au délégué à la protection des données du conseil départemental de votre territoire.</p>
<p>Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la <a href="https://www.cnil.fr/fr/plaintes">CNIL</a>.</p>

<h2>Cookies</h2>
<p>Parcours n’utilise que des cookies strictement nécessaires : la session de connexion et la protection des formulaires contre la falsification de requêtes. Aucun cookie de mesure d’audience ni de publicité n’est déposé.</p>
