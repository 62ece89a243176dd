{{%AUTOESCAPE context="HTML"}}{{#NO_EVENTS}}<p>Aucun événement ne correspond.</p>{{/NO_EVENTS}}
{{#HAS_EVENTS}}
<ol>
  {{#EVENT}}<li>{{SENTENCE}} — <time datetime="{{ISO}}">{{WHEN}}</time></li>{{/EVENT}}
</ol>
{{/HAS_EVENTS}}
{{#OLDER}}<p><a class="fr-link" href="/personnes/{{ID}}?{{OLDER_QUERY}}#carnet">Événements plus anciens</a></p>{{/OLDER}}