// Import of the CAF/MSA "bénéficiaires RSA" flux into the dossier unique.
//
// 1. The file is validated against vrsb0801.xsd (streamed): an invalid file is refused with its
//    errors and their line, nothing is imported. A file older (DTREF, then creation date) than
//    one already applied is refused too.
//    The command validates in a second thread while the households are applied, the first
//    transaction held open until the verdict (ImportOptions::validate_alongside).
//    The same bytes as a file already imported are answered from the file's SHA-256 at once;
//    a file of a size no import recorded cannot be one, and its hash is computed by the
//    validation as it reads the file.
// 2. Households are read ahead in a thread of their own (read_ahead: cut, hashed, parsed) and
//    applied by steps of kApplyStep in transactions of `batch` households; each
//    transaction also records the import's progress and each household's digest
//    (caf_households). A household whose bytes are those already applied (same digest of the
//    bytes, same territory) is skipped before it is even parsed; else it is parsed and skipped
//    when the digest of what the import reads did not change: the same file twice changes
//    nothing, a later file applies only what changed, and a process killed mid-import then
//    rerun finds the committed households unchanged and resumes with the others — no person
//    lost or duplicated, no event twice.
// 3. Each household goes to the territory covering its commune (NUMCOM), else its département
//    (IDEPARTE); outside every territory it is rejected with that reason.
// 4. Each person is found by the matching rules (NIR, then France Travail id — a France Travail
//    id held by someone with another NIR is not a match —, then CAF matricule with the same
//    birth date and first names). A new person subject to rights and duties whose right is not
//    closed or refused is created (source: the file) with a journey "à orienter" (entry
//    import): the orientation queue. A known person gets the RSA status, rights and duties, no
//    fixed address, CAF matricule, France Travail id, role and spouse from the file when they
//    differ (one person.updated event naming the fields, each field's source the file); a
//    suspension or closure becomes an rsa.suspended or rsa.closed event. An existing person who
//    becomes subject to rights and duties without an active journey in the territory gets one.
// 5. The report (counters, and one line per person created, updated, not created or household
//    rejected) is kept in caf_imports/caf_import_lines and mailed to the territory managers.
//
//   auto report = caf::import_flux(conn, "RSABEM.xml", {.file_name = "RSABEM.xml"});
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/caf/flux.h"

namespace parcours::caf {

inline constexpr std::size_t kDefaultBatch = 500;
// How much lower the priority of the validation running alongside is (ImportOptions::
// validate_alongside): added to its thread's nice value.
inline constexpr int kValidationNice = 5;
// Households are applied by steps of at most this many within a transaction (see read_ahead).
inline constexpr std::size_t kApplyStep = 500;
// `parcours import caf`: fewer, larger transactions (each commit writes the index pages it
// touched, wherever they are); the pages keep kDefaultBatch, which holds the server's other
// writers waiting for less time.
inline constexpr std::size_t kCommandBatch = 5000;

// The bulk path reads which NIR hashes, France Travail ids and CAF matricules of a batch are
// held by a live record with this statement (`column` IN kHeldChunk parameters); exposed for the
// test of its query plan.
inline constexpr std::size_t kHeldChunk = 256;
std::string held_identifiers_sql(std::string_view column);

struct ImportOptions {
  std::string file_name;                     // the name shown as the source of values
  std::optional<std::int64_t> user_id;       // who imported (pages); empty for the command
  std::optional<std::int64_t> territory_id;  // pages: households elsewhere are rejected
  std::optional<std::int64_t> import_id;     // a caf_imports row created by the upload page
  std::size_t batch = kDefaultBatch;
  // New persons by the bulk path: their rows, the journal and the report lines written per batch
  // in multi-row INSERTs. false: one person at a time through the people service, the path the
  // tests compare the bulk one with (the same rows).
  bool bulk = true;
  bool mail = true;  // mail the report to the territory managers
  // The schema validation of a file not validated before runs in a second thread while the
  // households are applied: the transaction of the first batches stays open until it ends, then
  // commits if the file is valid, or rolls back if not (nothing imported). The reading costs
  // one pass instead of two, but the first commit holds the write lock for as long as the
  // validation runs (about 2 s for 100,000 households), and where it falls depends on timing:
  // the command only; the pages and the tests of interruption validate first. The validation
  // thread runs at a lower priority (kValidationNice): the cores go to applying first.
  bool validate_alongside = false;
  // Called after each committed batch and at the end.
  std::function<void(std::int64_t done, std::int64_t total)> progress;
  // Tests of crash safety: called after each committed batch; returning false stops there
  // as a killed process would (the import stays "running").
  std::function<bool(std::int64_t done)> after_batch;
  // Tests of validate_alongside: runs in the validation thread before the validation (to hold
  // it back while households are applied).
  std::function<void()> before_validation;
};

struct ReportLine {
  std::int64_t line = 0;
  std::string matricule;
  std::string outcome;  // created, updated, unchanged, rejected, skipped
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> territory_id;
  std::string message;
};

struct Report {
  std::int64_t import_id = 0;
  std::string file_name;
  std::string status;   // done, refused, failed, running, interrupted
  std::string message;  // why refused or failed
  std::string reference_date;
  std::string created_on;
  std::int64_t households_total = 0;
  std::int64_t households = 0;  // read and applied so far
  std::int64_t persons_created = 0;
  std::int64_t persons_updated = 0;
  std::int64_t persons_unchanged = 0;
  std::int64_t rejected = 0;  // households rejected (outside every territory, ...)
  std::int64_t started_at = 0;
  std::optional<std::int64_t> finished_at;
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> territory_id;
  std::vector<SchemaError> schema_errors;

  bool refused() const { return status == "refused"; }
  // "12 foyers : 3 personnes créées, 2 mises à jour, 7 inchangées, 1 foyer refusé"
  std::string summary() const;
};

// Creates the caf_imports row of an upload (status "queued") before the file is processed by a
// job; returns its id.
std::int64_t create_queued_import(store::Connection& conn, const std::string& file_name,
                                  std::optional<std::int64_t> user_id,
                                  std::optional<std::int64_t> territory_id);

// Imports the file. The Result is an error only for a file that cannot be read; a refused file
// (schema errors, older than one applied) is a Report with status "refused".
Result<Report> import_flux(store::Connection& conn, const std::string& path,
                           const ImportOptions& options);

std::optional<Report> find_import(store::Connection& conn, std::int64_t id);
// The imports, newest first; of one territory when given.
std::vector<Report> list_imports(store::Connection& conn, std::optional<std::int64_t> territory_id,
                                 int limit = 50);
// The report lines, in order, from `after_seq`, at most `limit`.
std::vector<ReportLine> report_lines(store::Connection& conn, std::int64_t import_id,
                                     std::int64_t after_seq = 0, int limit = 1000);

// The report as one JSON object (the counters, the schema errors, the lines).
std::string report_json(store::Connection& conn, const Report& report, bool with_lines = true);

// "Droit RSA clos (décision du président du département) au 30/11/2021" and the like.
std::string outcome_label(std::string_view outcome);

}  // namespace parcours::caf
