// The application pipeline on both engines, called directly as the server would: health check,
// static files, sessions, CSRF, flash, error pages, transactions left behind by handlers.
#include "app/app.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/clock.h"
#include "core/http/flash.h"
#include "core/http/sessions.h"
#include "core/http/url.h"
#include "support/test_db.h"

namespace parcours::app {
namespace {

namespace fs = std::filesystem;

// The value of the cookie `name` set by a response, if any.
std::optional<std::string> set_cookie(const http::Response& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "Set-Cookie" && value.starts_with(name + "=")) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return std::nullopt;
}

class AppTest : public test::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    web_root_ = fs::temp_directory_path() / ("parcours-app-" + std::to_string(::getpid()));
    fs::create_directories(web_root_);
    std::ofstream(web_root_ / "app.0123456789ab.css") << "main{}";
    config_.web_root = web_root_.string();
    config_.workers = 1;
    config_.public_url = "http://parcours.test";

    http::Router router;
    router.add("GET", "/page", [](http::Context& ctx) {
      return http::Response::html(std::string(ctx.demo ? "demo " : "") +
                                  (ctx.signed_in() ? "connecté" : "anonyme") +
                                  " flash=" + ctx.flash.value_or("-"));
    });
    router.add("POST", "/page", [](http::Context& ctx) {
      http::set_flash(ctx, "Structure créée.");
      return http::Response::redirect("/page");
    });
    router.add("POST", "/api/v1/things",
               [](http::Context&) { return http::Response::json(R"({"ok":true})", 201); });
    router.add("GET", "/boom", [](http::Context& ctx) -> http::Response {
      ctx.db.begin();
      ctx.db.execute("INSERT INTO meta (key, value) VALUES ('boom', '1')");
      throw std::runtime_error("panne simulée");
    });
    router.add("GET", "/forgotten", [](http::Context& ctx) {
      ctx.db.begin();
      ctx.db.execute("INSERT INTO meta (key, value) VALUES ('forgotten', '1')");
      return http::Response::text("transaction oubliée");
    });
    app_.emplace(config_, db(), std::move(router));
  }
  void TearDown() override {
    app_.reset();
    fs::remove_all(web_root_);
    EngineTest::TearDown();
  }

  http::Response call(const std::string& method, const std::string& target,
                      std::map<std::string, std::string> headers = {}, std::string body = "") {
    http::Request request;
    EXPECT_TRUE(http::parse_target(target, request));
    request.method = method;
    request.headers = std::move(headers);
    request.headers.emplace("host", "parcours.test");
    request.body = std::move(body);
    request.remote_ip = "127.0.0.1";
    return app_->handle(request, 0);
  }

  std::int64_t meta_rows(const std::string& key) {
    return db().acquire()->query_one("SELECT COUNT(*) FROM meta WHERE key = $1", {key})->integer(0);
  }

  fs::path web_root_;
  Config config_;
  std::optional<App> app_;
};

TEST_P(AppTest, HealthzChecksTheDatabase) {
  auto response = call("GET", "/healthz");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, R"({"status":"ok"})");
  EXPECT_EQ(response.header("Cache-Control"), "no-store");
}

TEST_P(AppTest, StaticFilesAreServedWithTheirOwnCachePolicy) {
  auto response = call("GET", "/static/app.0123456789ab.css");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "main{}");
  EXPECT_EQ(response.header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_FALSE(set_cookie(response, "parcours_csrf"));
}

TEST_P(AppTest, MissingStaticFileIsTheUsual404Page) {
  auto response = call("GET", "/static/absent.css");
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(response.header("Content-Type"), "text/html; charset=utf-8");
}

TEST_P(AppTest, UnknownApiPathIsAFrenchProblem) {
  auto response = call("GET", "/api/v1/nothing");
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
  EXPECT_NE(response.body.find("Page introuvable"), std::string::npos);
}

