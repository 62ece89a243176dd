// CSV exports of a territory for its managers: the persons and the journeys, in the format
// French spreadsheet software opens as is — UTF-8 with a BOM, `;` between fields, CRLF line
// ends, fields quoted when they hold `;`, `"` or a line break, French headers, dates as
// JJ/MM/AAAA (instants in Paris time). Cells that a spreadsheet would run as a formula (starting
// with = @ or + - not followed by a digit) are prefixed with an apostrophe.
//
// Streamed: rows are read 1,000 at a time (keyset on id) and written to a file as they come, so
// memory stays flat whatever the territory's size; the server then sends that file from disk.
// Each export is journaled (who, which file, how many rows) and logged as a read.
//
//   auto file = exports::export_persons(conn, territory_id, actor_id, out);  // out: std::ostream
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/security/actor.h"
#include "core/store/db.h"

namespace parcours::exports {

using MaybeActor = std::optional<security::Actor>;

// Only a manager of that territory (a national admin has no access to persons).
bool may_export(const MaybeActor& actor, std::int64_t territory_id);

enum class Kind { kPersons, kJourneys };
const char* kind_code(Kind kind);  // "personnes", "parcours"

// One CSV field, quoted if needed, formula-protected; appended to `out`.
void append_field(std::string& out, std::string_view value);
// "1984-05-07" → "07/05/1984"; "" when empty or malformed.
std::string french_date(std::string_view iso_date);
// An instant as its date in Paris: "27/11/2026".
std::string french_date_of(std::int64_t unix_seconds);

// Writes the whole CSV (BOM, header, rows) to `out`; returns the number of data rows. Journals
// the export (kind "export.persons" / "export.journeys") and logs the read, in one transaction
// after the rows are written.
std::int64_t write_export(store::Connection& conn, Kind kind, std::int64_t territory_id,
                          std::int64_t actor_id, std::ostream& out);

}  // namespace parcours::exports
