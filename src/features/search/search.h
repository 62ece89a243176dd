// Searching the published services, for the public page (/services), the API
// (/api/v1/search/services, data·inclusion's parameters) and the matching of a person's needs.
//
// Eligibility: with a commune, a service is eligible when its zone_eligibilite contains the
// commune, its EPCI, its département or "france" (or is empty: open to anyone); among those,
// in-person services further than kMaxDistanceKm from the commune are left out, services
// offered "a-distance" always count (data·inclusion's rule). Filters: thématiques (a category
// such as "mobilite" or a sub-theme; any of them), frais, types, modes d'accueil (any of them),
// publics (any of them; "tous-publics" services always match). Text: every word of `q` must
// begin a word of the name or the description, in any order, accents, case and hyphens ignored.
//
// Order: with a commune, by distance from its centre when known (in-person services with
// coordinates), the others after, by relevance (text found in the name first, then quality
// score); without a commune, by relevance (text: the matching word in alphabetical order, name
// before description) or by id. The cursor holds the last result's sort key and id, so a page
// never shifts when services are added or removed before it.
//
//   auto page = search::search_services(conn, {.code_commune = "08105",
//                                              .thematiques = {"mobilite"}});
//   for (const auto& hit : page->hits) ... hit.service_id, hit.distance_km
//   ... search_services(conn, {..., .cursor = *page->next_cursor});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::search {

inline constexpr double kMaxDistanceKm = 50;
inline constexpr int kMaxLimit = 100;

struct ServiceQuery {
  std::string code_commune;              // INSEE code, field "code_commune"
  std::vector<std::string> thematiques;  // categories or sub-themes
  std::vector<std::string> frais;
  std::vector<std::string> types;
  std::vector<std::string> publics;
  std::vector<std::string> modes_accueil;
  std::string q;       // free text
  std::string cursor;  // from a previous page, empty for the first
  int limit = 20;      // 1..kMaxLimit
};

struct ServiceHit {
  std::int64_t service_id = 0;
  std::optional<std::int64_t> distance_km;  // from the commune's centre (in-person services)
};

struct ServicePage {
  std::vector<ServiceHit> hits;
  std::optional<std::string> next_cursor;
  bool by_distance = false;   // a commune centre was known: results sorted by distance
  std::string commune_label;  // "Sedan (08409)" when a commune was given
};

// kInvalid naming the parameter (code_commune unknown, a code outside the vocabulary, q too
// long, a malformed cursor or limit).
Result<ServicePage> search_services(store::Connection& conn, const ServiceQuery& query);

// Great-circle distance in kilometres.
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace parcours::search
