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
// The bits of service_zones.modes and service_zone_thematiques.modes.
inline constexpr std::int64_t kInPerson = 1;  // en-presentiel
inline constexpr std::int64_t kRemote = 2;    // a-distance

// Reads the services row, rewrites its index rows; removes them when the service is not
// published (draft, archived) or no longer exists.
void reindex_service(store::Connection& conn, std::int64_t service_id);

// reindex_service for many services, with multi-row statements (imports). Without
// `commune_centres`, the centres of their communes are left as they are: an import refreshes
// them all once at its end (refresh_commune_centres), much cheaper than batch by batch.
void reindex_services(store::Connection& conn, const std::vector<std::int64_t>& service_ids,
                      bool commune_centres = true);

// The indexed fields of a published service, as stored (lists as codes, latitude and
// longitude as their column values, frais and type "" when absent).
struct IndexedService {
  std::string name;
  std::string description;
  std::string type;
  std::string frais;
  std::vector<std::string> thematiques;
  std::vector<std::string> publics;
  std::vector<std::string> modes_accueil;
  std::vector<std::string> zone_eligibilite;
  store::Value latitude;
  store::Value longitude;
  double score = 0;
};

// The index rows of one service, computed without the database (an import computes them in
// its reading thread).
struct IndexEntry {
  std::vector<std::string> zones;   // sorted, "*" when none
  std::vector<std::string> themes;  // sorted, with their categories
  std::vector<std::string> in_name;
  std::vector<std::string> in_description;  // not in the name
  std::string name_words;                   // " folded name "
  std::string words;                        // " term term ... "
  std::int64_t modes = 0;
  store::Value latitude;
  store::Value longitude;
  std::string frais;
  std::string type;
  std::string publics;        // " code code "
  std::string modes_accueil;  // " code code "
  double score = 0;
};
IndexEntry index_entry(const IndexedService& service);

// Writes the index rows of published services that have none yet (just inserted by an import:
// what reindex_services would read back from the services rows it has in memory). The centres
// of their communes are left as they are, as reindex_services(..., false).
void index_new_services(store::Connection& conn,
                        std::vector<std::pair<std::int64_t, IndexEntry>>& entries);

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

// Whether every word of a folded text that begins with `prefix` (letters and digits) is among
// its text_terms: true unless `prefix` has fewer than two characters or begins a common word.
// Then the in-name rows of service_terms (weight 0) tell exactly which names have a word
// beginning with `prefix`.
bool indexed_word_prefix(std::string_view prefix);

// The category of a thématique code: "mobilite--louer-un-vehicule" -> "mobilite";
// a category is its own category.
std::string thematique_category(std::string_view code);

}  // namespace parcours::search
