// The purge, batch by batch. Each batch is one transaction: it picks up to `batch_size` journeys of
// one territory past the territory's cutoff (with their transfer chains), writes their ids in
// `purge_journeys`, deletes what hangs on them and the journeys, then lists in `purge_persons` the
// persons (with the records merged into them) who have no journey left, and deletes their rows
// everywhere, the journal included: migration 0007 lets a journal row be deleted only while its
// person is listed in `purge_persons`. Both work tables are emptied before the commit, so they
// are empty for everyone else. The batch ends with one `retention.purged` event of counts.
//
// A dry run runs the very same batches inside one enclosing transaction and rolls it back: what it
// reports is exactly what an apply at that moment would delete.
#include "features/retention/purge.h"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/people/persons.h"

namespace parcours::retention {
namespace {

using store::Connection;
using store::Row;

// Arbitrary constant: the key of the advisory lock that keeps two purges on one PostgreSQL
// database from writing the work tables at the same time (SQLite's write lock does it there).
constexpr std::int64_t kPurgeLockKey = 7262738;

// The same instant `months` calendar months earlier (the end of a shorter month when the day does
// not exist), as store::purge_access_log counts.
std::int64_t months_before(std::int64_t unix_seconds, int months) {
  using namespace std::chrono;
  sys_seconds t{seconds{unix_seconds}};
  auto day = floor<days>(t);
  auto time_of_day = t - day;
  year_month_day earlier = year_month_day{day} - std::chrono::months{months};
  if (!earlier.ok()) earlier = earlier.year() / earlier.month() / last;
  return (sys_days{earlier} + time_of_day).time_since_epoch().count();
}

struct Rule {
  std::string name;
  int retention_months = 0;
  std::int64_t cutoff = 0;  // journeys whose last activity is before this are expired
};

std::map<std::int64_t, Rule> territory_rules(Connection& conn, std::int64_t now) {
  std::map<std::int64_t, Rule> rules;
  for (const Row& row : conn.query("SELECT id, name, retention_months FROM territories")) {
    int months = static_cast<int>(row.integer(2));
    rules[row.integer(0)] = {row.text(1), months, months_before(now, months)};
  }
  return rules;
}

struct Journey {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t territory_id = 0;
  std::string status;
  std::int64_t last_activity_at = 0;
  std::optional<std::int64_t> transferred_to;
};

constexpr const char* kJourneyColumns =
    "SELECT id, person_id, territory_id, status, last_activity_at, transferred_to FROM journeys ";

Journey journey_of(const Row& row) {
  return {row.integer(0), row.integer(1), row.integer(2),
          row.text(3),    row.integer(4), row.opt_integer(5)};
}

bool expired(const Journey& journey, const std::map<std::int64_t, Rule>& rules) {
  auto rule = rules.find(journey.territory_id);
  return rule != rules.end() && journey.last_activity_at < rule->second.cutoff;
}

// Every journey linked to `start` by transfers, in either direction (start included).
std::vector<Journey> transfer_chain(Connection& conn, const Journey& start) {
  std::vector<Journey> chain{start};
  std::set<std::int64_t> seen{start.id};
  std::deque<Journey> queue{start};
  auto visit = [&](const Row& row) {
    Journey j = journey_of(row);
    if (seen.insert(j.id).second) {
      chain.push_back(j);
      queue.push_back(j);
    }
  };
  while (!queue.empty()) {
    Journey current = queue.front();
    queue.pop_front();
    if (current.transferred_to) {
      if (auto row = conn.query_one(std::string(kJourneyColumns) + "WHERE id = $1",
                                    {*current.transferred_to})) {
        visit(*row);
      }
    }
    for (const Row& row :
         conn.query(std::string(kJourneyColumns) + "WHERE transferred_to = $1", {current.id})) {
      visit(row);
    }
  }
  return chain;
}

// Rows that hang on a journey, deleted before the journeys listed in purge_journeys.
constexpr const char* kJourneyRows[] = {
    "DELETE FROM notes WHERE journey_id IN (SELECT journey_id FROM purge_journeys)",
    "DELETE FROM journey_members WHERE journey_id IN (SELECT journey_id FROM purge_journeys)",
    ("DELETE FROM journey_join_requests WHERE journey_id IN "
     "(SELECT journey_id FROM purge_journeys)"),
};

// Rows that hang on a person, deleted before the persons listed in purge_persons.
constexpr const char* kPersonRows[] = {
    "DELETE FROM journal WHERE person_id IN (SELECT person_id FROM purge_persons)",
    "DELETE FROM person_terms WHERE person_id IN (SELECT person_id FROM purge_persons)",
    "DELETE FROM person_field_sources WHERE person_id IN (SELECT person_id FROM purge_persons)",
    ("DELETE FROM person_match_dismissals WHERE person_id IN "
     "(SELECT person_id FROM purge_persons) OR other_id IN (SELECT person_id FROM purge_persons)"),
    ("DELETE FROM person_merges WHERE kept_id IN (SELECT person_id FROM purge_persons) "
     "OR merged_id IN (SELECT person_id FROM purge_persons)"),
    "DELETE FROM person_objections WHERE person_id IN (SELECT person_id FROM purge_persons)",
    "DELETE FROM person_login_tokens WHERE person_id IN (SELECT person_id FROM purge_persons)",
    "DELETE FROM person_sessions WHERE person_id IN (SELECT person_id FROM purge_persons)",
};

// The journey an event is about, as SQL: its payload's "journey_id" (NULL when there is none), as
// the journal triggers of migration 0007 read it.
std::string journey_id_of_payload(store::Dialect dialect) {
  if (dialect == store::Dialect::kSqlite) {
    return "(CASE WHEN json_valid(payload) THEN json_extract(payload, '$.journey_id') END)";
  }
  return "(substring(payload FROM '\"journey_id\": *([0-9]{1,18})[,} ]')::bigint)";
}

// The person and every record merged into it (directly or through another merged record).
std::vector<std::int64_t> merge_group(Connection& conn, std::int64_t person_id) {
  std::vector<std::int64_t> group{person_id};
  for (std::size_t i = 0; i < group.size(); ++i) {
    for (const Row& row : conn.query("SELECT id FROM persons WHERE merged_into = $1", {group[i]})) {
      group.push_back(row.integer(0));
    }
  }
  return group;
}

bool has_journey(Connection& conn, const std::vector<std::int64_t>& persons) {
  for (std::int64_t id : persons) {
    if (conn.query_one("SELECT 1 FROM journeys WHERE person_id = $1 LIMIT 1", {id})) return true;
  }
  return false;
}

class Purger {
 public:
  Purger(Connection& conn, const PurgeOptions& options)
      : conn_(conn), options_(options), now_(now_seconds()), rules_(territory_rules(conn, now_)) {
    report_.applied = options.apply;
  }

