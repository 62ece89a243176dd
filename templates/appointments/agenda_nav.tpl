{{%AUTOESCAPE context="HTML"}}<nav class="fr-mb-3w" aria-label="{{NAV_LABEL}}">
  <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
    <li><a class="fr-btn fr-btn--secondary fr-icon-arrow-left-line fr-btn--icon-left" href="{{PREV_HREF}}" rel="prev" id="agenda-prev">{{PREV_LABEL}}</a></li>
    <li><a class="fr-btn fr-btn--tertiary" href="{{TODAY_HREF}}">{{TODAY_LABEL}}</a></li>
    <li><a class="fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right" href="{{NEXT_HREF}}" rel="next" id="agenda-next">{{NEXT_LABEL}}</a></li>
  </ul>
</nav>
