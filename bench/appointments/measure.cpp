// Data and timings for the appointments benchmarks (bench/appointments/run.sh), on a migrated
// database with the demo territory:
//   --agenda            books 60 appointments for referent@demo.test this week (12 a day, Monday
//                       to Friday), for the week-agenda page measured with wrk;
//   --reminders N MODE  inserts N appointments and times one sweep (to_update + reminders) and a
//                       second one (nothing left to send). MODE "spread": starts spread over 60
//                       days around the sweep, a realistic day; "due": all start later that day,
//                       every one has its D-0 reminder due — the worst case.
// Prints one markdown table row.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/store/db.h"
#include "features/appointments/reminders.h"

using namespace parcours;

namespace {

constexpr std::int64_t kDay = 86400;

struct Member {
  std::int64_t journey, person, territory, user, organisation;
};

std::vector<Member> members(store::Connection& conn, bool referent_only) {
  std::vector<Member> out;
  for (const auto& r : conn.query(
           std::string("SELECT m.journey_id, j.person_id, j.territory_id, m.user_id, "
                       "m.organisation_id FROM journey_members m JOIN journeys j ON j.id = "
                       "m.journey_id JOIN users u ON u.id = m.user_id WHERE m.left_at IS NULL "
                       "AND j.status <> 'closed'") +
           (referent_only ? " AND u.email = 'referent@demo.test'" : "") + " ORDER BY m.id")) {
    out.push_back({r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.integer(4)});
  }
  if (out.empty()) throw std::runtime_error("aucune équipe : lancez seed-demo d'abord");
  return out;
}

void insert(store::Connection& conn, const Member& m, std::int64_t starts_at, std::int64_t created,
            const char* status) {
  conn.execute(
      "INSERT INTO appointments (journey_id, person_id, territory_id, professional_id, "
      "organisation_id, starts_at, duration_minutes, ends_at, place_kind, place, purpose, status, "
      "booked_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 30, $7, 'address', "
      "'2 rue de Clèves, 08000 Charleville-Mézières', 'Point d’étape du plan d’actions', $8, $4, "
      "$9, $9)",
      {m.journey, m.person, m.territory, m.user, m.organisation, starts_at, starts_at + 1800,
       std::string(status), created});
}

std::int64_t paris_days(std::int64_t at) { return (at + paris_offset_seconds(at)) / kDay; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: parcours_bench_appointments --db URL --agenda | --reminders N MODE\n";
    return 2;
  }
  auto db = store::Db::open(argv[2], 2);
  auto conn = db->acquire();
  std::string what = argc > 3 ? argv[3] : "";
  std::int64_t now = now_seconds();
  if (what == "--agenda") {
    auto team = members(*conn, true);
    std::int64_t today = paris_days(now);
    std::int64_t monday =
        today -
        (std::chrono::weekday{std::chrono::sys_days{std::chrono::days{today}}}.iso_encoding() - 1);
    store::with_transaction(*conn, [&] {
      for (int i = 0; i < 60; ++i) {
        std::int64_t day = monday + i / 12;
        std::int64_t at = paris_local_to_unix(day, 8, 30) + (i % 12) * 1800;
        insert(*conn, team[i % team.size()], at, now - kDay, at < now ? "seen" : "planned");
      }
    });
    std::cout << "60\n";
    return 0;
  }
  if (what != "--reminders" || argc < 6) return 2;
  int count = std::atoi(argv[4]);
  std::string mode = argv[5];
  auto team = members(*conn, false);
  // The sweep runs tomorrow at 12:00 in Paris; appointments were booked five days before.
  std::int64_t sweep_at = paris_local_to_unix(paris_days(now) + 1, 12, 0);
  pin_clock_for_tests(sweep_at);
  auto started = std::chrono::steady_clock::now();
  store::with_transaction(*conn, [&] {
    for (int i = 0; i < count; ++i) {
      std::int64_t at;
      if (mode == "due") {
        at = sweep_at + 3600 + (i % 18) * 1800;  // later that day: D-0 due
      } else {
        at = sweep_at - 30 * kDay + static_cast<std::int64_t>(i) * (60 * kDay) / count;
        at -= at % 900;
      }
      insert(*conn, team[i % team.size()], at, sweep_at - 5 * kDay,
             at + 1800 <= sweep_at ? "seen" : "planned");
    }
  });
  double insert_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto time_sweep = [&] {
    auto t0 = std::chrono::steady_clock::now();
    auto outcome = appointments::sweep(*conn, sweep_at, "http://127.0.0.1:8080");
    return std::pair{outcome,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
  };
  auto [first, first_s] = time_sweep();
  auto [second, second_s] = time_sweep();
  std::cout << fmt::format("| {} | {} | {} | {:.0f} ms | {} | {:.0f} ms | {:.1f} s |\n", mode,
                           count, first.reminders, first_s * 1000, second.reminders,
                           second_s * 1000, insert_s);
  return 0;
}
