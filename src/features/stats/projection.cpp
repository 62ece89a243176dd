#include "features/stats/projection.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/clock.h"
#include "core/jobs/jobs.h"
#include "features/stats/journeys.h"

namespace parcours::stats {
namespace {

std::mutex registry_mutex;

std::vector<std::shared_ptr<Projection>>& registry() {
  static std::vector<std::shared_ptr<Projection>> all{std::make_shared<JourneyProjection>()};
  return all;
}

// The cursor row, created at 0 when missing; on PostgreSQL locked for the transaction so that
// two runners take turns (on SQLite the write transaction already serialises them).
std::int64_t lock_cursor(store::Connection& conn, const std::string& name) {
  conn.execute(
      "INSERT INTO stats_cursors (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING",
      {name});
  bool pg = conn.dialect() == store::Dialect::kPostgres;
  return conn
      .query_one(pg ? "SELECT position FROM stats_cursors WHERE name = $1 FOR UPDATE"
                    : "SELECT position FROM stats_cursors WHERE name = $1",
                 {name})
      ->integer(0);
}

std::int64_t read_cursor(store::Connection& conn, const std::string& name) {
  auto row = conn.query_one("SELECT position FROM stats_cursors WHERE name = $1", {name});
  return row ? row->integer(0) : 0;
}

// " AND <column> IN ('a', 'b')" for the projection's kinds, or nothing when it reads all.
std::string kind_clause(const std::vector<std::string>& kinds, const char* column) {
  if (kinds.empty()) return {};
  std::string sql = std::string(" AND ") + column + " IN (";
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    sql += i ? ", '" : "'";
    for (char c : kinds[i]) sql += c == '\'' ? std::string("''") : std::string(1, c);
    sql += "'";
  }
  return sql + ")";
}

std::string kind_clause(const Projection& projection, const char* column) {
  return kind_clause(projection.kinds(), column);
}

// Up to `limit` events of the given kinds (empty: all) after `position`, in cursor order;
// `last` gets the last one's position.
// $1: the position after which to read, $2: how many events at most.
std::string read_sql(store::Dialect dialect, const std::vector<std::string>& kinds) {
  return dialect == store::Dialect::kPostgres
             ? "SELECT j.seq, j.at, j.kind, j.territory_id, j.person_id, j.actor_id, j.payload, "
               "f.position FROM journal_feed f JOIN journal j ON j.seq = f.seq WHERE f.position "
               "> $1" +
                   kind_clause(kinds, "j.kind") + " ORDER BY f.position LIMIT $2"
             : "SELECT seq, at, kind, territory_id, person_id, actor_id, payload, seq FROM "
               "journal WHERE seq > $1" +
                   kind_clause(kinds, "kind") + " ORDER BY seq LIMIT $2";
}

// An event from the first seven columns of a journal read: seq, at, kind, territory_id,
// person_id, actor_id, payload.
store::Event event_from_row(const store::Row& r) {
  return {.seq = r.integer(0),
          .at = r.integer(1),
          .kind = r.text(2),
          .territory_id = r.opt_integer(3),
          .person_id = r.opt_integer(4),
          .actor_id = r.opt_integer(5),
          .payload_json = r.text(6)};
}

std::vector<store::Event> read_after(store::Connection& conn, const std::vector<std::string>& kinds,
                                     std::int64_t position, int limit, std::int64_t& last) {
  auto rows =
      conn.query(read_sql(conn.dialect(), kinds), {position, static_cast<std::int64_t>(limit)});
  std::vector<store::Event> events;
  events.reserve(rows.size());
  for (const auto& r : rows) {
    events.push_back(event_from_row(r));
    last = r.integer(7);
  }
  return events;
}

std::vector<store::Event> read_after(store::Connection& conn, const Projection& projection,
                                     std::int64_t position, int limit, std::int64_t& last) {
  return read_after(conn, projection.kinds(), position, limit, last);
}

// The kinds any of the projections reads (empty: all, when one of them reads every event).
std::vector<std::string> union_of_kinds(const std::vector<Projection*>& all) {
  std::vector<std::string> kinds;
  for (const auto* p : all) {
    auto own = p->kinds();
    if (own.empty()) return {};
    kinds.insert(kinds.end(), own.begin(), own.end());
  }
  std::sort(kinds.begin(), kinds.end());
  kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
  return kinds;
}

template <typename F>
auto in_transaction(store::Connection& conn, F&& body) -> decltype(body()) {
  if (conn.in_transaction()) return body();
  return store::with_transaction(conn, std::forward<F>(body));
}

// One batch: lock the cursor, read, apply, advance. Returns how many events were applied.
std::int64_t apply_batch(store::Connection& conn, Projection& projection, int limit) {
  return in_transaction(conn, [&]() -> std::int64_t {
    std::string name = projection.name();
    std::int64_t last = lock_cursor(conn, name);
    auto events = read_after(conn, projection, last, limit, last);
    if (events.empty()) return 0;
    projection.apply(conn, events);
    conn.execute("UPDATE stats_cursors SET position = $2 WHERE name = $1", {name, last});
    return static_cast<std::int64_t>(events.size());
  });
}

// How many events of the projection's kinds are after `position` (counting stops at `bound`).
std::int64_t pending(store::Connection& conn, const Projection& projection, std::int64_t position,
                     std::int64_t bound) {
  bool pg = conn.dialect() == store::Dialect::kPostgres;
  return conn
      .query_one(pg ? "SELECT COUNT(*) FROM (SELECT 1 FROM journal_feed f JOIN journal j ON "
                      "j.seq = f.seq WHERE f.position > $1" +
                          kind_clause(projection, "j.kind") + " LIMIT $2) p"
                    : "SELECT COUNT(*) FROM (SELECT 1 FROM journal WHERE seq > $1" +
                          kind_clause(projection, "kind") + " LIMIT $2) p",
                 {position, bound})
      ->integer(0);
}

}  // namespace

