// Exchange in the data·inclusion v1 format (data/reference/data-inclusion/v1): import of
// structures and services from a JSON array or JSON lines (one record per line, streamed), and
// export of the published catalogue as records that validate against the same schemas.
//
// Import: every record is validated against its schema (a record with "structure_id" is a
// service, otherwise a structure), then by the catalogue's field checks, then its zone codes
// against the geography (unknown codes are dropped with a notice, as data·inclusion does; a
// service left with none is rejected). Records are upserted by (source, id): an identical record
// changes nothing, so an import can be rerun safely. A service whose structure is neither in the
// database nor in the file is rejected with that reason. Records of source "parcours" are left
// alone (they are edited in Parcours). Writes go in transactions of kImportBatch records, each
// with one journal event when it changed something, and reindex the changed services. Reading,
// parsing and checking run in a thread of their own, ahead of the writes (in the file's order;
// the listener is called from the calling thread only).
//
//   auto report = search::import_data_inclusion(conn, in, [](const ImportLine& l) {...});
//   search::export_data_inclusion(conn, ExportKind::kServices, std::cout);
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::search {

inline constexpr std::size_t kImportBatch = 2000;

// One message about one record: rejected (its errors, one line each) or a notice.
struct ImportLine {
  std::size_t record = 0;  // line number (JSON lines) or position from 1 (JSON array)
  std::string id;          // the record's data·inclusion id, when it has one
  std::string message;  // "thematiques[1] : « mobilite--velo » n’est pas une valeur autorisée"
  bool rejected = true;  // false for a notice (the record was imported)
  // « enregistrement 12 (dora--42) : thematiques[1] : … »
  std::string text() const;
};

struct ImportReport {
  std::int64_t records = 0;
  std::int64_t structures_created = 0;
  std::int64_t structures_updated = 0;
  std::int64_t structures_unchanged = 0;
  std::int64_t services_created = 0;
  std::int64_t services_updated = 0;
  std::int64_t services_unchanged = 0;
  std::int64_t rejected = 0;  // records not imported
  std::int64_t skipped = 0;   // records of source "parcours"
  // The French summary line printed at the end of an import.
  std::string summary() const;
};

using ImportListener = std::function<void(const ImportLine&)>;

// Reads the whole stream (JSON array, or JSON lines when it does not start with "["). kInvalid
// when the stream is not JSON at all (an array that does not parse); bad lines of a JSON lines
// file are rejected records, the others are imported.
Result<ImportReport> import_data_inclusion(store::Connection& conn, std::istream& in,
                                           const ImportListener& listener = {});

enum class ExportKind { kServices, kStructures };

// Writes a JSON array of the published services (or of the structures that have at least one
// published service) in the data·inclusion format, by id; returns the number of records.
std::int64_t export_data_inclusion(store::Connection& conn, ExportKind kind, std::ostream& out);

// One page of the export, for the API: records with id > `after` (the cursor), at most `limit`.
struct ExportPage {
  boost::json::array items;
  std::optional<std::int64_t> next_after;
};
ExportPage export_page(store::Connection& conn, ExportKind kind, std::int64_t after, int limit);

}  // namespace parcours::search
