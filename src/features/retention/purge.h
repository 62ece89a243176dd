// Retention (`parcours purge`): records are kept while they are used, then deleted. A journey
// inactive (journeys.last_activity_at) for longer than its territory's retention_months is
// deleted with its notes and team; once no journey of a person remains, the person's record goes
// too, with everything attached (search terms, field sources, magic links, sessions, objections,
// merges, the records merged into it) and the person's rows of the journal and of the access log.
// Access-log entries older than 12 months are deleted as well.
//
//   auto preview = retention::purge(conn, {});                 // dry run: nothing is deleted
//   auto done = retention::purge(conn, {.apply = true});       // one transaction per batch
//
// What was deleted is counted in the journal without personal data: one `retention.purged` event
// per batch, with counts per territory. A journey transferred to another territory and the one it
// was transferred to are one history: they go together, once every journey of the chain is past
// its own territory's retention. Rerunnable: a run stopped between batches is finished by the next.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/store/db.h"

namespace parcours::retention {

inline constexpr int kAccessLogMonths = 12;
inline constexpr const char* kPurgedEvent = "retention.purged";

struct PurgeOptions {
  bool apply = false;    // false: a dry run, computed exactly as an apply then rolled back
  int batch_size = 500;  // journeys examined per transaction
};

// A journey past its territory's retention.
struct ExpiredJourney {
  std::int64_t journey_id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::string territory_name;
  int retention_months = 0;
  std::string status;
  std::int64_t last_activity_at = 0;
  bool person_deleted = false;  // no journey of the person remained: the record went too
};

// What went (or would go) in one territory.
struct TerritoryCounts {
  std::int64_t territory_id = 0;
  std::string territory_name;
  std::int64_t journeys = 0;
  std::int64_t persons = 0;  // records, including those that had been merged into another
  std::int64_t notes = 0;
  std::int64_t journal_events = 0;
};

struct PurgeReport {
  bool applied = false;
  std::vector<ExpiredJourney> journeys;      // in the order they were examined
  std::vector<TerritoryCounts> territories;  // only territories where something went
  std::int64_t access_log_entries = 0;       // older than kAccessLogMonths
  int batches = 0;                           // transactions that deleted something

  std::int64_t total_journeys() const;
  std::int64_t total_persons() const;
  std::int64_t total_notes() const;
  std::int64_t total_journal_events() const;
};

// Runs the purge at the current time (core/clock.h). Throws StoreError on infrastructure
// failures; a failing batch is rolled back whole and the batches before it stay done.
PurgeReport purge(store::Connection& conn, const PurgeOptions& options);

}  // namespace parcours::retention
