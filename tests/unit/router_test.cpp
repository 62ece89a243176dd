#include "core/http/router.h"

#include <gtest/gtest.h>

#include "unit/no_database.h"

namespace parcours::http {
namespace {

Handler answering(std::string body) {
  return [body](Context&) { return Response::text(body); };
}

// Which handler matched is told by the body it produces.
std::string body_of(const RouteMatch& match) {
  if (!match.handler) return "(aucune route)";
  Request request;
  testing::NoDatabase db;
  Config config;
  Context ctx{request, db, config};
  return (*match.handler)(ctx).body;
}

TEST(Router, CapturesPathParameters) {
  Router router;
  router.add("GET", "/orgs/{org}/members/{id}", answering("member"));
  auto match = router.match("GET", "/orgs/12/members/7");
  ASSERT_NE(match.handler, nullptr);
  EXPECT_EQ(match.params.at("org"), "12");
  EXPECT_EQ(match.params.at("id"), "7");
}

TEST(Router, UnknownPathHasNoHandlerAndNoAllowedMethods) {
  Router router;
  router.add("GET", "/orgs", answering("list"));
  auto match = router.match("GET", "/territoires");
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_TRUE(match.allowed_methods.empty());
}

TEST(Router, KnownPathWithOtherMethodListsAllowedMethods) {
  Router router;
  router.add("GET", "/orgs", answering("list"));
  router.add("POST", "/orgs", answering("create"));
  auto match = router.match("DELETE", "/orgs");
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "POST", "HEAD"}));
}

TEST(Router, LiteralSegmentWinsOverParameterWhateverTheOrder) {
  Router router;
  router.add("GET", "/orgs/{id}", answering("show"));
  router.add("GET", "/orgs/new", answering("new"));
  EXPECT_EQ(body_of(router.match("GET", "/orgs/new")), "new");
  EXPECT_EQ(body_of(router.match("GET", "/orgs/5")), "show");
}

TEST(Router, HeadIsServedByTheGetHandler) {
  Router router;
  router.add("GET", "/healthz", answering("ok"));
  auto match = router.match("HEAD", "/healthz");
  ASSERT_NE(match.handler, nullptr);
  EXPECT_EQ(body_of(match), "ok");
}

TEST(Router, ParameterDoesNotMatchAnEmptySegmentOrSeveralSegments) {
  Router router;
  router.add("GET", "/orgs/{id}", answering("show"));
  EXPECT_EQ(router.match("GET", "/orgs/").handler, nullptr);
  EXPECT_EQ(router.match("GET", "/orgs/3/extra").handler, nullptr);
}

TEST(Router, TrailingSlashIsADifferentPath) {
  Router router;
  router.add("GET", "/orgs", answering("list"));
  EXPECT_NE(router.match("GET", "/orgs").handler, nullptr);
  EXPECT_EQ(router.match("GET", "/orgs/").handler, nullptr);
}

TEST(Router, RootPathMatches) {
  Router router;
  router.add("GET", "/", answering("home"));
  EXPECT_EQ(body_of(router.match("GET", "/")), "home");
  EXPECT_EQ(router.match("GET", "/x").handler, nullptr);
}

}  // namespace
}  // namespace parcours::http
