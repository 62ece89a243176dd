// Bench of the change feed (issue 7): fills a database with persons, journeys, teams and journal
// events, then follows the feed of one organisation from position 0 to the end, pages of 1,000,
// as GET /api/v1/events does (read_feed + page_json + the access-log write of the page), and
// prints events/s. Usage:
//   parcours_bench_feed --db URL [--events 200000] [--persons 20000] [--share 0.5] [--no-fill]
#include <fmt/format.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <iostream>
#include <set>
#include <string>

#include "core/store/db.h"
#include "core/store/journal.h"
#include "core/store/migrations.h"
#include "features/feed/feed.h"

using namespace parcours;

int main(int argc, char** argv) {
  std::string url;
  std::int64_t events = 200000;
  std::int64_t persons = 20000;
  double share = 0.5;  // the share of persons the organisation follows
  bool fill = true;
  int limit = 1000;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return std::string(i + 1 < argc ? argv[++i] : ""); };
    if (a == "--db")
      url = next();
    else if (a == "--events")
      events = std::stoll(next());
    else if (a == "--persons")
      persons = std::stoll(next());
    else if (a == "--share")
      share = std::stod(next());
    else if (a == "--limit")
      limit = std::stoi(next());
    else if (a == "--no-fill")
      fill = false;
  }
  if (url.empty()) {
    std::cerr << "usage : parcours_bench_feed --db URL [--events N] [--persons N] [--share S]\n";
    return 2;
  }
  auto db = store::Db::open(url, 2);
  auto conn = db->acquire();
  store::migrate(*conn);
  std::int64_t org = 0;
  std::int64_t account = 0;
  auto clock = [] { return std::chrono::steady_clock::now(); };
  if (fill) {
    auto started = clock();
    store::with_transaction(*conn, [&] {
      auto t = conn->query_one(
                       "INSERT INTO territories (slug, name, created_at, updated_at) "
                       "VALUES ('bench-feed', 'Bench', 0, 0) RETURNING id")
                   ->integer(0);
      org = conn->query_one(
                    "INSERT INTO organisations (territory_id, slug, name, kind, email, phone, "
                    "created_at, updated_at) VALUES ($1, 'bench-org', 'Bench', 'autre', "
                    "'b@b.test', '', 0, 0) RETURNING id",
                    {t})
                ->integer(0);
      auto other = conn->query_one(
                           "INSERT INTO organisations (territory_id, slug, name, kind, email, "
                           "phone, created_at, updated_at) VALUES ($1, 'bench-other', 'Autre', "
                           "'autre', 'o@b.test', '', 0, 0) RETURNING id",
                           {t})
                       ->integer(0);
      account = conn->query_one(
                        "INSERT INTO users (email, name, created_at, updated_at) "
                        "VALUES ('bench@feed.test', 'Bench', 0, 0) RETURNING id")
                    ->integer(0);
      auto followed_every = static_cast<std::int64_t>(1 / share);
      for (std::int64_t p = 0; p < persons; ++p) {
        auto person = conn->query_one(
                              "INSERT INTO persons (territory_id, birth_name, first_names, "
                              "created_at, updated_at) VALUES ($1, 'Nom', 'Prénom', 0, 0) "
                              "RETURNING id",
                              {t})
                          ->integer(0);
        auto journey = conn->query_one(
                               "INSERT INTO journeys (person_id, territory_id, entry, opened_at, "
                               "last_activity_at) VALUES ($1, $2, 'professional', 0, 0) "
                               "RETURNING id",
                               {person, t})
                           ->integer(0);
        conn->execute(
            "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) "
            "VALUES ($1, $2, $3, 'member', 0)",
            {journey, account, p % followed_every == 0 ? org : other});
      }
    });
    // Events in transactions of 1,000, spread over the persons.
    for (std::int64_t done = 0; done < events;) {
      store::with_transaction(*conn, [&] {
        for (int i = 0; i < 1000 && done < events; ++i, ++done) {
          std::int64_t person = 1 + (done * 7919) % persons;
          store::append_event(*conn, {.kind = "note.added",
                                      .person_id = person,
                                      .actor_id = account,
                                      .payload_json = fmt::format(
                                          R"({{"journey_id":{},"note_id":{},"visibility":"team"}})",
                                          person, done)});
        }
      });
    }
    // The statistics autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) keep in production.
    conn->execute_script("ANALYZE");
    std::cout << fmt::format("remplissage : {} personnes, {} événements en {:.1f} s\n", persons,
                             events, std::chrono::duration<double>(clock() - started).count());
  } else {
    org = conn->query_one("SELECT id FROM organisations WHERE slug = 'bench-org'")->integer(0);
    account = conn->query_one("SELECT id FROM users WHERE email = 'bench@feed.test'")->integer(0);
  }
  // CPU time of this process (SQLite: all the work; PostgreSQL: the client side only).
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  };
  for (int round = 0; round < 3; ++round) {
    auto started = clock();
    double cpu_started = cpu_now();
    std::int64_t after = 0;
    std::int64_t served = 0;
    std::size_t bytes = 0;
    int pages = 0;
    double slowest = 0;
    double query_s = 0, json_s = 0, log_s = 0;
    for (;;) {
      auto page_started = clock();
      auto page = feed::read_feed(*conn, org, {.after = after, .limit = limit});
      auto t1 = clock();
      std::string body = feed::page_json(page);
      auto t2 = clock();
      query_s += std::chrono::duration<double>(t1 - page_started).count();
      json_s += std::chrono::duration<double>(t2 - t1).count();
      // One access-log row per page, naming the positions served (as GET /api/v1/events).
      if (!page.events.empty()) {
        store::log_access(
            *conn, {account, std::nullopt, "events",
                    fmt::format("GET /api/v1/events positions {}-{}", page.events.front().position,
                                page.events.back().position)});
      }
      log_s += std::chrono::duration<double>(clock() - t2).count();
      bytes += body.size();
      served += static_cast<std::int64_t>(page.events.size());
      ++pages;
      slowest = std::max(slowest,
                         std::chrono::duration<double, std::milli>(clock() - page_started).count());
      after = page.next_after;
      if (!page.has_more) break;
    }
    double seconds = std::chrono::duration<double>(clock() - started).count();
    double cpu = cpu_now() - cpu_started;
    std::cout << fmt::format(
        "tour {} : {} événements servis en {} pages de {}, {:.2f} s, {:.0f} événements/s, "
        "{:.1f} Mo de JSON, page la plus lente {:.1f} ms (requête {:.2f} s, JSON {:.2f} s, "
        "journal des accès {:.2f} s) ; CPU du processus {:.2f} s, {:.0f} événements/s CPU\n",
        round + 1, served, pages, limit, seconds, served / seconds, bytes / 1e6, slowest, query_s,
        json_s, log_s, cpu, served / cpu);
  }
  return 0;
}
