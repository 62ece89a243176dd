{{%AUTOESCAPE context="HTML"}}<link rel="stylesheet" href="{{CSS_PRINT}}" media="print">
<p class="parcours-no-print"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="{{BACK_HREF}}">{{BACK_LABEL}}</a></p>
<h1>{{HEADING}}</h1>
<p>Imprimé le {{PRINTED}}. <span class="parcours-no-print">Pour l’imprimer ou l’enregistrer en PDF, utilisez la fonction « Imprimer » de votre navigateur.</span></p>
<h2>Qui vous accompagne</h2>
<ul>
  {{#MEMBER}}<li>{{NAME}}, {{ORGANISATION}}{{#REFERENT}} — référent(e) du parcours{{/REFERENT}}</li>{{/MEMBER}}
</ul>
{{#HAS_NEXT_REVIEW}}<p>Prochain point sur le plan : <strong>{{NEXT_REVIEW}}</strong>.</p>{{/HAS_NEXT_REVIEW}}
{{>NOTICES}}
<h2>Objectifs et actions</h2>
{{>GOALS}}
