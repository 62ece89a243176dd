#include "features/pages/routes.h"

#include "core/html/render.h"
#include "features/people/policy.h"
#include "features/referrals/referrals.h"
#include "features/territories/policy.h"

namespace parcours::pages {
namespace {

// GET / — anyone: presentation, or the entry points of a signed-in account.
http::Response home(http::Context& ctx) {
  ctemplate::TemplateDictionary dict("home");
  if (ctx.actor) {
    dict.SetValueAndShowSection("NAME", ctx.actor->name, "SIGNED_IN");
    auto working = people::working_territories(ctx.actor);
    if (!working.empty() && people::may_search_persons(ctx.actor, working.front())) {
      dict.ShowSection("PERSONS");
    }
    if (territories::may_list_territories(ctx.actor)) dict.ShowSection("TERRITORIES");
    if (auto orgs = ctx.actor->organisation_ids(); !orgs.empty()) {
      dict.AddSectionDictionary("REFERRALS")
          ->SetIntValue("WAITING", referrals::waiting_count(ctx.db, orgs));
    }
  } else {
    dict.ShowSection("ANONYMOUS");
  }
  return html::page(ctx, "Accueil", "pages/home.tpl", dict);
}

http::Handler static_page(const char* title, const char* name) {
  return [title, name](http::Context& ctx) {
    ctemplate::TemplateDictionary dict("page");
    return html::page(ctx, title, name, dict);
  };
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/", home);
  // GET /accessibilite, /donnees-personnelles, /mentions-legales — anyone.
  router.add("GET", "/accessibilite",
             static_page("Déclaration d’accessibilité", "pages/accessibilite.tpl"));
  router.add("GET", "/donnees-personnelles",
             static_page("Données personnelles", "pages/donnees-personnelles.tpl"));
  router.add("GET", "/mentions-legales",
             static_page("Mentions légales", "pages/mentions-legales.tpl"));
}

}  // namespace parcours::pages
