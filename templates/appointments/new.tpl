{{%AUTOESCAPE context="HTML"}}<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
  <ol class="fr-breadcrumb__list">
    <li><a class="fr-breadcrumb__link" href="/personnes">Personnes</a></li>
    <li><a class="fr-breadcrumb__link" href="/personnes/{{PERSON_ID}}">{{NAME}}</a></li>
    <li><a class="fr-breadcrumb__link" aria-current="page">Nouveau rendez-vous</a></li>
  </ol>
</nav>
<h1>Rendez-vous avec {{NAME}}</h1>
{{>BOOK_FORM}}
