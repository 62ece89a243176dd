{{%AUTOESCAPE context="HTML"}}
<div class="fr-grid-row fr-grid-row--center">
  <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
    <h1>Votre demande est envoyée</h1>
    <div class="fr-alert fr-alert--success fr-mb-4w" role="status">
      <p>Merci. Votre demande est arrivée chez les professionnels de votre département.</p>
    </div>
    <h2 class="fr-h4">Et maintenant ?</h2>
    <ol>
      <li>Si vous avez donné une adresse électronique, vous allez recevoir un accusé de réception.</li>
      <li>Une personne chargée de l’orientation lit votre demande et vous contacte, par courriel ou par téléphone, en général dans le mois.</li>
      <li>Avec elle, vous choisissez qui vous accompagnera : votre référent(e).</li>
    </ol>
    <p>Ensuite, vous pourrez suivre votre parcours dans <a href="/mon-espace/connexion">votre espace</a>.</p>
  </div>
</div>
