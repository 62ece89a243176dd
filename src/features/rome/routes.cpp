#include "features/rome/routes.h"

#include <boost/json.hpp>
#include <charconv>

#include "features/rome/appellations.h"
#include "features/rome/policy.h"

namespace parcours::rome {
namespace {

namespace json = boost::json;

http::Response problem(unsigned status, const std::string& detail, const std::string& field = {}) {
  ErrorCode code = status == 401   ? ErrorCode::kUnauthenticated
                   : status == 403 ? ErrorCode::kForbidden
                                   : ErrorCode::kInvalid;
  json::object body{{"type", "about:blank"},
                    {"title", error_title(code)},
                    {"status", status},
                    {"detail", detail}};
  if (!field.empty()) body["field"] = field;
  auto response = http::Response::json(json::serialize(body), status);
  response.set_header("Content-Type", "application/problem+json");
  return response;
}

// GET /api/v1/rome/appellations?q=&limit= — a signed-in professional (or a person in their
// space): ROME job titles whose words start with every word of q, at most `limit` (1-50, 20).
http::Response search(http::Context& ctx) {
  if (!ctx.actor && !ctx.person_session) {
    return problem(401, "Connectez-vous pour rechercher un métier.");
  }
  if (!may_search_appellations(ctx.actor, ctx.person_session.has_value())) {
    return problem(403, "Votre compte ne permet pas de rechercher un métier.");
  }
  int limit = 20;
  std::string limit_text = ctx.request.query_value("limit");
  if (!limit_text.empty()) {
    auto [end, ec] =
        std::from_chars(limit_text.data(), limit_text.data() + limit_text.size(), limit);
    if (ec != std::errc() || end != limit_text.data() + limit_text.size() || limit < 1 ||
        limit > kMaxResults) {
      return problem(422, "Le paramètre « limit » doit être un nombre entre 1 et 50.", "limit");
    }
  }
  auto hits = search_appellations(ctx.db, ctx.request.query_value("q"), limit);
  if (!hits) return problem(422, "Paramètre « q » : " + hits.error().message, "q");
  json::array out;
  for (const auto& a : *hits) {
    out.push_back(json::object{{"code_rome", a.code_rome}, {"appellation", a.label}});
  }
  auto response = http::Response::json(json::serialize(out));
  response.set_header("Cache-Control", "private, max-age=3600");
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/api/v1/rome/appellations", search);
}

}  // namespace parcours::rome