void register_projection(std::shared_ptr<Projection> projection) {
  std::lock_guard lock(registry_mutex);
  auto& all = registry();
  std::string name = projection->name();
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& p) { return p->name() == name; });
  if (it != all.end()) {
    *it = std::move(projection);
  } else {
    all.push_back(std::move(projection));
  }
}

std::vector<std::shared_ptr<Projection>> projections() {
  std::lock_guard lock(registry_mutex);
  return registry();
}

std::int64_t catch_up(store::Connection& conn, Projection& projection, std::int64_t max_events,
                      int batch_size) {
  std::int64_t applied = 0;
  while (applied < max_events) {
    auto limit = static_cast<int>(std::min<std::int64_t>(batch_size, max_events - applied));
    std::int64_t n = apply_batch(conn, projection, limit);
    applied += n;
    if (n < limit) break;
  }
  return applied;
}

std::int64_t catch_up(store::Connection& conn, std::int64_t max_events, int batch_size) {
  std::int64_t applied = 0;
  for (const auto& p : projections()) applied += catch_up(conn, *p, max_events, batch_size);
  return applied;
}

std::int64_t lag(store::Connection& conn) {
  std::int64_t worst = 0;
  for (const auto& p : projections()) {
    worst = std::max(worst, pending(conn, *p, read_cursor(conn, p->name()), INT64_MAX));
  }
  return worst;
}

namespace {

// Reads the events of the given kinds once, in cursor order, batch after batch: what a rebuild
// reads. On SQLite, by seq (the covering index journal_projected). On PostgreSQL the order is
// the feed's (journal_feed), and following it event by event costs one probe of the journal per
// feed row (60 M at the country's scale, most of a rebuild); instead a batch is a window of feed
// positions, whose events are read with one range scan of the journal by seq, the seqs of the
// window being contiguous and in the same order as the positions almost always (the journal
// copied into PostgreSQL, or written by one writer at a time). Otherwise (concurrent writers
// committing out of seq order) the window's positions are fetched and the events put in their
// order here. The end is the last position when the reader starts: an event committed later is
// left to the next catch-up, which follows the cursor.
class JournalScan {
 public:
  JournalScan(store::Connection& conn, std::vector<std::string> kinds, int batch_size)
      : conn_(conn), kinds_(std::move(kinds)), batch_size_(batch_size) {
    if (conn_.dialect() == store::Dialect::kPostgres) {
      end_ = conn_.query_one("SELECT COALESCE(MAX(position), 0) FROM journal_feed")->integer(0);
    }
  }

  // The next batch (never empty) and its last position; false at the end.
  bool next(std::vector<store::Event>& events, std::int64_t& last) {
    if (conn_.dialect() != store::Dialect::kPostgres) {
      if (done_) return false;
      events = read_after(conn_, kinds_, last_, batch_size_, last_);
      done_ = static_cast<int>(events.size()) < batch_size_;
      last = last_;
      return !events.empty();
    }
    while (after_ < end_) {
      std::int64_t to = std::min(end_, after_ + batch_size_);
      events = read_window(after_, to, last);
      after_ = to;
      if (!events.empty()) return true;
    }
    return false;
  }

