#include "features/api/routes.h"

#include <fstream>
#include <mutex>
#include <sstream>

#include "core/config.h"
#include "features/api/auth.h"
#include "features/api/journey_parts.h"
#include "features/api/journeys.h"
#include "features/api/pages.h"
#include "features/api/persons.h"
#include "features/api/referrals.h"

namespace parcours::api {
namespace {

// The OpenAPI document, read once from docs/api/openapi.json (next to the binary's sources, or
// the current directory's docs/api).
const std::string& openapi_document() {
  static std::once_flag once;
  static std::string document;
  std::call_once(once, [] {
    std::ifstream in(resource_dir("", "docs/api") + "/openapi.json", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    document = buffer.str();
  });
  return document;
}

// GET /api/v1/openapi.json — public.
http::Response openapi(http::Context&) {
  const auto& document = openapi_document();
  if (document.empty()) return problem(503, "Le document OpenAPI est introuvable sur le serveur.");
  auto response = http::Response::json(document);
  response.set_header("Cache-Control", "public, max-age=300");
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/api/v1/openapi.json", openapi);
  register_person_routes(router);
  register_journey_routes(router);
  register_journey_part_routes(router);
  register_referral_routes(router);
  register_token_pages(router);
}

}  // namespace parcours::api
