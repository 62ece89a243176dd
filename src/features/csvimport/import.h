// Import of person files (CSV) for an organisation, in two passes over the file, each a stream
// (the file is never held in memory):
//
// 1. preview — every row is classified as to create, to update, unchanged or error (with the
//    French reason naming the line and the column) and nothing about persons is written: the
//    classification is kept in csv_import_lines (phase "preview") for the preview page.
// 2. apply — after the user confirms: the same classification again (the data may have moved
//    since), and each good row written, in transactions of `batch` rows; a row that fails while
//    written is rolled back alone (its batch is replayed row by row), so that no row is ever
//    half-written. The report (phase "report") has the same shape; it is mailed to the uploader.
//
// Rows are matched to persons as the CAF flux import does (people/known.h): NIR, identifier of
// the département (in the organisation's territory), France Travail id, then CAF matricule with
// the same birth date and first names. A row needs one of these identifiers (without one the
// next import could not find the person again: it would create a duplicate). A new person is
// created in the organisation's territory with a journey "à orienter" (entry import) opened by
// the organisation; a known person gets the values of the file that differ (each value's source
// the file; one person.updated event per section naming the fields). Rerunning the same file
// changes nothing. A person followed in another territory is not touched (error line).
//
//   auto id = start_import(conn, {.organisation_id = org, .user_id = u, .file_name = "x.csv",
//                                 .path = stored});
//   auto preview = run(conn, id, Phase::kPreview);   // classification only
//   auto report = run(conn, id, Phase::kApply);      // writes
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/csvimport/csv.h"
#include "features/csvimport/mapping.h"

namespace parcours::csvimport {

inline constexpr std::size_t kDefaultBatch = 500;

enum class Phase { kPreview, kApply };

struct NewImport {
  std::int64_t organisation_id = 0;
  std::optional<std::int64_t> user_id;
  std::string file_name;  // as uploaded: the source of values
  std::string path;       // the stored file
  // The mapping; empty: the organisation's (remembered, else guessed from the headers).
  std::optional<Mapping> mapping;
};

struct Import {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t territory_id = 0;
  std::optional<std::int64_t> user_id;
  std::string file_name;
  std::string stored_path;
  std::string encoding;
  std::string separator;
  Mapping mapping;
  std::vector<std::string> headers;  // not stored: read again from the file when needed
  std::string status;                // new, previewed, importing, done, refused, failed
  std::string message;
  std::int64_t rows_total = 0;
  std::int64_t to_create = 0, to_update = 0, to_leave = 0, to_reject = 0;
  std::int64_t created = 0, updated = 0, unchanged = 0, errors = 0;
  std::int64_t started_at = 0;
  std::optional<std::int64_t> previewed_at;
  std::optional<std::int64_t> finished_at;

  // "1 200 lignes : 30 à créer, 12 à mettre à jour, 1 150 inchangées, 8 en erreur"
  std::string preview_summary() const;
  // "1 200 lignes : 30 personnes créées, 12 mises à jour, 1 150 inchangées, 8 lignes en erreur"
  std::string report_summary() const;
};

struct Line {
  std::int64_t line = 0;
  std::string outcome;  // create, update, unchanged, error
  std::optional<std::int64_t> person_id;
  std::string message;
};

// Detects the file's format, reads its header, records the import (status "new") with the
// mapping (given, else the organisation's). kInvalid when the file is empty or has no header;
// kNotFound for an unknown organisation.
Result<std::int64_t> start_import(store::Connection& conn, const NewImport& import);

struct RunOptions {
  std::size_t batch = kDefaultBatch;
  bool mail = true;  // apply: mail the report to the uploader
  std::function<void(std::int64_t rows_done)> progress;
};
// Runs a pass. kInvalid when the mapping lacks the names (nothing done), kNotFound when the
// import or its file is gone. Apply sets status "done" and returns the import.
Result<Import> run(store::Connection& conn, std::int64_t import_id, Phase phase,
                   const RunOptions& options = {});

// How long an uploaded file waits for its import to be confirmed before it is deleted.
inline constexpr std::int64_t kUnconfirmedLifetimeSeconds = 24 * 3600;

// Deletes the files of the imports left unconfirmed (new or previewed) since before `cutoff`,
// marks those imports "expired" and journals it; returns how many. The files hold personal data:
// none stays on the server because nobody came back to confirm.
int expire_unconfirmed(store::Connection& conn, std::int64_t cutoff);

std::optional<Import> find_import(store::Connection& conn, std::int64_t id);
std::vector<Import> list_imports(store::Connection& conn, std::int64_t organisation_id,
                                 int limit = 20);
// The lines of a phase, in file order, after line `after`, of one outcome when given.
std::vector<Line> lines(store::Connection& conn, std::int64_t import_id, Phase phase,
                        std::optional<std::string> outcome, std::int64_t after, int limit);
// The headers of the import's file (its first record).
std::vector<std::string> read_headers(const Import& import);
// Replaces the mapping of an import not yet applied (the preview must be run again).
void set_import_mapping(store::Connection& conn, std::int64_t import_id, const Mapping& mapping);

// The import as one JSON object: counters, format, and the lines of the phase.
std::string import_json(store::Connection& conn, const Import& import, Phase phase,
                        bool with_lines = true);

// "À créer", "Créée", ...
std::string outcome_label(std::string_view outcome, Phase phase);

}  // namespace parcours::csvimport
