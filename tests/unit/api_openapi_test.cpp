// The OpenAPI document (docs/api/openapi.json) against the routes the server registers: every
// /api/v1 route is documented with its method, every documented path and method is served, and
// every operation that needs a token documents the 401 and 429 problems. `npx redocly lint`
// checks the document itself (tests/http/openapi.test.mjs).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "app/routes.h"
#include "core/config.h"
#include "core/http/router.h"

namespace parcours {
namespace {

namespace json = boost::json;

json::object load_document() {
  std::ifstream in(resource_dir("", "docs/api") + "/openapi.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return json::parse(buffer.str()).as_object();
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::set<std::pair<std::string, std::string>> served() {
  http::Router router;
  app::register_all_routes(router);
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& [method, pattern] : router.list()) {
    if (pattern.starts_with("/api/v1/")) out.emplace(lower(method), pattern);
  }
  return out;
}

std::set<std::pair<std::string, std::string>> documented(const json::object& document) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      out.emplace(std::string(method), std::string(path));
    }
  }
  return out;
}

TEST(ApiOpenApi, EveryRouteIsDocumented) {
  auto document = load_document();
  auto docs = documented(document);
  for (const auto& route : served()) {
    EXPECT_TRUE(docs.contains(route)) << route.first << " " << route.second
                                      << " est servie mais absente de docs/api/openapi.json";
  }
}

TEST(ApiOpenApi, EveryDocumentedPathIsServed) {
  auto document = load_document();
  auto routes = served();
  auto docs = documented(document);
  EXPECT_GT(docs.size(), 3u);
  for (const auto& operation : docs) {
    EXPECT_TRUE(routes.contains(operation))
        << operation.first << " " << operation.second << " est documentée mais pas servie";
  }
}

TEST(ApiOpenApi, OperationsWithATokenDocumentTheirProblems) {
  auto document = load_document();
  EXPECT_EQ(document.at("openapi").as_string(), "3.1.0");
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, value] : item.as_object()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      const auto& operation = value.as_object();
      bool is_public =
          operation.contains("security") && operation.at("security").as_array().empty();
      if (is_public) continue;
      const auto& responses = operation.at("responses").as_object();
      EXPECT_TRUE(responses.contains("401")) << method << " " << path;
      EXPECT_TRUE(responses.contains("429")) << method << " " << path;
      EXPECT_TRUE(responses.contains("403")) << method << " " << path;
    }
  }
}

}  // namespace
}  // namespace parcours
