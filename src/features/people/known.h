// Finding the person a file's row is about (imports: the CAF flux rules of caf/import.cpp,
// shared here for the person files): first a strong match (NIR, internal id of the territory,
// France Travail id — a France Travail id held by someone with another NIR is not a match),
// then the same CAF matricule with the same birth date and the same first names (folded). Only
// live records.
//
//   auto known = find_known_person(conn, {.territory_id = t, .nir_hash = h, .ft_id = f});
//   if (known) update(known->person_id) else create();
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/store/db.h"

namespace parcours::people {

struct KnownQuery {
  std::int64_t territory_id = 0;
  std::optional<std::string> nir_hash;
  std::optional<std::string> internal_id;
  std::optional<std::string> ft_id;
  std::optional<std::string> caf_number;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::string first_names;
};

struct Known {
  std::int64_t person_id = 0;
  std::string how;  // "même numéro de sécurité sociale", ...
};

std::optional<Known> find_known_person(store::Connection& conn, const KnownQuery& query);

}  // namespace parcours::people
