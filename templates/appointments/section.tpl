{{%AUTOESCAPE context="HTML"}}<h2 id="rendez-vous">Rendez-vous</h2>
{{#NONE}}<p>Aucun rendez-vous pour l’instant.</p>{{/NONE}}
{{#COMING}}{{>COMING_LIST}}{{/COMING}}
{{#PAST}}{{>PAST_LIST}}{{/PAST}}
{{#CAN_BOOK}}{{>BOOK_FORM}}{{/CAN_BOOK}}