 private:
  // The events of the kinds with a feed position in (from, to], in position order.
  std::vector<store::Event> read_window(std::int64_t from, std::int64_t to, std::int64_t& last) {
    auto window = conn_.query_one(
        "SELECT COUNT(*), MIN(seq), MAX(seq), MIN(seq - position), MAX(seq - position) FROM "
        "journal_feed WHERE position > $1 AND position <= $2",
        {from, to});
    std::vector<store::Event> events;
    if (!window || window->integer(0) == 0) return events;
    std::int64_t count = window->integer(0), low = window->integer(1), high = window->integer(2);
    auto rows = conn_.query(
        "SELECT seq, at, kind, territory_id, person_id, actor_id, payload FROM journal WHERE seq "
        ">= $1 AND seq <= $2" +
            kind_clause(kinds_, "kind") + " ORDER BY seq",
        {low, high});
    events.reserve(rows.size());
    for (const auto& r : rows) {
      events.push_back(event_from_row(r));
    }
    if (count == high - low + 1 && window->integer(3) == window->integer(4)) {
      // Every seq from low to high is in the window, each at its seq's position shifted by
      // the same amount: the order of seq is the feed's.
      if (!events.empty()) last = events.back().seq - window->integer(3);
      return events;
    }
    std::unordered_map<std::int64_t, std::int64_t> position;  // by seq, in this window
    position.reserve(static_cast<std::size_t>(count));
    for (const auto& r : conn_.query(
             "SELECT seq, position FROM journal_feed WHERE position > $1 AND position <= $2",
             {from, to})) {
      position.emplace(r.integer(0), r.integer(1));
    }
    std::vector<std::pair<std::int64_t, store::Event>> ordered;
    ordered.reserve(events.size());
    for (auto& e : events) {
      auto found = position.find(e.seq);
      if (found != position.end()) ordered.emplace_back(found->second, std::move(e));
    }
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    events.clear();
    for (auto& [p, e] : ordered) events.push_back(std::move(e));
    if (!ordered.empty()) last = ordered.back().first;
    return events;
  }

  store::Connection& conn_;
  std::vector<std::string> kinds_;
  int batch_size_;
  std::int64_t last_ = 0;             // SQLite: the last seq read
  bool done_ = false;                 // SQLite: a short batch was the last
  std::int64_t after_ = 0, end_ = 0;  // PostgreSQL: the window's start, the last position
};

// Reads the journal ahead, on its own connection and thread, while the rebuilding thread
// applies the batches already read: at the country's scale reading is half of a rebuild, and
// the machine has two cores. At most kAhead batches wait (memory stays bounded). The reader
// sees every committed event: on SQLite no event can be appended while the rebuild holds the
// write lock; on PostgreSQL a later one is left to the next catch-up, as without read-ahead.
class ReadAhead {
 public:
  static constexpr std::size_t kAhead = 2;

  ReadAhead(store::Connection& reader, std::vector<std::string> kinds, int batch_size)
      : thread_([this, &reader, kinds = std::move(kinds), batch_size] {
          run(reader, kinds, batch_size);
        }) {}

  ~ReadAhead() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // The next batch and its last position; false at the end of the journal. Rethrows what the
  // reader threw.
  bool next(std::vector<store::Event>& events, std::int64_t& last) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !queue_.empty() || finished_; });
    if (queue_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    events = std::move(queue_.front().first);
    last = queue_.front().second;
    queue_.pop_front();
    changed_.notify_all();
    return true;
  }

 private:
  void run(store::Connection& reader, const std::vector<std::string>& kinds, int batch_size) {
    try {
      JournalScan scan(reader, kinds, batch_size);
      std::vector<store::Event> events;
      std::int64_t last = 0;
      while (scan.next(events, last)) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return queue_.size() < kAhead || stop_; });
        if (stop_) break;
        queue_.emplace_back(std::move(events), last);
        changed_.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
    }
    std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::vector<store::Event>, std::int64_t>> queue_;
  bool stop_ = false, finished_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once the members above exist
};

