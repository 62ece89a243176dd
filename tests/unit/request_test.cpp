#include "core/http/request.h"

#include <gtest/gtest.h>

#include "core/http/url.h"

namespace parcours::http {
namespace {

TEST(Request, TargetIsSplitIntoDecodedPathAndQuery) {
  Request request;
  ASSERT_TRUE(parse_target("/communes/Saint%20%C3%89tienne?q=%C3%A9p%C3%A9e+bois&page=2", request));
  EXPECT_EQ(request.path, "/communes/Saint Étienne");
  EXPECT_EQ(request.query_value("q"), "épée bois");
  EXPECT_EQ(request.query_value("page"), "2");
  EXPECT_EQ(request.query_value("absent"), "");
}

TEST(Request, PlusInThePathStaysAPlus) {
  Request request;
  ASSERT_TRUE(parse_target("/a+b", request));
  EXPECT_EQ(request.path, "/a+b");
}

TEST(Request, RejectsTargetsThatAreNotPathsOrDoNotDecode) {
  Request request;
  EXPECT_FALSE(parse_target("http://example.org/", request));
  EXPECT_FALSE(parse_target("/bad%zz", request));
  EXPECT_FALSE(parse_target("/truncated%4", request));
  EXPECT_FALSE(parse_target("/nul%00byte", request));
}

TEST(Request, RepeatedQueryFieldsAreAllKept) {
  Request request;
  ASSERT_TRUE(parse_target("/x?role=a&role=b", request));
  EXPECT_EQ(request.query.count("role"), 2u);
  EXPECT_EQ(request.query_value("role"), "a");
}

TEST(Request, FormFieldsAreDecodedFromUrlencodedBody) {
  Request request;
  request.headers["content-type"] = "application/x-www-form-urlencoded; charset=UTF-8";
  request.body = "email=marie%40example.fr&name=Marie+Curie&role=a&role=b&empty=&flag";
  EXPECT_EQ(request.form_value("email"), "marie@example.fr");
  EXPECT_EQ(request.form_value("name"), "Marie Curie");
  EXPECT_EQ(request.form_values("role"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(request.form_value("empty"), "");
  EXPECT_EQ(request.form().count("flag"), 1u);
}

TEST(Request, BodyOfAnotherTypeHasNoFormFields) {
  Request request;
  request.headers["content-type"] = "application/json";
  request.body = "email=marie%40example.fr";
  EXPECT_TRUE(request.form().empty());
}

TEST(Request, CookiesAreFoundByNameAmongOthers) {
  Request request;
  request.headers["cookie"] = "theme=dark;  parcours_session=abc123 ; other=\"quoted\"";
  EXPECT_EQ(request.cookie("parcours_session"), "abc123");
  EXPECT_EQ(request.cookie("other"), "quoted");
  EXPECT_EQ(request.cookie("theme"), "dark");
  EXPECT_FALSE(request.cookie("parcours").has_value());
}

TEST(Request, HeaderLookupIgnoresCase) {
  Request request;
  request.headers["x-csrf-token"] = "t";
  EXPECT_EQ(request.header("X-CSRF-Token"), "t");
  EXPECT_EQ(request.header("missing"), "");
}

TEST(Request, WantsJsonUnderApiOrWhenAskedFor) {
  Request api;
  api.path = "/api/v1/geo/communes";
  EXPECT_TRUE(api.wants_json());
  Request page;
  page.path = "/orgs";
  EXPECT_FALSE(page.wants_json());
  page.headers["accept"] = "application/json";
  EXPECT_TRUE(page.wants_json());
}

TEST(Request, UrlEncodeEscapesEverythingButUnreservedCharacters) {
  EXPECT_EQ(url_encode("Créée : 100 % & a=b/c~d_e.f-g"),
            "Cr%C3%A9%C3%A9e%20%3A%20100%20%25%20%26%20a%3Db%2Fc~d_e.f-g");
  EXPECT_EQ(percent_decode(url_encode("Structure créée."), true), "Structure créée.");
}

}  // namespace
}  // namespace parcours::http
