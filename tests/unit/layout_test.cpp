// The DSFR layout around every page: navigation by role, the logout form with its CSRF token,
// the demonstration notice, the flash message (escaped), French error pages, and no inline
// script or style (the CSP forbids them).
#include <gtest/gtest.h>

#include <regex>

#include "core/html/render.h"
#include "support/test_db.h"

namespace parcours::html {
namespace {

using security::Role;

class LayoutTest : public testing::Test {
 protected:
  void SetUp() override {
    db_ = test::make_test_db(store::Dialect::kSqlite, 1);
    conn_.emplace(db_->acquire());
    request_.method = "GET";
    request_.path = "/structures/3";
    config_.templates_root = std::string(PARCOURS_SOURCE_DIR) + "/templates";
    config_.web_root = std::string(PARCOURS_SOURCE_DIR) + "/web/dist";
  }

  http::Context context() {
    http::Context ctx{request_, **conn_, config_};
    ctx.csrf_token = "jeton-csrf";
    return ctx;
  }

  std::string render_page(http::Context& ctx) {
    ctemplate::TemplateDictionary dict("page");
    return page(ctx, "Accessibilité", "pages/accessibilite.tpl", dict).body;
  }

  std::unique_ptr<store::Db> db_;
  std::optional<store::ConnectionLease> conn_;
  http::Request request_;
  Config config_;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(LayoutTest, AnonymousVisitorsSeeTheLoginLinkAndOnlyTheHomeInTheNavigation) {
  auto ctx = context();
  std::string html = render_page(ctx);
  EXPECT_TRUE(contains(html, "<html lang=\"fr\" data-fr-scheme=\"system\">"));
  EXPECT_TRUE(contains(html, "href=\"/connexion\""));
  EXPECT_FALSE(contains(html, "action=\"/deconnexion\""));
  EXPECT_FALSE(contains(html, "href=\"/structures\""));
  EXPECT_TRUE(contains(html, "href=\"#contenu\""));  // skip link
  EXPECT_TRUE(contains(html, "Accessibilité : non conforme"));
  EXPECT_FALSE(contains(html, "Démonstration"));
}

TEST_F(LayoutTest, AdminsSeeTerritoriesAndALogoutFormCarryingTheCsrfToken) {
  auto ctx = context();
  security::Actor admin;
  admin.user_id = 1;
  admin.name = "Alice";
  admin.grants.push_back({.role = Role::kAdmin});
  ctx.actor = admin;
  std::string html = render_page(ctx);
  EXPECT_TRUE(contains(html, "href=\"/territoires\""));
  EXPECT_TRUE(
      contains(html, "<a class=\"fr-nav__link\" href=\"/structures\" aria-current=\"page\">"));
  // Territories and organisations sit in the "Administration" menu, marked current with them.
  EXPECT_TRUE(std::regex_search(
      html,
      std::regex("<button class=\"fr-nav__btn\" type=\"button\" aria-expanded=\"false\" "
                 "aria-controls=\"(menu-navigation-1)\" aria-current=\"true\">"
                 "Administration</button>\\s*<div class=\"fr-collapse fr-menu\" "
                 "id=\"menu-navigation-1\">\\s*<ul class=\"fr-menu__list\">\\s*"
                 "<li><a class=\"fr-nav__link\" href=\"/territoires\">Territoires</a></li>")));
  EXPECT_TRUE(std::regex_search(
      html, std::regex("action=\"/deconnexion\">\\s*<input type=\"hidden\" name=\"csrf_token\" "
                       "value=\"jeton-csrf\">")));
}

TEST_F(LayoutTest, ProfessionalsDoNotSeeTerritories) {
  auto ctx = context();
  security::Actor pro;
  pro.user_id = 2;
  pro.grants.push_back({.role = Role::kProfessional, .organisation_id = 3});
  ctx.actor = pro;
  std::string html = render_page(ctx);
  EXPECT_FALSE(contains(html, "href=\"/territoires\""));
  EXPECT_TRUE(contains(html, "href=\"/structures\""));
  EXPECT_TRUE(contains(html, "href=\"/offre-de-services\""));
}

TEST_F(LayoutTest, DemoDatabasesShowTheNoticeAndFlashMessagesAreEscaped) {
  auto ctx = context();
  ctx.demo = true;
  ctx.flash = "Structure <b>créée</b>.";
  std::string html = render_page(ctx);
  EXPECT_TRUE(contains(html, "fr-notice"));
  EXPECT_TRUE(contains(html, "Démonstration"));
  EXPECT_TRUE(contains(html, "Structure &lt;b&gt;créée&lt;/b&gt;."));
}

TEST_F(LayoutTest, PagesHaveNoInlineScriptOrStyleAndUseFingerprintedAssets) {
  auto ctx = context();
  std::string html = render_page(ctx);
  EXPECT_FALSE(std::regex_search(html, std::regex("<script(?![^>]*\\bsrc=)[^>]*>")));
  EXPECT_FALSE(contains(html, "style="));
  EXPECT_FALSE(contains(html, "<style"));
  EXPECT_TRUE(
      std::regex_search(html, std::regex("href=\"/static/dsfr/dsfr\\.min\\.[0-9a-f]{12}\\.css\"")));
  EXPECT_TRUE(std::regex_search(
      html, std::regex("<script type=\"module\" src=\"/static/app\\.[0-9a-f]{12}\\.js\">")));
}

TEST_F(LayoutTest, ErrorPagesAreFrenchDsfrPagesWithTheirStatus) {
  auto ctx = context();
  auto response = error_page(ctx, 404, "Page non trouvée", "Cette structure n’existe pas.");
  EXPECT_EQ(response.status, 404u);
  EXPECT_TRUE(contains(response.body, "<h1>Page non trouvée</h1>"));
  EXPECT_TRUE(contains(response.body, "Erreur 404"));
  EXPECT_TRUE(contains(response.body, "Cette structure n’existe pas."));
  EXPECT_TRUE(contains(response.body, "fr-footer"));
}

TEST_F(LayoutTest, RefusalSendsVisitorsToTheLoginPageAndAccountsToA403) {
  auto ctx = context();
  auto visitor = refuse(ctx);
  EXPECT_EQ(visitor.status, 302u);
  EXPECT_EQ(visitor.header("Location"), "/connexion?next=%2Fstructures%2F3");
  security::Actor nobody;
  nobody.user_id = 3;
  ctx.actor = nobody;
  EXPECT_EQ(refuse(ctx).status, 403u);
}

}  // namespace
}  // namespace parcours::html
