// The search index of published services (migration 0011): which zones a service is open to
// (service_zones), its thématiques with their categories (service_thematiques), the folded words
// of its name and description (service_terms) and what a search reads of it (service_search).
// Every change to a service (create, edit, publish, archive, import) calls reindex_service in
// the same transaction; a service that is not published has no index rows.
//
//   search::reindex_service(conn, service_id);
//   auto words = search::text_terms("Vélo-école à Sedan");  // "velo", "ecole", "sedan"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/db.h"

namespace parcours::search {

// The zone row of a service whose zone_eligibilite is empty: open to anyone (data·inclusion
// reads a missing zone so), within reach of its place for in-person services.
inline constexpr std::string_view kAnyZone = "*";

// Reads the services row, rewrites its index rows; removes them when the service is not
// published (draft, archived) or no longer exists.
void reindex_service(store::Connection& conn, std::int64_t service_id);

// reindex_service for many services, with multi-row statements (imports). Without
// `commune_centres`, the centres of their communes are left as they are: an import refreshes
// them all once at its end (refresh_commune_centres), much cheaper than batch by batch.
void reindex_services(store::Connection& conn, const std::vector<std::int64_t>& service_ids,
                      bool commune_centres = true);

// Rebuilds the whole index from the services table; returns the number of published services.
std::int64_t reindex_all(store::Connection& conn);

// Recomputes commune_centres: the geography has no coordinates, so the centre of a commune is
// the mean position of the published services located in it (code_insee). reindex_service
// keeps the centre of the service's commune up to date; this rebuilds them all (reindex_all).
// Returns the number of communes with a centre.
std::int64_t refresh_commune_centres(store::Connection& conn);

// The folded words of a text (text::fold_for_search), without duplicates, without the common
// French words that say nothing of a service ("de", "la", "pour"...) nor one-letter words.
std::vector<std::string> text_terms(std::string_view text);

// The category of a thématique code: "mobilite--louer-un-vehicule" -> "mobilite";
// a category is its own category.
std::string thematique_category(std::string_view code);

}  // namespace parcours::search
