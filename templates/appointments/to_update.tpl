{{%AUTOESCAPE context="HTML"}}<h1>Rendez-vous à mettre à jour</h1>
<p>Ces rendez-vous sont passés sans que leur statut soit indiqué : dites s’ils ont été honorés, si la personne était absente, excusée, ou si le rendez-vous a été annulé.</p>
<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/agenda">Retour à mon agenda</a></p>
{{#LIST_SECTION}}
<h2>{{TITLE}}</h2>
{{#EMPTY}}<p>Aucun rendez-vous à mettre à jour.</p>{{/EMPTY}}
{{#HAS_ROWS}}{{>LIST}}{{/HAS_ROWS}}
{{/LIST_SECTION}}
