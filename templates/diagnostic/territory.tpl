{{%AUTOESCAPE context="HTML"}}<h1>Questions du territoire {{TERRITORY_NAME}}</h1>
<p>Ces questions s’ajoutent au socle commun du diagnostic, pour toutes les personnes du territoire. Chaque enregistrement crée une nouvelle version ; les diagnostics déjà saisis gardent la version avec laquelle ils ont été remplis.</p>
{{#CURRENT}}<p>Version {{VERSION}}, enregistrée le {{SAVED_AT}}.</p>{{/CURRENT}}
{{#ERROR}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">La définition n’est pas valide</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR}}
<form method="post" action="/territoires/{{TERRITORY_ID}}/diagnostic" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <div class="fr-input-group{{#ERROR}} fr-input-group--error{{/ERROR}}">
    <label class="fr-label" for="definition">Définition (JSON)<span class="fr-hint-text">Un objet {"sections": [{"id", "title", "questions": [...]}]} ; chaque question a un identifiant qui commence par « t_ », un type (text, long_text, single_choice, multiple_choice, month, yes_no, number, rome_jobs, obstacles) et un intitulé « label ».</span></label>
    <textarea class="fr-input{{#ERROR}} fr-input--error{{/ERROR}}" id="definition" name="definition" rows="16"{{#ERROR}} aria-describedby="definition-error"{{/ERROR}}>{{DEFINITION}}</textarea>
    {{#ERROR}}<p class="fr-error-text" id="definition-error">{{ERROR_MESSAGE}}</p>{{/ERROR}}
  </div>
  <button class="fr-btn" type="submit">Enregistrer une nouvelle version</button>
</form>
{{#CURRENT}}<h2 class="fr-mt-4w">Aperçu</h2>
<div>{{>PREVIEW}}</div>{{/CURRENT}}