// Resets the projections and feeds them the journal again in one pass: each batch of events (of
// the kinds any of them reads) goes to every projection, which ignores the kinds it does not
// know. At the country's scale reading the journal is most of a rebuild: once, not once per
// projection.
std::int64_t rebuild_together(store::Connection& conn, store::Connection* reader,
                              const std::vector<Projection*>& all, int batch_size) {
  return in_transaction(conn, [&]() -> std::int64_t {
    for (auto* p : all) {
      lock_cursor(conn, p->name());
      p->reset(conn);
    }
    // end_rebuild also runs when a batch throws, during the unwinding, so that the projections
    // drop what they hold in memory (std::uncaught_exceptions() > 0: they write nothing).
    struct Finish {
      const std::vector<Projection*>& all;
      store::Connection& conn;
      std::size_t begun = 0;
      bool done = false;
      ~Finish() {
        if (!done) {
          for (std::size_t i = 0; i < begun; ++i) all[i]->end_rebuild(conn);
        }
      }
    } finish{all, conn};
    for (auto* p : all) {
      p->begin_rebuild(conn);
      ++finish.begun;
    }
    auto kinds = union_of_kinds(all);
    std::int64_t read = 0, last = 0;
    if (reader) {
      // Started once this transaction holds the cursors (and, on SQLite, the write lock).
      ReadAhead ahead(*reader, kinds, batch_size);
      std::vector<store::Event> events;
      while (ahead.next(events, last)) {
        for (auto* p : all) p->apply(conn, events);
        read += static_cast<std::int64_t>(events.size());
      }
    } else {
      JournalScan scan(conn, kinds, batch_size);
      std::vector<store::Event> events;
      while (scan.next(events, last)) {
        for (auto* p : all) p->apply(conn, events);
        read += static_cast<std::int64_t>(events.size());
      }
    }
    finish.done = true;
    for (auto* p : all) p->end_rebuild(conn);
    for (auto* p : all) {
      conn.execute("UPDATE stats_cursors SET position = $2 WHERE name = $1", {p->name(), last});
    }
    return read;
  });
}

}  // namespace

std::int64_t rebuild(store::Connection& conn, Projection& projection, int batch_size) {
  return rebuild_together(conn, nullptr, {&projection}, batch_size);
}

std::int64_t rebuild(store::Connection& conn, store::Connection* reader, Projection& projection,
                     int batch_size) {
  return rebuild_together(conn, reader, {&projection}, batch_size);
}

std::int64_t rebuild(store::Connection& conn, store::Connection* reader, int batch_size) {
  auto all = projections();
  std::vector<Projection*> raw;
  raw.reserve(all.size());
  for (const auto& p : all) raw.push_back(p.get());
  return rebuild_together(conn, reader, raw, batch_size);
}

std::int64_t rebuild(store::Connection& conn, int batch_size) {
  return rebuild(conn, nullptr, batch_size);
}

std::string rebuild_read_sql(store::Dialect dialect) {
  auto all = projections();
  std::vector<Projection*> raw;
  raw.reserve(all.size());
  for (const auto& p : all) raw.push_back(p.get());
  return read_sql(dialect, union_of_kinds(raw));
}

std::int64_t catch_up_before_page(store::Connection& conn) {
  std::int64_t left = 0;
  for (const auto& p : projections()) {
    std::int64_t n = pending(conn, *p, read_cursor(conn, p->name()), kPageCatchUpLimit + 1);
    if (n == 0) continue;
    if (n <= kPageCatchUpLimit) {
      catch_up(conn, *p, kPageCatchUpLimit, static_cast<int>(kPageCatchUpLimit));
    } else {
      left = std::max(left, n);
    }
  }
  return left;
}

void register_jobs(jobs::JobRunner& runner, store::Db& db) {
  auto schedule = [](store::Connection& conn, std::int64_t at) {
    if (!conn.query_one("SELECT 1 FROM jobs WHERE kind = $1 AND status = 'queued' LIMIT 1",
                        {kProjectJob})) {
      jobs::enqueue_job(conn, kProjectJob, "{}", at);
    }
  };
  runner.on(kProjectJob, [schedule](store::Connection& conn, const jobs::Job&) {
    // Bounded per run, so that the job's transaction stays short; the next run goes on.
    std::int64_t n = catch_up(conn, 50000, 5000);
    if (n > 0) spdlog::debug("statistiques : {} événement(s) projeté(s)", n);
    // One run every few seconds: the finished ones are not kept (the jobs table would grow by
    // 17,000 rows a day).
    conn.execute("DELETE FROM jobs WHERE kind = $1 AND status = 'done'", {kProjectJob});
    schedule(conn, now_seconds() + kProjectEverySeconds);
  });
  auto conn = db.acquire();
  schedule(*conn, now_seconds());
}

}  // namespace parcours::stats
