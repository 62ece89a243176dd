{{%AUTOESCAPE context="HTML"}}{{#CLOSED}}
<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
  <p>Le plan d’actions est clos depuis le {{CLOSED_AT}}. Raison : {{CLOSED_REASON}}</p>
</div>
{{/CLOSED}}
{{#NO_PRO}}
<div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
  <p>Le travail ou l’activité d’abord : ce plan n’a pas encore d’objectif professionnel (choisir un métier, se former, préparer sa candidature, trouver un emploi, créer une entreprise). Pensez à en construire un avec la personne, même modeste.</p>
</div>
{{/NO_PRO}}
{{#NO_PRO_PERSON}}
<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
  <p>Votre plan n’a pas encore d’objectif lié au travail ou à une activité. Vous pouvez en proposer un : un métier qui vous intéresse, une formation, une candidature…</p>
</div>
{{/NO_PRO_PERSON}}
{{#LATE}}
<div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
  <p>Le point d’étape prévu le {{LATE_DATE}} n’a pas encore eu lieu.</p>
</div>
{{/LATE}}