  PurgeReport run() {
    if (options_.apply) {
      store::with_transaction(conn_, [&] { purge_access_log(); });
      for (const auto& [territory_id, rule] : rules_) purge_territory(territory_id, rule);
    } else {
      // Everything an apply would do, then undone.
      conn_.begin(true);
      try {
        purge_access_log();
        for (const auto& [territory_id, rule] : rules_) purge_territory(territory_id, rule);
      } catch (...) {
        conn_.rollback();
        throw;
      }
      conn_.rollback();
    }
    return std::move(report_);
  }

 private:
  void lock() {
    if (conn_.dialect() == store::Dialect::kPostgres) {
      conn_.query("SELECT pg_advisory_xact_lock($1)", {kPurgeLockKey});
    }
  }

  TerritoryCounts& counts(std::int64_t territory_id) {
    auto found = std::find_if(report_.territories.begin(), report_.territories.end(),
                              [&](const auto& c) { return c.territory_id == territory_id; });
    if (found != report_.territories.end()) return *found;
    const Rule& rule = rules_.at(territory_id);
    report_.territories.push_back({.territory_id = territory_id, .territory_name = rule.name});
    return report_.territories.back();
  }

  void purge_access_log() {
    lock();
    std::int64_t deleted = store::purge_access_log(conn_, kAccessLogMonths);
    if (deleted == 0) return;
    report_.access_log_entries += deleted;
    ++report_.batches;
    boost::json::object payload{{"access_log_entries", deleted},
                                {"access_log_months", kAccessLogMonths}};
    store::append_event(conn_,
                        {.kind = kPurgedEvent, .payload_json = boost::json::serialize(payload)});
  }

