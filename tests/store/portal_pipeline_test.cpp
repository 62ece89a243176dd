// The person session in the app pipeline, on both engines: loaded from its own cookie, giving
// no account, its CSRF token accepted on forms; an expired one cleared; and a staff session in
// the same browser keeps its own token — the person's token does not pass for it.
#include <gtest/gtest.h>

#include "app/app.h"
#include "core/http/sessions.h"
#include "core/http/tokens.h"
#include "core/http/url.h"
#include "features/portal/person_sessions.h"
#include "store/portal_fixture.h"

namespace parcours::portal {
namespace {

std::optional<std::string> set_cookie(const http::Response& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "Set-Cookie" && value.starts_with(name + "=")) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return std::nullopt;
}

class PortalPipelineTest : public test::PortalTest {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    config_.workers = 1;
    config_.public_url = "http://parcours.test";
    http::Router router;
    router.add("GET", "/who", [](http::Context& ctx) {
      std::string person = ctx.person_session ? std::to_string(ctx.person_session->person_id) : "-";
      return http::Response::text("person=" + person + " actor=" + (ctx.actor ? "oui" : "non") +
                                  " csrf=" + ctx.csrf_token);
    });
    router.add("POST", "/who", [](http::Context&) { return http::Response::text("accepté"); });
    app_.emplace(config_, db(), std::move(router));
    person_ = create_person_session(*db().acquire(), sofia_);
  }

  // The app holds a connection of the pool: it goes before the database.
  void TearDown() override {
    app_.reset();
    PortalTest::TearDown();
  }

  http::Response call(const std::string& method, const std::string& cookie,
                      const std::string& body = "") {
    http::Request request;
    EXPECT_TRUE(http::parse_target("/who", request));
    request.method = method;
    request.headers = {{"host", "parcours.test"},
                       {"cookie", cookie},
                       {"origin", "http://parcours.test"},
                       {"content-type", "application/x-www-form-urlencoded"}};
    request.body = body;
    request.remote_ip = "127.0.0.1";
    return app_->handle(request, 0);
  }

  Config config_;
  std::optional<app::App> app_;
  NewPersonSession person_;
};

TEST_P(PortalPipelineTest, ThePersonCookieLoadsTheirSessionWithoutAnAccount) {
  auto response = call("GET", "parcours_espace=" + person_.token);
  EXPECT_EQ(response.body,
            "person=" + std::to_string(sofia_) + " actor=non csrf=" + person_.session.csrf_token);
  EXPECT_FALSE(set_cookie(response, "parcours_csrf"));  // the session carries the token
}

TEST_P(PortalPipelineTest, FormsOfThePersonPassWithTheirTokenOnly) {
  std::string cookie = "parcours_espace=" + person_.token;
  EXPECT_EQ(call("POST", cookie, "csrf_token=" + person_.session.csrf_token).status, 200u);
  EXPECT_EQ(call("POST", cookie, "csrf_token=" + http::random_token()).status, 403u);
  EXPECT_EQ(call("POST", cookie, "").status, 403u);
}

TEST_P(PortalPipelineTest, AStaffSessionInTheSameBrowserKeepsItsOwnToken) {
  auto staff = http::create_session(*db().acquire(), world_.referent, std::nullopt);
  std::string cookies = "parcours_session=" + staff.token + "; parcours_espace=" + person_.token;
  auto page = call("GET", cookies);
  EXPECT_NE(page.body.find("actor=oui csrf=" + staff.session.csrf_token), std::string::npos);
  EXPECT_EQ(call("POST", cookies, "csrf_token=" + person_.session.csrf_token).status, 403u);
  EXPECT_EQ(call("POST", cookies, "csrf_token=" + staff.session.csrf_token).status, 200u);
}

TEST_P(PortalPipelineTest, AnExpiredPersonSessionIsClearedAndTheVisitorIsAnonymous) {
  pin_clock_for_tests(kStart + 13 * 3600);
  auto response = call("GET", "parcours_espace=" + person_.token);
  EXPECT_EQ(response.body.substr(0, 20), "person=- actor=non c");
  EXPECT_EQ(set_cookie(response, "parcours_espace"), "");
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_sessions"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalPipelineTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::portal
