{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="fr" data-fr-scheme="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="format-detection" content="telephone=no,date=no,address=no,email=no,url=no">
<meta name="theme-color" content="#000091">
<title>{{TITLE}} — Parcours</title>
<link rel="icon" href="/static/dsfr/favicon/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{{CSS_DSFR}}">
<link rel="stylesheet" href="{{CSS_ICONS}}">
<link rel="stylesheet" href="{{CSS_APP}}">
</head>
<body>
<div class="fr-skiplinks">
  <nav class="fr-container" role="navigation" aria-label="Accès rapide">
    <ul class="fr-skiplinks__list">
      <li><a class="fr-link" href="#contenu">Contenu</a></li>
      <li><a class="fr-link" href="#navigation-principale">Menu</a></li>
      <li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
    </ul>
  </nav>
</div>
<header role="banner" class="fr-header">
  <div class="fr-header__body">
    <div class="fr-container">
      <div class="fr-header__body-row">
        <div class="fr-header__brand fr-enlarge-link">
          <div class="fr-header__brand-top">
            <div class="fr-header__logo">
              <p class="fr-logo">République<br>Française</p>
            </div>
            <div class="fr-header__navbar">
              <button class="fr-btn--menu fr-btn" type="button" data-fr-opened="false" aria-controls="menu-principal" aria-haspopup="menu" id="bouton-menu" title="Menu">Menu</button>
            </div>
          </div>
          <div class="fr-header__service">
            <a href="/" title="Accueil - Parcours - République Française">
              <p class="fr-header__service-title">Parcours</p>
            </a>
            <p class="fr-header__service-tagline">Service public de l’insertion et de l’emploi</p>
          </div>
        </div>
        <div class="fr-header__tools">
          <div class="fr-header__tools-links">
            <ul class="fr-btns-group">
              {{#SIGNED_IN}}
              <li><a class="fr-btn fr-icon-account-circle-line" href="/compte">Mon compte</a></li>
              <li>
                <form method="post" action="/deconnexion">
                  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
                  <button class="fr-btn fr-icon-logout-box-r-line" type="submit">Se déconnecter</button>
                </form>
              </li>
              {{/SIGNED_IN}}
              {{#PERSON_SIGNED_IN}}
              <li><a class="fr-btn fr-icon-account-circle-line" href="/mon-espace">Mon espace</a></li>
              <li>
                <form method="post" action="/mon-espace/deconnexion">
                  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
                  <button class="fr-btn fr-icon-logout-box-r-line" type="submit">Se déconnecter</button>
                </form>
              </li>
              {{/PERSON_SIGNED_IN}}
              {{#ANONYMOUS}}
              <li><a class="fr-btn fr-icon-lock-line" href="/connexion">Se connecter</a></li>
              {{/ANONYMOUS}}
            </ul>
          </div>
        </div>
      </div>
    </div>
  </div>
  <div class="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
    <div class="fr-container">
      <button class="fr-btn--close fr-btn" type="button" aria-controls="menu-principal" title="Fermer">Fermer</button>
      <div class="fr-header__menu-links"></div>
      <nav class="fr-nav" id="navigation-principale" role="navigation" aria-label="Menu principal">
        <ul class="fr-nav__list">
          {{#NAV_ITEM}}
          {{#LINK}}<li class="fr-nav__item"><a class="fr-nav__link" href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/LINK}}
          {{#MENU}}<li class="fr-nav__item">
            <button class="fr-nav__btn" type="button" aria-expanded="false" aria-controls="menu-navigation-{{MENU_ID}}"{{#MENU_CURRENT}} aria-current="true"{{/MENU_CURRENT}}>{{LABEL}}</button>
            <div class="fr-collapse fr-menu" id="menu-navigation-{{MENU_ID}}">
              <ul class="fr-menu__list">
                {{#MENU_LINK}}<li><a class="fr-nav__link" href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/MENU_LINK}}
              </ul>
            </div>
          </li>{{/MENU}}
          {{/NAV_ITEM}}
        </ul>
      </nav>
    </div>
  </div>
  {{#DEMO}}
  <div class="fr-notice fr-notice--info">
    <div class="fr-container">
      <div class="fr-notice__body">
        <p>
          <span class="fr-notice__title">Démonstration</span>
          <span class="fr-notice__desc">Cette base de démonstration ne contient que des données fictives ; n’y saisissez aucune donnée réelle.</span>
        </p>
      </div>
    </div>
  </div>
  {{/DEMO}}
</header>
<main role="main" id="contenu" tabindex="-1">
  <div class="fr-container fr-my-4w">
    {{#FLASH}}
    <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
      <p>{{MESSAGE}}</p>
    </div>
    {{/FLASH}}
    {{CONTENT:none}}
  </div>
</main>
<footer class="fr-footer" role="contentinfo" id="pied-de-page">
  <div class="fr-container">
    <div class="fr-footer__body">
      <div class="fr-footer__brand fr-enlarge-link">
        <a href="/" title="Retour à l’accueil de Parcours - République Française">
          <p class="fr-logo">République<br>Française</p>
        </a>
      </div>
      <div class="fr-footer__content">
        <p class="fr-footer__content-desc">Parcours est le service numérique du service public de l’insertion et de l’emploi : un dossier unique par personne accompagnée, partagé par les professionnels de son parcours et par la personne elle-même.</p>
        <ul class="fr-footer__content-list">
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.info.gouv.fr">info.gouv.fr</a></li>
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.service-public.fr">service-public.fr</a></li>
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.legifrance.gouv.fr">legifrance.gouv.fr</a></li>
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.data.gouv.fr">data.gouv.fr</a></li>
        </ul>
      </div>
    </div>
    <div class="fr-footer__bottom">
      <ul class="fr-footer__bottom-list">
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/accessibilite">Accessibilité : non conforme</a></li>
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/mentions-legales">Mentions légales</a></li>
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/donnees-personnelles">Données personnelles</a></li>
      </ul>
      <div class="fr-footer__bottom-copy">
        <p>Sauf mention contraire, les contenus de ce site sont proposés sous <a href="https://github.com/etalab/licence-ouverte/blob/master/LO.md">licence etalab-2.0</a></p>
      </div>
    </div>
  </div>
</footer>
<script type="module" src="{{JS_DSFR_MODULE}}"></script>
<script nomodule src="{{JS_DSFR_NOMODULE}}"></script>
<script type="module" src="{{JS_APP}}"></script>
<script type="module" src="{{JS_SUGGESTIONS}}"></script>
<script type="module" src="{{JS_CAF}}"></script>
</body>
</html>
