{{%AUTOESCAPE context="HTML"}}<div class="fr-input-group{{#ERROR}} fr-input-group--error{{/ERROR}}">
  <label class="fr-label" for="commune">Commune
    <span class="fr-hint-text">Nom, code postal ou code INSEE ; des suggestions s’affichent pendant la saisie.</span>
  </label>
  <input class="fr-input{{#ERROR}} fr-input--error{{/ERROR}}" type="text" id="commune" name="commune" value="{{VALUE}}" list="commune-suggestions" autocomplete="off" data-commune-field{{#ERROR}} aria-describedby="commune-error"{{/ERROR}}>
  <datalist id="commune-suggestions"></datalist>
  {{#ERROR}}<p class="fr-error-text" id="commune-error">{{MESSAGE}}</p>{{/ERROR}}
</div>
