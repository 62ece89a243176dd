// Journal and access log. Both are plain inserts in the caller's transaction; reads of the
// journal page by `seq`, which only grows, so a reader's cursor never skips or repeats events.
#include "core/store/journal.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "core/clock.h"
#include "core/store/access_writer.h"

namespace parcours::store {
namespace internal {
AccessLogWriter* access_log_writer();
DeferredAccesses* deferred_accesses();
}  // namespace internal

namespace {

// Makes `prefix` match literally in a LIKE pattern with ESCAPE '\'.
std::string like_prefix(std::string_view prefix) {
  std::string pattern;
  for (char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

// The same instant `months` calendar months earlier (clamped to the end of shorter months).
std::int64_t months_before(std::int64_t unix_seconds, int months) {
  using namespace std::chrono;
  sys_seconds t{seconds{unix_seconds}};
  auto day = floor<days>(t);
  auto time_of_day = t - day;
  year_month_day ymd{day};
  year_month_day earlier = ymd - std::chrono::months{months};
  if (!earlier.ok()) earlier = earlier.year() / earlier.month() / last;
  return (sys_days{earlier} + time_of_day).time_since_epoch().count();
}

}  // namespace

std::int64_t append_event(Connection& conn, const NewEvent& event) {
  auto row = conn.query_one(
      "INSERT INTO journal (at, kind, territory_id, person_id, actor_id, payload) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq",
      {now_seconds(), event.kind, opt(event.territory_id), opt(event.person_id),
       opt(event.actor_id), event.payload_json});
  return row->integer(0);
}

std::vector<Event> read_events(Connection& conn, const EventFilter& filter) {
  std::string sql =
      "SELECT seq, at, kind, territory_id, person_id, actor_id, payload FROM journal "
      "WHERE seq > $1";
  Params params{filter.after};
  auto next = [&] { return fmt::format("${}", params.values().size() + 1); };
  if (filter.territory_id) {
    sql += " AND territory_id = " + next();
    params.add(*filter.territory_id);
  }
  if (filter.person_id) {
    sql += " AND person_id = " + next();
    params.add(*filter.person_id);
  }
  if (filter.kind_prefix) {
    sql += " AND kind LIKE " + next() + " ESCAPE '\\'";
    params.add(like_prefix(*filter.kind_prefix));
  }
  sql += " ORDER BY seq LIMIT " + next();
  params.add(std::int64_t{filter.limit});

  std::vector<Event> events;
  for (const Row& row : conn.query(sql, params)) {
    events.push_back({row.integer(0), row.integer(1), row.text(2), row.opt_integer(3),
                      row.opt_integer(4), row.opt_integer(5), row.text(6)});
  }
  return events;
}

void insert_accesses(Connection& conn, const std::vector<AccessRecord>& records) {
  // 100 rows of 5 parameters stay far below SQLite's and PostgreSQL's parameter limits.
  constexpr std::size_t kRowsPerInsert = 100;
  std::int64_t at = now_seconds();
  for (std::size_t first = 0; first < records.size(); first += kRowsPerInsert) {
    std::size_t last = std::min(records.size(), first + kRowsPerInsert);
    std::string sql = "INSERT INTO access_log (at, actor_id, person_id, part, purpose) VALUES ";
    Params params;
    for (std::size_t i = first; i < last; ++i) {
      std::size_t n = params.values().size();
      sql += fmt::format("{}(${}, ${}, ${}, ${}, ${})", i == first ? "" : ", ", n + 1, n + 2, n + 3,
                         n + 4, n + 5);
      params.add(at);
      params.add(records[i].actor_id);
      params.add(opt(records[i].person_id));
      params.add(records[i].part);
      params.add(records[i].purpose);
    }
    conn.execute(sql, params);
  }
}

void log_access(Connection& conn, const AccessRecord& record) { log_accesses(conn, {record}); }

void log_accesses(Connection& conn, const std::vector<AccessRecord>& records) {
  if (records.empty()) return;
  if (auto* writer = internal::access_log_writer(); writer && !conn.in_transaction()) {
    if (auto* deferred = internal::deferred_accesses()) {
      deferred->add(records);
    } else {
      writer->write(records);
    }
  } else {
    insert_accesses(conn, records);
  }
}

std::int64_t index_accesses(Connection& conn) {
  if (conn.dialect() != Dialect::kSqlite) return 0;
  return with_transaction(
      conn,
      [&]() -> std::int64_t {
        // The log is read at one snapshot (a reader of the access file, no lock on it): its ids
        // only grow and are committed in order, so the rows past the mark are exactly those not
        // copied.
        auto span = conn.query_one(
            "SELECT (SELECT up_to FROM access_log_indexed WHERE id = 1), "
            "(SELECT COALESCE(MAX(id), 0) FROM access_log)");
        const std::int64_t from = span->integer(0);
        const std::int64_t to = span->integer(1);
        if (to <= from) return 0;
        conn.execute(
            "INSERT OR IGNORE INTO access_log_by_person (person_id, at, id) "
            "SELECT person_id, at, id FROM access_log "
            "WHERE id > $1 AND id <= $2 AND person_id IS NOT NULL ORDER BY person_id, at, id",
            {from, to});
        conn.execute("UPDATE access_log_indexed SET up_to = $1 WHERE id = 1", {to});
        return to - from;
      },
      /*write=*/false);
}

std::string access_ids_of(Dialect dialect, std::string_view persons_sql) {
  if (dialect != Dialect::kSqlite) {
    return fmt::format("SELECT id FROM access_log WHERE person_id IN ({})", persons_sql);
  }
  return fmt::format(
      "SELECT id FROM access_log_by_person WHERE person_id IN ({0}) "
      "UNION ALL SELECT id FROM access_log "
      "WHERE id > (SELECT up_to FROM access_log_indexed WHERE id = 1) AND person_id IN ({0})",
      persons_sql);
}

std::int64_t delete_accesses_of(Connection& conn, std::string_view persons_sql) {
  std::int64_t deleted = conn.execute(fmt::format("DELETE FROM access_log WHERE id IN ({})",
                                                  access_ids_of(conn.dialect(), persons_sql)));
  if (conn.dialect() == Dialect::kSqlite) {
    conn.execute(
        fmt::format("DELETE FROM access_log_by_person WHERE person_id IN ({})", persons_sql));
  }
  return deleted;
}

std::int64_t purge_access_log(Connection& conn, int months) {
  const std::int64_t before = months_before(now_seconds(), months);
  if (conn.dialect() == Dialect::kSqlite) {
    // A scan of the index's own file: it holds no lock that a page waits for.
    conn.execute("DELETE FROM access_log_by_person WHERE at < $1", {before});
  }
  return conn.execute("DELETE FROM access_log WHERE at < $1", {before});
}

}  // namespace parcours::store
