// Projections of the journal: derived tables kept up to date by reading the journal after a
// cursor. The statistics of the pilotage pages are one (journeys.h); other features register
// their own, driven by the same loop and rebuilt by the same command.
//
//   class MyProjection : public stats::Projection {
//     std::string name() const override { return "impact"; }
//     void reset(store::Connection& c) override { c.execute("DELETE FROM impact_rows"); }
//     void apply(store::Connection& c, const std::vector<store::Event>& events) override {...}
//   };
//   stats::register_projection(std::make_shared<MyProjection>());   // once, at start-up
//   stats::catch_up(conn);        // what the background job does every few seconds
//   stats::rebuild(conn);         // `parcours stats rebuild`
//
// Each projection has its own cursor (table stats_cursors, keyed by name). A batch of events is
// applied and the cursor advanced in one transaction, so a crash loses nothing and applies
// nothing twice; two runners (the server's job, the command) serialise on the cursor row.
// On SQLite the cursor is the journal's seq; on PostgreSQL it is the feed position
// (journal_feed), in commit order, because seq may become visible out of order there.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/store/db.h"
#include "core/store/journal.h"

namespace parcours::jobs {
class JobRunner;
}

namespace parcours::stats {

class Projection {
 public:
  virtual ~Projection() = default;
  // Unique, stable: the key of the cursor.
  virtual std::string name() const = 0;
  // Deletes everything the projection derived, before a rebuild (in the rebuild's transaction).
  virtual void reset(store::Connection& conn) = 0;
  // Applies events in journal order, inside the transaction that then advances the cursor.
  // Must ignore kinds it does not know. Events carry seq, at, kind, territory, person, payload.
  virtual void apply(store::Connection& conn, const std::vector<store::Event>& events) = 0;
  // The event kinds it reads; empty: every event. The loop then reads only those from the
  // journal (a full rebuild skips the notes and the rest without parsing them).
  virtual std::vector<std::string> kinds() const { return {}; }
  // Around a rebuild's batches, in the rebuild's one transaction: a projection may keep its
  // state in memory from the first batch to the last and write it once at the end. When a
  // batch throws, end_rebuild runs during the unwinding (std::uncaught_exceptions() > 0): it
  // must then only drop its memory.
  virtual void begin_rebuild(store::Connection& /*conn*/) {}
  virtual void end_rebuild(store::Connection& /*conn*/) {}
};

// Adds a projection to the registry (idempotent by name: a second one with the same name
// replaces the first). Thread-safe.
void register_projection(std::shared_ptr<Projection> projection);
// The registered projections; the built-in ones (journeys) are always there.
std::vector<std::shared_ptr<Projection>> projections();

// Applies pending events to every projection, `batch_size` at a time, at most `max_events`
// per projection; returns how many events were applied (summed over projections).
std::int64_t catch_up(store::Connection& conn, std::int64_t max_events = INT64_MAX,
                      int batch_size = 5000);
std::int64_t catch_up(store::Connection& conn, Projection& projection,
                      std::int64_t max_events = INT64_MAX, int batch_size = 5000);

// How many journal events the slowest projection has not applied yet.
std::int64_t lag(store::Connection& conn);

// Resets every projection (or only the given one) and applies the whole journal again, in one
// transaction: a crash or an error leaves the previous state as it was. The journal is read
// once, each batch going to every projection (hence apply's "ignore the kinds it does not
// know"). Returns the number of journal events read.
std::int64_t rebuild(store::Connection& conn, int batch_size = 20000);
// The same, the journal being read ahead on `reader` (a second connection to the same database,
// outside any transaction) by a second thread while `conn`'s thread applies: `stats rebuild`.
std::int64_t rebuild(store::Connection& conn, store::Connection* reader, int batch_size = 20000);
std::int64_t rebuild(store::Connection& conn, Projection& projection, int batch_size = 20000);
std::int64_t rebuild(store::Connection& conn, store::Connection* reader, Projection& projection,
                     int batch_size = 20000);
// The query a rebuild of the registered projections reads the journal with ($1: after which
// position, $2: how many): on SQLite it must use the covering index journal_projected
// (migration 0026), whose condition lists the same kinds.
std::string rebuild_read_sql(store::Dialect dialect);

// Before a dashboard is shown: catches up when fewer than kPageCatchUpLimit events are
// pending (bounded time); otherwise leaves it to the background job. Returns the lag left.
inline constexpr std::int64_t kPageCatchUpLimit = 2000;
std::int64_t catch_up_before_page(store::Connection& conn);

// The background job "stats.project": catches up, then schedules itself again in a few
// seconds. register_jobs also schedules the first run when none is pending.
inline constexpr const char* kProjectJob = "stats.project";
inline constexpr int kProjectEverySeconds = 5;
void register_jobs(jobs::JobRunner& runner, store::Db& db);

}  // namespace parcours::stats
