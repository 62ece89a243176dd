#include "core/http/csrf.h"

#include <gtest/gtest.h>

#include "core/http/tokens.h"
#include "unit/no_database.h"

namespace parcours::http {
namespace {

class CsrfTest : public ::testing::Test {
 protected:
  CsrfTest() { config_.public_url = "https://parcours.example.fr"; }

  // A POST of a form carrying `token`, with the given Origin and Host.
  Context post(const std::string& origin, const std::string& token,
               const std::string& host = "parcours.example.fr") {
    request_.method = "POST";
    request_.path = "/orgs";
    request_.headers["host"] = host;
    if (!origin.empty()) request_.headers["origin"] = origin;
    request_.headers["content-type"] = "application/x-www-form-urlencoded";
    request_.body = "name=Mission+locale&csrf_token=" + token;
    Context ctx{request_, db_, config_};
    ctx.csrf_token = kToken;
    return ctx;
  }

  const std::string kToken = random_token();
  Request request_;
  testing::NoDatabase db_;
  Config config_;
};

TEST_F(CsrfTest, AcceptsThePublicOriginWithTheRightToken) {
  EXPECT_TRUE(check_csrf(post("https://parcours.example.fr", kToken)));
}

TEST_F(CsrfTest, AcceptsTheOriginOfTheHostTheRequestWasSentTo) {
  EXPECT_TRUE(check_csrf(post("http://127.0.0.1:41234", kToken, "127.0.0.1:41234")));
}

TEST_F(CsrfTest, DefaultPortsAreImplied) {
  config_.public_url = "https://parcours.example.fr:443/";
  EXPECT_TRUE(check_csrf(post("https://parcours.example.fr", kToken, "autre.example.fr")));
}

TEST_F(CsrfTest, RefusesAnotherSiteEvenWithTheRightToken) {
  auto result = check_csrf(post("https://evil.example.com", kToken));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kForbidden);
  EXPECT_NE(result.error().message.find("autre site"), std::string::npos);
}

TEST_F(CsrfTest, RefusesARequestWithNeitherOriginNorReferer) {
  auto result = check_csrf(post("", kToken));
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("origine"), std::string::npos);
}

TEST_F(CsrfTest, FallsBackToTheRefererWhenOriginIsAbsent) {
  auto ctx = post("", kToken);
  request_.headers["referer"] = "https://parcours.example.fr/orgs/new?x=1";
  EXPECT_TRUE(check_csrf(ctx));
  request_.headers["referer"] = "https://evil.example.com/parcours.example.fr";
  EXPECT_FALSE(check_csrf(ctx));
}

TEST_F(CsrfTest, RefusesAWrongOrMissingToken) {
  EXPECT_FALSE(check_csrf(post("https://parcours.example.fr", random_token())));
  EXPECT_FALSE(check_csrf(post("https://parcours.example.fr", "")));
  EXPECT_FALSE(check_csrf(post("https://parcours.example.fr", kToken.substr(1))));
}

TEST_F(CsrfTest, AcceptsTheTokenInAHeaderForScripts) {
  auto ctx = post("https://parcours.example.fr", "");
  request_.headers["x-csrf-token"] = kToken;
  EXPECT_TRUE(check_csrf(ctx));
}

TEST_F(CsrfTest, AnonymousVisitorGetsANewTokenCookieOnce) {
  Request request;
  Context ctx{request, db_, config_};
  ensure_csrf_token(ctx);
  EXPECT_EQ(ctx.csrf_token.size(), kTokenLength);
  ASSERT_EQ(ctx.response_headers.size(), 1u);
  EXPECT_EQ(ctx.response_headers[0].first, "Set-Cookie");
  EXPECT_TRUE(ctx.response_headers[0].second.starts_with("parcours_csrf=" + ctx.csrf_token));
  EXPECT_NE(ctx.response_headers[0].second.find("HttpOnly"), std::string::npos);
  EXPECT_NE(ctx.response_headers[0].second.find("Secure"), std::string::npos);

  Request next;
  next.headers["cookie"] = "parcours_csrf=" + ctx.csrf_token;
  Context again{next, db_, config_};
  ensure_csrf_token(again);
  EXPECT_EQ(again.csrf_token, ctx.csrf_token);
  EXPECT_TRUE(again.response_headers.empty());
}

TEST_F(CsrfTest, SignedInVisitorUsesTheTokenOfTheSession) {
  Request request;
  request.headers["cookie"] = "parcours_csrf=" + random_token();
  Context ctx{request, db_, config_};
  ctx.session = Session{1, 2, kToken, std::nullopt};
  ensure_csrf_token(ctx);
  EXPECT_EQ(ctx.csrf_token, kToken);
  EXPECT_TRUE(ctx.response_headers.empty());
}

}  // namespace
}  // namespace parcours::http
