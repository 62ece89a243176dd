#include "features/geo/routes.h"

#include <boost/json.hpp>
#include <charconv>

#include "core/text.h"
#include "features/geo/communes.h"

namespace parcours::geo {
namespace {

constexpr int kDefaultLimit = 10;
constexpr int kMaxLimit = 50;

boost::json::object commune_json(const Commune& c) {
  boost::json::array postcodes;
  for (const auto& p : c.postcodes) postcodes.emplace_back(p);
  boost::json::value epci = nullptr;
  if (c.epci) epci = *c.epci;
  return {{"code", c.code},
          {"nom", c.name},
          {"codes_postaux", std::move(postcodes)},
          {"departement", c.departement},
          {"epci", std::move(epci)}};
}

// Splits "08,51" into codes; empty when absent.
std::vector<std::string> departement_list(const std::string& value) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start <= value.size() && !value.empty()) {
    std::size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    std::string code = text::trim(std::string_view(value).substr(start, end - start));
    if (!code.empty()) codes.push_back(code);
    start = end + 1;
  }
  return codes;
}

// GET /api/v1/geo/communes?q=&limit=&departements= — public: communes by name or postcode,
// most populated first.
http::Response search(http::Context& ctx) {
  std::string query = ctx.request.query_value("q");
  std::string folded = text::fold_for_search(query);
  if (folded.size() < 2) {
    return http::Response::problem(
        400, "Recherche trop courte",
        "Le paramètre « q » doit contenir au moins 2 caractères (nom ou code postal).");
  }
  int limit = kDefaultLimit;
  std::string limit_text = ctx.request.query_value("limit");
  if (!limit_text.empty()) {
    auto [end, ec] =
        std::from_chars(limit_text.data(), limit_text.data() + limit_text.size(), limit);
    if (ec != std::errc() || end != limit_text.data() + limit_text.size() || limit < 1 ||
        limit > kMaxLimit) {
      return http::Response::problem(400, "Paramètre invalide",
                                     "Le paramètre « limit » doit être un nombre entre 1 et 50.");
    }
  }
  auto communes = search_communes(ctx.db, query, limit,
                                  departement_list(ctx.request.query_value("departements")));
  boost::json::array out;
  for (const auto& c : communes) out.emplace_back(commune_json(c));
  auto response = http::Response::json(boost::json::serialize(out));
  // Reference data changes once a year at most.
  response.set_header("Cache-Control", "public, max-age=3600");
  return response;
}

}  // namespace

void register_routes(http::Router& router) { router.add("GET", "/api/v1/geo/communes", search); }

}  // namespace parcours::geo
