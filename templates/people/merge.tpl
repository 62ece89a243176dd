{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Fusion</a></li>
  </ol>
</nav>
<h1>Fusionner une fiche en double avec celle de {{NAME}}</h1>
<p>La fiche de {{NAME}} est conservée ; l’autre fiche y est rattachée : ses informations manquantes, ses parcours, ses notes et son historique rejoignent cette fiche. La fusion est enregistrée au carnet de bord et peut être annulée pendant 30 jours.</p>
{{#ERROR_SUMMARY}}
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Le formulaire contient une erreur</h2>
  <p>{{ERROR_MESSAGE}}</p>
</div>
{{/ERROR_SUMMARY}}
{{#COMPARE}}
<div class="fr-table">
  <div class="fr-table__wrapper">
    <div class="fr-table__container">
      <div class="fr-table__content">
        <table>
          <caption>Les deux fiches</caption>
          <thead><tr><th scope="col">Champ</th><th scope="col">Fiche conservée (n° {{PERSON_ID}})</th><th scope="col">Fiche rattachée (n° {{OTHER_ID}})</th></tr></thead>
          <tbody>
            {{#FIELD}}<tr><th scope="row">{{LABEL}}</th><td>{{KEPT}}</td><td>{{MERGED}}</td></tr>{{/FIELD}}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>
<form method="post" action="/personnes/{{PERSON_ID}}/fusion">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="other_id" value="{{OTHER_ID}}">
  <input type="hidden" name="confirm" value="1">
  <button class="fr-btn" type="submit">Fusionner la fiche n° {{OTHER_ID}} dans celle-ci</button>
</form>
{{/COMPARE}}
<form method="get" action="/personnes/{{PERSON_ID}}/fusion" class="fr-mt-4w" novalidate>
  <div class="fr-input-group{{#OTHER_ID_ERROR}} fr-input-group--error{{/OTHER_ID_ERROR}}">
    <label class="fr-label" for="other_id">Numéro de la fiche en double
      <span class="fr-hint-text">Le nombre à la fin de l’adresse de sa fiche, par exemple 42 pour /personnes/42.</span>
    </label>
    <input class="fr-input{{#OTHER_ID_ERROR}} fr-input--error{{/OTHER_ID_ERROR}}" type="text" inputmode="numeric" id="other_id" name="autre" value="{{OTHER_TYPED}}" autocomplete="off"{{#OTHER_ID_ERROR}} aria-describedby="other_id-error"{{/OTHER_ID_ERROR}}>
    {{#OTHER_ID_ERROR}}<p class="fr-error-text" id="other_id-error">{{ERROR_MESSAGE}}</p>{{/OTHER_ID_ERROR}}
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Comparer les deux fiches</button>
</form>
{{#HAS_MERGES}}
<h2 class="fr-mt-4w">Fusions faites dans cette fiche</h2>
<ul>
  {{#MERGE}}
  <li>Fiche n° {{MERGED_ID}} rattachée le {{WHEN}}{{#UNDONE}} — fusion annulée{{/UNDONE}}
    {{#UNDOABLE}}
    <form method="post" action="/personnes/{{PERSON_ID}}/fusions/{{MERGE_ID}}/annuler">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">Annuler cette fusion<span class="fr-sr-only"> de la fiche n° {{MERGED_ID}}</span></button>
    </form>
    {{/UNDOABLE}}
  </li>
  {{/MERGE}}
</ul>
{{/HAS_MERGES}}