TEST_P(AppTest, WrongMethodIs405WithTheAllowedMethods) {
  auto response = call("DELETE", "/page");
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(response.header("Allow"), "GET, POST, HEAD");
}

TEST_P(AppTest, DynamicPagesAreNotCachedAndGiveTheVisitorACsrfCookie) {
  auto response = call("GET", "/page");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "anonyme flash=-");
  EXPECT_EQ(response.header("Cache-Control"), "no-store");
  EXPECT_EQ(set_cookie(response, "parcours_csrf").value_or("").size(), 43u);
}

TEST_P(AppTest, FormPostWithoutOriginIsRefused) {
  auto token = *set_cookie(call("GET", "/page"), "parcours_csrf");
  auto response = call(
      "POST", "/page",
      {{"cookie", "parcours_csrf=" + token}, {"content-type", "application/x-www-form-urlencoded"}},
      "csrf_token=" + token);
  EXPECT_EQ(response.status, 403u);
  EXPECT_EQ(response.header("Content-Type"), "text/html; charset=utf-8");
}

TEST_P(AppTest, FormPostWithOriginAndTokenPassesAndSetsAFlashShownOnce) {
  auto token = *set_cookie(call("GET", "/page"), "parcours_csrf");
  auto posted = call("POST", "/page",
                     {{"cookie", "parcours_csrf=" + token},
                      {"origin", "http://parcours.test"},
                      {"content-type", "application/x-www-form-urlencoded"}},
                     "csrf_token=" + token);
  EXPECT_EQ(posted.status, 303u);
  auto flash = set_cookie(posted, "parcours_flash");
  ASSERT_TRUE(flash);

  auto shown = call("GET", "/page", {{"cookie", "parcours_flash=" + *flash}});
  EXPECT_EQ(shown.body, "anonyme flash=Structure créée.");
  EXPECT_EQ(set_cookie(shown, "parcours_flash"), "");  // cleared
}

TEST_P(AppTest, ApiCallWithoutSessionCookieNeedsNoCsrfToken) {
  auto response = call("POST", "/api/v1/things", {{"content-type", "application/json"}}, "{}");
  EXPECT_EQ(response.status, 201u);
}

TEST_P(AppTest, SessionOfADeactivatedAccountIsDestroyedAndItsCookieCleared) {
  std::string token;
  {
    auto conn = db().acquire();
    auto user = conn->query_one(
        "INSERT INTO users (email, name, active, created_at, updated_at) "
        "VALUES ('parti@example.fr', 'Parti', 0, $1, $1) RETURNING id",
        {now_seconds()});
    token = http::create_session(*conn, user->integer(0), std::nullopt).token;
  }
  auto response = call("GET", "/page", {{"cookie", "parcours_session=" + token}});
  EXPECT_EQ(response.body, "anonyme flash=-");
  EXPECT_EQ(set_cookie(response, "parcours_session"), "");
  EXPECT_EQ(db().acquire()->query_one("SELECT COUNT(*) FROM sessions")->integer(0), 0);
}

TEST_P(AppTest, HandlerThatThrowsGivesA500AndItsWritesAreRolledBack) {
  auto response = call("GET", "/boom");
  EXPECT_EQ(response.status, 500u);
  EXPECT_EQ(meta_rows("boom"), 0);
  EXPECT_EQ(call("GET", "/page").status, 200u);  // the worker's connection is usable again
}

TEST_P(AppTest, TransactionLeftOpenByAHandlerIsRolledBack) {
  auto response = call("GET", "/forgotten");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(meta_rows("forgotten"), 0);
}

TEST_P(AppTest, DemoDatabaseIsFlaggedForTheBanner) {
  db().acquire()->execute("INSERT INTO meta (key, value) VALUES ('demo', '1')");
  EXPECT_EQ(call("GET", "/page").body, "demo anonyme flash=-");
}

INSTANTIATE_TEST_SUITE_P(Engines, AppTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::app
