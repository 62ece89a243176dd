// The layout for a person signed in to their space: their own navigation with one current
// item, the sign-out form of the space carrying their CSRF token, and nothing of the staff's.
#include <gtest/gtest.h>

#include "core/html/render.h"
#include "support/test_db.h"

namespace parcours::html {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(PortalLayout, APersonSeesTheirSpaceNavigationAndItsSignOutForm) {
  auto db = test::make_test_db(store::Dialect::kSqlite, 1);
  auto conn = db->acquire();
  http::Request request;
  request.method = "GET";
  request.path = "/mon-espace/carnet";
  Config config;
  config.templates_root = std::string(PARCOURS_SOURCE_DIR) + "/templates";
  config.web_root = std::string(PARCOURS_SOURCE_DIR) + "/web/dist";
  http::Context ctx{request, *conn, config};
  ctx.person_session = http::PersonSession{1, 7, "jeton-de-la-personne"};
  ctx.csrf_token = "jeton-de-la-personne";
  ctemplate::TemplateDictionary dict("page");
  std::string html = page(ctx, "Mon carnet", "pages/accessibilite.tpl", dict).body;

  EXPECT_TRUE(contains(html, "action=\"/mon-espace/deconnexion\""));
  EXPECT_TRUE(contains(html, "value=\"jeton-de-la-personne\""));
  EXPECT_FALSE(contains(html, "action=\"/deconnexion\""));
  EXPECT_FALSE(contains(html, "href=\"/connexion\""));
  EXPECT_FALSE(contains(html, "href=\"/structures\""));
  EXPECT_TRUE(contains(html, "href=\"/mon-espace/coordonnees\">Mes coordonnées</a>"));
  EXPECT_TRUE(
      contains(html, "href=\"/mon-espace/carnet\" aria-current=\"page\">Mon carnet de bord</a>"));
  EXPECT_FALSE(contains(html, "href=\"/mon-espace\" aria-current"));  // one current item only
}

}  // namespace
}  // namespace parcours::html
