// parcours_bench_stats: adds to a database filled by parcours_bench_people the journal events
// the pilotage statistics read, for every journey, over the 24 months before now: orientation
// (route, organisation of the journey's territory), référent, first meeting, appointments
// (honoured or missed), referrals (sent, accepted, refused, expired), a plan goal, a signed
// commitment, outcomes (job on a CDI or a CDD of 3 to 12 months, training). About 12 events per
// journey, with the payloads the services write (features/stats/journeys.cpp reads them).
// Written with multi-row INSERTs, 20,000 events per transaction. Runs once: a second run sees
// the meta key and does nothing.
//
//   parcours_bench_stats --db sqlite:bench.db
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <map>
#include <random>

#include "core/clock.h"
#include "core/store/db.h"
#include "features/followup/dates.h"

namespace parcours::bench {
namespace {

constexpr std::int64_t kDay = 86400;

struct Writer {
  store::Connection& conn;
  std::string sql;
  int rows = 0;
  std::int64_t total = 0;

  void add(std::int64_t at, const char* kind, std::int64_t territory, std::int64_t person,
           const std::string& payload) {
    sql += fmt::format("{}({},'{}',{},{},'{}')", rows ? "," : "", at, kind, territory, person,
                       payload);
    if (++rows == 500) flush();
  }
  void flush() {
    if (!rows) return;
    conn.execute("INSERT INTO journal (at, kind, territory_id, person_id, payload) VALUES " + sql);
    total += rows;
    rows = 0;
    sql.clear();
  }
};

int run(const std::string& url) {
  auto db = store::Db::open(url, 1);
  auto conn = db->acquire();
  if (conn->query_one("SELECT 1 FROM meta WHERE key = 'bench_stats_events'")) {
    std::cout << "Événements statistiques déjà générés.\n";
    return 0;
  }
  auto start = std::chrono::steady_clock::now();
  std::map<std::int64_t, std::vector<std::int64_t>> orgs;
  for (const auto& r : conn->query("SELECT territory_id, id FROM organisations ORDER BY id")) {
    orgs[r.integer(0)].push_back(r.integer(1));
  }
  std::mt19937_64 rng(2026);
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
  auto between = [&](std::int64_t a, std::int64_t b) {
    return std::uniform_int_distribution<std::int64_t>(a, b)(rng);
  };
  std::int64_t now = now_seconds();
  std::int64_t last_id = 0, journeys = 0;
  Writer w{*conn};
  for (;;) {
    auto rows = conn->query(
        "SELECT id, territory_id, person_id, opened_at FROM journeys WHERE id > $1 ORDER BY id "
        "LIMIT 5000",
        {last_id});
    if (rows.empty()) break;
    conn->begin();
    for (const auto& r : rows) {
      last_id = r.integer(0);
      std::int64_t journey = last_id, territory = r.integer(1), person = r.integer(2);
      // The activity of the last 24 months: a journey opened before starts its activity then.
      std::int64_t t = std::max(r.integer(3), now - 730 * kDay);
      auto& candidates = orgs[territory];
      if (candidates.empty()) continue;
      ++journeys;
      auto later = [&](std::int64_t lo, std::int64_t hi) {
        t = std::min(now, t + between(lo, hi) * kDay + between(0, 28800));
        return t;
      };
      std::string j = fmt::format("\"journey_id\":{}", journey);
      if (chance(0.85)) {
        const char* route = chance(0.45) ? "pro" : chance(0.6) ? "socio_pro" : "social";
        std::int64_t org = candidates[static_cast<std::size_t>(
            between(0, static_cast<std::int64_t>(candidates.size()) - 1))];
        later(0, 75);
        w.add(t, "orientation.decided", territory, person,
              fmt::format("{{{},\"route\":\"{}\",\"organisation_id\":{}}}", j, route, org));
        if (chance(0.8)) {
          w.add(t, "referent.changed", territory, person,
                fmt::format("{{{},\"organisation_id\":{}}}", j, org));
          if (chance(0.7))
            w.add(later(2, 60), "orientation.first_meeting", territory, person, "{" + j + "}");
        }
      }
      for (int i = 0, n = static_cast<int>(between(0, 4)); i < n; ++i) {
        w.add(later(1, 30), "appointment.booked", territory, person, "{" + j + "}");
        w.add(later(3, 20), "appointment.status_changed", territory, person,
              fmt::format("{{{},\"from\":\"planned\",\"to\":\"{}\"}}", j,
                          chance(0.78) ? "seen" : "noshow"));
      }
      if (chance(0.6)) w.add(later(0, 10), "plan.goal_added", territory, person, "{" + j + "}");
      if (chance(0.5)) w.add(later(0, 20), "commitment.signed", territory, person, "{" + j + "}");
      for (int i = 0, n = static_cast<int>(between(0, 3)); i < n; ++i) {
        w.add(later(0, 15), "referral.sent", territory, person, "{" + j + "}");
        double answer = std::uniform_real_distribution<>(0, 1)(rng);
        const char* kind = answer < 0.5    ? "referral.accepted"
                           : answer < 0.7  ? "referral.refused"
                           : answer < 0.85 ? "referral.expired"
                                           : nullptr;
        if (kind) w.add(later(1, 30), kind, territory, person, "{" + j + "}");
      }
      if (chance(0.35)) {
        std::int64_t start = later(30, 300) / kDay;
        if (chance(0.6)) {
          bool cdi = chance(0.3);
          std::int64_t end = start + between(90, 370);
          w.add(
              t, "outcome.recorded", territory, person,
              cdi ? fmt::format(
                        "{{{},\"kind\":\"job\",\"contract\":\"cdi\",\"start_date\":\"{}\"}}", j,
                        followup::iso_date(start))
                  : fmt::format("{{{},\"kind\":\"job\",\"contract\":\"cdd\",\"start_date\":\"{}\","
                                "\"end_date\":\"{}\"}}",
                                j, followup::iso_date(start), followup::iso_date(end)));
        } else {
          w.add(t, "outcome.recorded", territory, person,
                fmt::format("{{{},\"kind\":\"training\",\"start_date\":\"{}\"}}", j,
                            followup::iso_date(start)));
        }
      }
    }
    w.flush();
    conn->commit();
  }
  conn->execute("INSERT INTO meta (key, value) VALUES ('bench_stats_events', '1')");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << fmt::format("{} événements statistiques pour {} parcours, en {:.1f} s\n", w.total,
                           journeys, seconds);
  return 0;
}

}  // namespace
}  // namespace parcours::bench

int main(int argc, char** argv) {
  CLI::App cli{"Événements du journal pour le banc des statistiques", "parcours_bench_stats"};
  std::string db;
  cli.add_option("--db", db, "Base de données")->required();
  CLI11_PARSE(cli, argc, argv);
  try {
    return parcours::bench::run(db);
  } catch (const std::exception& e) {
    std::cerr << "parcours_bench_stats : " << e.what() << "\n";
    return 1;
  }
}
