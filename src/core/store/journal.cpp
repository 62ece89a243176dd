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

std::int64_t purge_access_log(Connection& conn, int months) {
  return conn.execute("DELETE FROM access_log WHERE at < $1",
                      {months_before(now_seconds(), months)});
}

}  // namespace parcours::store
