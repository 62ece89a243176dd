// The column mapping of person files: for each Parcours field, the header of the CSV column
// that holds it. Chosen once per organisation (csv_mappings) and remembered; guessed from the
// usual headers of the départements' software when none was chosen ("NOM", "Prénom",
// "Date de naissance", "N° allocataire", "NIR", "Identifiant France Travail"...). Matched on
// folded headers (case, accents, punctuation ignored), so that "DATE_NAISSANCE" and
// "Date de naissance" are the same column.
//
//   auto mapping = mapping_for(conn, org_id, headers);  // remembered, else guessed
//   save_mapping(conn, org_id, mapping, user_id);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::csvimport {

struct FieldDef {
  const char* key;    // "birth_name"
  const char* label;  // "Nom de naissance"
  const char* hint;   // what the column holds
};
// In the order of the mapping page.
const std::vector<FieldDef>& fields();
const FieldDef* find_field(std::string_view key);

// Parcours field -> header, as written in the file.
using Mapping = std::map<std::string, std::string>;

// "date_naissance", "Date de naissance", "DATE-NAISSANCE" -> "date naissance"
std::string fold_header(std::string_view header);

// The guess from the headers: each field gets the first header among its usual names.
Mapping guess_mapping(const std::vector<std::string>& headers);

// The organisation's mapping, if one was saved.
std::optional<Mapping> saved_mapping(store::Connection& conn, std::int64_t organisation_id);
// The saved mapping restricted to the headers present, completed by the guess for the fields it
// does not map (a new column in the export) — what the mapping page proposes.
Mapping mapping_for(store::Connection& conn, std::int64_t organisation_id,
                    const std::vector<std::string>& headers);

// kInvalid (field "birth_name" or "first_names") when the names are not mapped; kInvalid naming
// the field when two fields share a column. Journaled (csv.mapping_saved).
Result<void> save_mapping(store::Connection& conn, std::int64_t organisation_id,
                          const Mapping& mapping, std::optional<std::int64_t> user_id);
Result<void> check_mapping(const Mapping& mapping);

std::string mapping_json(const Mapping& mapping);
Mapping parse_mapping_json(std::string_view json);

}  // namespace parcours::csvimport
