{{%AUTOESCAPE context="HTML"}}
<h1>Bonjour {{FIRST_NAMES}}</h1>
<p class="fr-text--lead">Voici votre espace : votre parcours, votre équipe et ce qu’elle partage avec vous.</p>

{{#NO_JOURNEY}}
<div class="fr-callout fr-mb-4w">
  <h2 class="fr-callout__title">Pas de parcours en cours</h2>
  <p class="fr-callout__text">Vous n’avez pas de parcours en cours en ce moment. Besoin d’aide ?
    <a href="/demander-un-accompagnement">Demander un accompagnement</a>.</p>
</div>
{{/NO_JOURNEY}}

{{#JOURNEY}}
<section class="fr-mb-6w" aria-labelledby="journey-{{ID}}">
  <h2 id="journey-{{ID}}">Mon parcours — {{TERRITORY}}</h2>
  <p><span class="fr-badge fr-badge--info fr-badge--no-icon">{{STATUS}}</span></p>
  <p>Commencé le {{OPENED}}. <a href="/mon-espace/orientation">Mon orientation et son explication</a></p>
  <h3>Mon équipe</h3>
  {{#NO_TEAM}}
  <p>Votre équipe n’est pas encore formée. Une personne chargée de l’orientation va vous contacter pour choisir avec vous qui vous accompagnera.</p>
  {{/NO_TEAM}}
  {{#TEAM}}
  <ul class="fr-raw-list">
    {{#MEMBER}}
    <li class="fr-mb-3w">
      <div class="fr-card fr-card--no-arrow fr-card--sm">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h4 class="fr-card__title">{{NAME}}</h4>
            <div class="fr-card__desc">
              <p class="fr-mb-1v">{{ORGANISATION}}</p>
              {{#ORG_PHONE}}<p class="fr-mb-1v">Téléphone : {{#TEL_LINK}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/TEL_LINK}}{{#NO_TEL_LINK}}{{PHONE}}{{/NO_TEL_LINK}}</p>{{/ORG_PHONE}}
              {{#ORG_EMAIL}}<p class="fr-mb-1v">Courriel : <a href="mailto:{{EMAIL}}">{{EMAIL}}</a></p>{{/ORG_EMAIL}}
            </div>
            <div class="fr-card__start">
              <p class="fr-badge fr-badge--sm{{#REFERENT}} fr-badge--green-emeraude{{/REFERENT}}">{{ROLE}}</p>
            </div>
          </div>
        </div>
      </div>
    </li>
    {{/MEMBER}}
  </ul>
  {{/TEAM}}
</section>
{{/JOURNEY}}

{{>FOLLOWUP}}
{{>PLAN}}
{{>APPOINTMENTS}}

<section class="fr-mb-6w" aria-labelledby="links">
  <h2 id="links">Dans mon espace</h2>
  <ul class="fr-raw-list">
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/carnet">Mon carnet de bord : les messages de mon équipe</a></li>
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/engagements">Mes engagements : ce que nous avons décidé ensemble</a></li>
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/diagnostic">Mes besoins, avec mes mots</a></li>
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/services">Des services près de chez moi pour mes besoins</a></li>
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/coordonnees">Changer mes coordonnées</a></li>
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/changer-de-referent">Demander un autre référent</a></li>
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/consultations">Qui a consulté mon dossier</a></li>
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/partage">Avec qui mon dossier est partagé</a></li>
    <li class="fr-mb-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/mon-espace/mes-donnees">Télécharger toutes mes données</a></li>
  </ul>
</section>

{{#CLOSED_JOURNEY}}
<p class="fr-text--sm">Parcours terminé — {{TERRITORY}} : du {{OPENED}} au {{CLOSED}}.</p>
{{/CLOSED_JOURNEY}}