  void purge_territory(std::int64_t territory_id, const Rule& rule) {
    std::int64_t cursor = 0;
    while (true) {
      bool more = false;
      auto batch = [&] {
        lock();
        auto rows =
            conn_.query(std::string(kJourneyColumns) +
                            "WHERE territory_id = $1 AND last_activity_at < $2 AND id > $3 "
                            "ORDER BY id LIMIT $4",
                        {territory_id, rule.cutoff, cursor, std::int64_t{options_.batch_size}});
        if (rows.empty()) return;
        more = true;
        cursor = rows.back().integer(0);
        purge_batch(territory_id, rows);
      };
      if (options_.apply) {
        store::with_transaction(conn_, batch);
      } else {
        batch();
      }
      if (!more) return;
    }
  }

  // Deletes the expired journeys among `rows` (with their chains) and the persons left without
  // a journey, then journals the counts. Runs inside the batch's transaction.
  void purge_batch(std::int64_t territory_id, const std::vector<Row>& rows) {
    std::vector<Journey> selected;
    std::set<std::int64_t> ids;
    for (const Row& row : rows) {
      Journey candidate = journey_of(row);
      if (ids.contains(candidate.id)) continue;
      std::vector<Journey> chain = transfer_chain(conn_, candidate);
      if (!std::all_of(chain.begin(), chain.end(),
                       [&](const Journey& j) { return expired(j, rules_); })) {
        continue;
      }
      for (const Journey& j : chain) {
        if (ids.insert(j.id).second) selected.push_back(j);
      }
    }
    if (selected.empty()) return;

    std::map<std::int64_t, TerritoryCounts> batch;  // this batch's counts, by territory
    for (const Journey& j : selected) {
      conn_.execute("INSERT INTO purge_journeys (journey_id) VALUES ($1)", {j.id});
      batch[j.territory_id].journeys += 1;
    }
    for (const Row& row : conn_.query(
             "SELECT j.territory_id, COUNT(*) FROM notes n JOIN journeys j ON j.id = n.journey_id "
             "WHERE n.journey_id IN (SELECT journey_id FROM purge_journeys) "
             "GROUP BY j.territory_id")) {
      batch[row.integer(0)].notes += row.integer(1);
    }
    // The journal rows about these journeys (the persons may stay: their other rows stay too).
    const std::string journey_of_event = journey_id_of_payload(conn_.dialect());
    const std::string about_journeys =
        " FROM journal WHERE person_id IN (SELECT person_id FROM journeys WHERE id IN "
        "(SELECT journey_id FROM purge_journeys)) AND " +
        journey_of_event + " IN (SELECT journey_id FROM purge_journeys)";
    std::map<std::int64_t, std::int64_t> territory_of_journey;
    for (const Journey& j : selected) territory_of_journey[j.id] = j.territory_id;
    std::string count_sql = "SELECT " + journey_of_event;
    count_sql += ", COUNT(*)";
    count_sql += about_journeys;
    count_sql += " GROUP BY ";
    count_sql += journey_of_event;
    for (const Row& row : conn_.query(count_sql)) {
      batch[territory_of_journey.at(row.integer(0))].journal_events += row.integer(1);
    }
    conn_.execute("DELETE" + about_journeys);
    for (const char* sql : kJourneyRows) conn_.execute(sql);
    conn_.execute("DELETE FROM journeys WHERE id IN (SELECT journey_id FROM purge_journeys)");

    // Persons without a journey left, each counted in the territory of their last journey.
    std::map<std::int64_t, std::int64_t> territory_of_person;
    std::set<std::int64_t> checked;
    for (const Journey& j : selected) {
      if (!checked.insert(j.person_id).second) continue;
      std::vector<std::int64_t> group = merge_group(conn_, j.person_id);
      if (has_journey(conn_, group)) {
        // Still followed elsewhere: no longer found by name in this journey's territory.
        people::sync_terms(conn_, j.person_id);
        continue;
      }
      for (std::int64_t id : group) {
        conn_.execute("INSERT INTO purge_persons (person_id) VALUES ($1)", {id});
        territory_of_person[id] = j.territory_id;
      }
      batch[j.territory_id].persons += static_cast<std::int64_t>(group.size());
    }
    if (!territory_of_person.empty()) {
      for (const Row& row :
           conn_.query("SELECT person_id, COUNT(*) FROM journal WHERE person_id IN "
                       "(SELECT person_id FROM purge_persons) GROUP BY person_id")) {
        batch[territory_of_person.at(row.integer(0))].journal_events += row.integer(1);
      }
      store::delete_accesses_of(conn_, "SELECT person_id FROM purge_persons");
      for (const char* sql : kPersonRows) conn_.execute(sql);
      conn_.execute("DELETE FROM persons WHERE id IN (SELECT person_id FROM purge_persons)");
      conn_.execute("DELETE FROM purge_persons");
    }
    conn_.execute("DELETE FROM purge_journeys");

    for (const Journey& j : selected) {
      const Rule& rule = rules_.at(j.territory_id);
      report_.journeys.push_back({.journey_id = j.id,
                                  .person_id = j.person_id,
                                  .territory_id = j.territory_id,
                                  .territory_name = rule.name,
                                  .retention_months = rule.retention_months,
                                  .status = j.status,
                                  .last_activity_at = j.last_activity_at,
                                  .person_deleted = territory_of_person.contains(j.person_id)});
    }
    boost::json::array territories;
    for (const auto& [id, c] : batch) {
      TerritoryCounts& total = counts(id);
      total.journeys += c.journeys;
      total.persons += c.persons;
      total.notes += c.notes;
      total.journal_events += c.journal_events;
      territories.push_back(
          boost::json::object{{"territory_id", id},
                              {"retention_months", rules_.at(id).retention_months},
                              {"journeys", c.journeys},
                              {"persons", c.persons},
                              {"notes", c.notes},
                              {"journal_events", c.journal_events}});
    }
    ++report_.batches;
    store::append_event(conn_, {.kind = kPurgedEvent,
                                .territory_id = territory_id,
                                .payload_json = boost::json::serialize(
                                    boost::json::object{{"territories", std::move(territories)}})});
  }

  Connection& conn_;
  PurgeOptions options_;
  std::int64_t now_;
  std::map<std::int64_t, Rule> rules_;
  PurgeReport report_;
};

}  // namespace

std::int64_t PurgeReport::total_journeys() const {
  std::int64_t n = 0;
  for (const auto& c : territories) n += c.journeys;
  return n;
}

std::int64_t PurgeReport::total_persons() const {
  std::int64_t n = 0;
  for (const auto& c : territories) n += c.persons;
  return n;
}

std::int64_t PurgeReport::total_notes() const {
  std::int64_t n = 0;
  for (const auto& c : territories) n += c.notes;
  return n;
}

std::int64_t PurgeReport::total_journal_events() const {
  std::int64_t n = 0;
  for (const auto& c : territories) n += c.journal_events;
  return n;
}

PurgeReport purge(Connection& conn, const PurgeOptions& options) {
  return Purger(conn, options).run();
}

}  // namespace parcours::retention
