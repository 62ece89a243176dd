// French communes (INSEE codes), searched by name or postcode and resolved from what a user
// typed in a commune field. Names are compared through text::fold_for_search, so accents,
// case, hyphens and apostrophes do not matter. Results come most populated first.
//
//   auto found = search_communes(conn, "charleville", 10);
//   auto commune = resolve_commune(conn, "Sedan", {"08"}, "commune");  // Result<Commune>
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::geo {

struct Commune {
  std::string code;  // INSEE code, e.g. "08105"
  std::string name;
  std::vector<std::string> postcodes;
  std::string departement;
  std::optional<std::string> epci;  // SIREN of its EPCI, when it belongs to one
  std::int64_t population = 0;
};

// Communes whose name words start with the words of `query`, or whose postcode (or INSEE code)
// starts with `query` when it is made of digits. Restricted to `departements` when not empty.
std::vector<Commune> search_communes(store::Connection& conn, std::string_view query, int limit,
                                     const std::vector<std::string>& departements = {});

std::optional<Commune> find_commune(store::Connection& conn, std::string_view code);

// The one commune meant by a field value: "Nom (INSEE)" as the suggestions write it, an INSEE
// code, a postcode with one commune, or an exact name (within `departements` when given).
// kInvalid naming `field` when it is unknown or ambiguous.
Result<Commune> resolve_commune(store::Connection& conn, std::string_view input,
                                const std::vector<std::string>& departements,
                                const std::string& field);

// "Charleville-Mézières (08105)": how a commune is shown in a commune field.
std::string commune_label(const Commune& commune);

// Whether load-geo has run (at least one commune).
bool geography_loaded(store::Connection& conn);

// Whether a département code is known ("08", "2A", "974").
bool departement_exists(store::Connection& conn, std::string_view code);

}  // namespace parcours::geo
