{{%AUTOESCAPE context="HTML"}}<h1>Orientations reçues</h1>
<p>{{WAITING}} orientation(s) attendent votre réponse.</p>
<form method="get" action="/orientations/recues" class="fr-mb-3w">
  <div class="fr-select-group">
    <label class="fr-label" for="statut">Statut</label>
    <select class="fr-select" id="statut" name="statut">
      {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
    </select>
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Filtrer</button>
</form>
{{#EMPTY}}<p>Aucune orientation.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<div class="fr-table"><table>
  <caption>Orientations reçues par vos structures</caption>
  <thead><tr><th scope="col">Personne</th><th scope="col">Service</th><th scope="col">Envoyée par</th><th scope="col">Le</th><th scope="col">Statut</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><td><a href="/orientations/{{REFERRAL_ID}}">{{PERSON}}</a></td><td>{{SERVICE}}</td><td>{{SENDER}}</td><td>{{SENT}}</td><td><span class="fr-badge fr-badge--sm {{BADGE}}">{{STATUS}}</span></td></tr>{{/ROW}}
  </tbody>
</table></div>
{{/HAS_ROWS}}
