// The pilotage statistics on both engines. Each indicator on three small journeys built through
// the real services with the clock set to chosen dates, the expected values computed by hand
// below; then incremental projection in several steps against one full rebuild on generated
// journal events; idempotence of catch-up and rebuild.
//
// The three journeys (Ardennes, dates in Paris):
//   J1 Alice  opened 4 Jan 2027; oriented pro, CD 08, référente Sofia on 14 Jan (10 days);
//             appointment on 25 Jan honoured (first meeting, 11 days after orientation); a goal
//             in her plan; a CER signed; a referral to the Mission locale accepted; a job on a
//             CDI from 1 May 2027 (within 6 months: job and lasting job at 6 and 12 months).
//   J2 Bruno  opened 10 Jan 2027; oriented social, Mission locale, référent Karim on 1 Mar
//             (50 days); appointment on 8 Mar missed; a referral to the CCAS refused (which
//             adds an action to his plan); a training from 1 Oct 2027 (after 10 Jul 2027, the
//             6 months: at 12 months only).
//   J3 Chloé  opened 2 Feb 2027; nothing else.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/appointments/appointments.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/outcomes.h"
#include "features/impact/projection.h"
#include "features/orientation/orientation.h"
#include "features/people/journeys.h"
#include "features/plan/plan.h"
#include "features/referrals/referrals.h"
#include "features/stats/indicators.h"
#include "features/stats/projection.h"
#include "store/referrals_fixture.h"

namespace parcours::stats {
namespace {

constexpr const char* kUrl = "https://parcours.test";

class StatsTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    auto conn = db().acquire();
    catalogue_ = test::make_catalogue(*conn, world_);
  }

  // Sets the clock to `day` (YYYY-MM-DD) at `hour`:00 in Paris; returns that instant.
  std::int64_t at(const char* day, int hour = 10) {
    std::int64_t t = paris_local_to_unix(*followup::parse_date(day), hour, 0);
    pin_clock_for_tests(t);
    return t;
  }

  std::int64_t open(const char* first_name) {
    auto conn = db().acquire();
    std::int64_t person =
        conn->query_one(
                "INSERT INTO persons (territory_id, birth_name, first_names, created_at, "
                "updated_at) VALUES ($1, 'Exemple', $2, 0, 0) RETURNING id",
                {world_.ardennes, first_name})
            ->integer(0);
    auto j = people::open_journey(*conn, {.person_id = person,
                                          .territory_id = world_.ardennes,
                                          .entry = people::Entry::kPublicForm,
                                          .need = "Trouver un emploi"});
    EXPECT_TRUE(j) << j.error().message;
    return *j;
  }

  void orient(std::int64_t journey, const char* route, std::int64_t org, std::int64_t referent) {
    auto conn = db().acquire();
    auto d = orientation::decide(*conn, {.journey_id = journey,
                                         .route = route,
                                         .organisation_id = std::to_string(org),
                                         .referent = std::to_string(referent),
                                         .reason = "Au vu du diagnostic partagé avec la personne.",
                                         .actor_id = world_.orienter,
                                         .actor_organisation_id = world_.cd08,
                                         .public_url = kUrl});
    ASSERT_TRUE(d) << d.error().message;
  }

  std::int64_t book(std::int64_t journey, std::int64_t pro, std::int64_t org, const char* day) {
    auto conn = db().acquire();
    auto id = appointments::book(*conn, journey,
                                 {.professional = std::to_string(pro),
                                  .date = day,
                                  .time = "10:00",
                                  .duration = "45",
                                  .place_kind = "address",
                                  .place = "2 rue de Clèves, 08000 Charleville-Mézières",
                                  .purpose = "Premier rendez-vous"},
                                 {pro, org}, now_seconds());
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : 0;
  }

  void status(std::int64_t appointment, const char* to, std::int64_t pro, std::int64_t org) {
    auto conn = db().acquire();
    auto done = appointments::change_status(*conn, appointment, to, "", {pro, org}, now_seconds());
    ASSERT_TRUE(done) << done.error().message;
  }

  std::int64_t refer(std::int64_t journey, std::int64_t service, std::int64_t pro,
                     std::int64_t org) {
    auto conn = db().acquire();
    auto sent = referrals::send_referral(*conn, {.journey_id = journey,
                                                 .service_id = service,
                                                 .form = {.message = "Besoin d’un accompagnement.",
                                                          .shared = {"identity", "contact"},
                                                          .consent = "1",
                                                          .consent_mode = "in_person"},
                                                 .sender = {pro, org},
                                                 .public_url = kUrl});
    EXPECT_TRUE(sent) << sent.error().message;
    return sent ? sent->id : 0;
  }

  // The three journeys of the header, built through the services.
  void build_three_journeys() {
    at("2027-01-04");
    j1_ = open("Alice");
    at("2027-01-10");
    j2_ = open("Bruno");
    at("2027-01-14");
    orient(j1_, "pro", world_.cd08, world_.referent);
    at("2027-01-18");
    auto a1 = book(j1_, world_.referent, world_.cd08, "2027-01-25");
    at("2027-01-25", 11);
    status(a1, "seen", world_.referent, world_.cd08);
    at("2027-01-26");
    {
      auto conn = db().acquire();
      auto goal =
          plan::create_goal(*conn, j1_, {.thematique = "mobilite", .title = "Obtenir le permis B"},
                            {world_.referent, world_.cd08});
      ASSERT_TRUE(goal) << goal.error().message;
      followup::Actor sofia{world_.referent, world_.cd08};
      auto cer =
          followup::propose(*conn, j1_,
                            {.kind = "cer",
                             .start_date = "2027-01-26",
                             .end_date = "2027-07-25",
                             .rights_and_duties = followup::default_rights_and_duties("cer")},
                            sofia);
      ASSERT_TRUE(cer) << cer.error().message;
      ASSERT_TRUE(followup::record_paper_signature(*conn, *cer, "26/01/2027", sofia));
    }
    at("2027-01-27");
    auto r1 = refer(j1_, catalogue_.ml_mobility, world_.referent, world_.cd08);
    at("2027-01-28");
    {
      auto conn = db().acquire();
      ASSERT_TRUE(referrals::accept_referral(*conn, r1, {world_.colleague, world_.mission_locale}));
    }
    at("2027-02-02");
    j3_ = open("Chloé");
    at("2027-03-01");
    orient(j2_, "social", world_.mission_locale, world_.colleague);
    at("2027-03-02");
    auto a2 = book(j2_, world_.colleague, world_.mission_locale, "2027-03-08");
    at("2027-03-08", 12);
    status(a2, "noshow", world_.colleague, world_.mission_locale);
    at("2027-03-09");
    auto r2 = refer(j2_, catalogue_.sedan_family, world_.colleague, world_.mission_locale);
    at("2027-03-10");
    {
      auto conn = db().acquire();
      ASSERT_TRUE(referrals::refuse_referral(*conn, r2, "Plus de place avant l’été.",
                                             {world_.outsider, world_.ccas}));
    }
    at("2027-05-03");
    {
      auto conn = db().acquire();
      auto job = followup::record_outcome(*conn, j1_,
                                          {.kind = "job",
                                           .title = "Agent d’entretien",
                                           .contract = "cdi",
                                           .hours_per_week = "35",
                                           .start_date = "2027-05-01",
                                           .employer_name = "Les Jardins de la Meuse"},
                                          {world_.referent, world_.cd08});
      ASSERT_TRUE(job) << job.error().message;
    }
    at("2027-10-05");
    {
      auto conn = db().acquire();
      auto training = followup::record_outcome(
          *conn, j2_, {.kind = "training", .title = "CACES R489", .start_date = "2027-10-01"},
          {world_.colleague, world_.mission_locale});
      ASSERT_TRUE(training) << training.error().message;
    }
  }

  Breakdown read(StatsFilter filter = {}) {
    auto conn = db().acquire();
    catch_up(*conn);
    if (!filter.territory_id) filter.territory_id = world_.ardennes;
    filter.from_month = 202701;
    filter.to_month = 202712;
    return load_breakdown(*conn, filter);
  }

  // Every non-zero counter, ordered: the state the pages read.
  // Every row of a query, one line each.
  std::vector<std::string> rows(const char* sql) {
    auto conn = db().acquire();
    std::vector<std::string> out;
    for (const auto& r : conn->query(sql)) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) line += r.text(i) + " ";
      out.push_back(line);
    }
    return out;
  }

  std::vector<std::string> counters() {
    auto conn = db().acquire();
    std::vector<std::string> out;
    for (const auto& r : conn->query(
             "SELECT territory_id, month, organisation_id, route, metric, bucket, value FROM "
             "stats_counters WHERE value <> 0 ORDER BY territory_id, month, organisation_id, "
             "route, metric, bucket")) {
      std::string line;
      for (std::size_t i = 0; i < 7; ++i) line += r.text(i) + " ";
      out.push_back(line);
    }
    return out;
  }

  test::Catalogue catalogue_;
  std::int64_t j1_ = 0, j2_ = 0, j3_ = 0;
};

std::string cell(const Totals& t, const char* header) {
  for (const auto& c : columns()) {
    if (std::string(c.header) == header) return c.cell(t);
  }
  ADD_FAILURE() << "no column " << header;
  return {};
}

TEST_P(StatsTest, EachIndicatorOnThreeHandBuiltJourneys) {
  build_three_journeys();
  if (HasFatalFailure()) return;
  auto b = read();
  const Totals& t = b.total;
  EXPECT_EQ(t.n[kEntrants], 3);
  EXPECT_EQ(t.n[kOriented], 2);
  // Orientation delays 10 and 50 days: the lower median is 10; 1 of 3 entrants within 30 days.
  EXPECT_EQ(median(t.d_orientation), 10);
  EXPECT_EQ(cell(t, "Orientés en 30 jours ou moins"), "33,3 %");
  // First meeting 11 days after orientation for J1 only: 1 of 2 oriented within 30 days.
  EXPECT_EQ(median(t.d_first_meeting), 11);
  EXPECT_EQ(cell(t, "1er rendez-vous en 30 jours ou moins"), "50,0 %");
  EXPECT_EQ(cell(t, "Avec un référent"), "66,7 %");          // J1, J2
  EXPECT_EQ(cell(t, "Avec un plan d’actions"), "66,7 %");    // J1 (goal), J2 (referral's action)
  EXPECT_EQ(cell(t, "Avec un engagement signé"), "33,3 %");  // J1
  EXPECT_EQ(t.n[kAppointmentsBooked], 2);
  EXPECT_EQ(cell(t, "Taux d’absence aux rendez-vous"), "50,0 %");  // 1 missed, 1 honoured
  EXPECT_EQ(t.n[kReferralsSent], 2);
  EXPECT_EQ(t.n[kReferralsAccepted], 1);
  EXPECT_EQ(t.n[kReferralsRefused], 1);
  EXPECT_EQ(t.n[kReferralsExpired], 0);
  EXPECT_EQ(cell(t, "Emploi à 6 mois"), "33,3 %");
  EXPECT_EQ(cell(t, "Emploi durable à 6 mois"), "33,3 %");
  EXPECT_EQ(cell(t, "Emploi durable à 12 mois"), "33,3 %");
  EXPECT_EQ(cell(t, "Formation à 6 mois"), "0,0 %");
  EXPECT_EQ(cell(t, "Formation à 12 mois"), "33,3 %");
  EXPECT_EQ(cell(t, "Délai médian entrée → orientation (jours)"), "10");

  // By month of entry: January has J1 and J2, February J3.
  EXPECT_EQ(b.by_month[202701].n[kEntrants], 2);
  EXPECT_EQ(b.by_month[202702].n[kEntrants], 1);
  EXPECT_EQ(b.by_month[202701].n[kOriented], 2);
  // By route and organisation.
  EXPECT_EQ(b.by_route[kRoutePro].n[kEntrants], 1);
  EXPECT_EQ(b.by_route[kRouteSocial].n[kEntrants], 1);
  EXPECT_EQ(b.by_route[kRouteNone].n[kEntrants], 1);
  EXPECT_EQ(b.by_organisation[world_.cd08].n[kJob6], 1);
  EXPECT_EQ(b.by_organisation[world_.mission_locale].n[kAppointmentsNoshow], 1);
  EXPECT_EQ(b.by_organisation[0].n[kEntrants], 1);

  // An organisation's scope: the Mission locale sees J2 only.
  auto ml = read({.organisation_id = world_.mission_locale});
  EXPECT_EQ(ml.total.n[kEntrants], 1);
  EXPECT_EQ(cell(ml.total, "Taux d’absence aux rendez-vous"), "100,0 %");
  EXPECT_EQ(median(ml.total.d_orientation), 50);
  EXPECT_EQ(cell(ml.total, "Orientés en 30 jours ou moins"), "0,0 %");
  // Filter by route, and by period (February only).
  EXPECT_EQ(read({.route = kRouteSocial}).total.n[kTraining12], 1);
  {
    auto conn = db().acquire();
    auto only_feb = load_breakdown(
        *conn, {.territory_id = world_.ardennes, .from_month = 202702, .to_month = 202702});
    EXPECT_EQ(only_feb.total.n[kEntrants], 1);
    EXPECT_EQ(only_feb.total.n[kOriented], 0);
    // Nationally: the Ardennes only, the Marne has nothing.
    auto national = load_breakdown(*conn, {.from_month = 202701, .to_month = 202712});
    EXPECT_EQ(national.by_territory.size(), 1u);
    EXPECT_EQ(national.by_territory[world_.ardennes].n[kEntrants], 3);
    EXPECT_EQ(national.total.n[kReferralsSent], 2);
  }
  // The full rebuild gives the same counters.
  auto before = counters();
  {
    auto conn = db().acquire();
    rebuild(*conn);
  }
  EXPECT_EQ(counters(), before);
}

TEST_P(StatsTest, AJourneyMovesWithItsOrientationAndReferent) {
  at("2027-01-04");
  auto j = open("Alice");
  EXPECT_EQ(read().by_organisation[0].n[kEntrants], 1);
  at("2027-01-14");
  orient(j, "pro", world_.cd08, world_.referent);
  auto b = read();
  EXPECT_EQ(b.by_organisation.count(0) ? b.by_organisation[0].n[kEntrants] : 0, 0);
  EXPECT_EQ(b.by_organisation[world_.cd08].n[kEntrants], 1);
  EXPECT_EQ(b.by_route[kRoutePro].n[kEntrants], 1);
  EXPECT_EQ(b.total.n[kEntrants], 1);
}

// Generated journal events (every kind the projection reads, in random order per journey),
// applied in several uneven steps, give the same counters as one rebuild; catch-up twice and
// rebuild twice change nothing.
TEST_P(StatsTest, IncrementalStepsEqualOneRebuildOnGeneratedData) {
  std::mt19937 rng(42);
  auto conn = db().acquire();
  const char* routes[] = {"pro", "socio_pro", "social"};
  const std::int64_t orgs[] = {world_.cd08, world_.mission_locale, world_.ccas};
  const std::int64_t territories[] = {world_.ardennes, world_.marne};
  std::int64_t base = paris_local_to_unix(*followup::parse_date("2026-01-05"), 10, 0);
  auto event = [&](const char* kind, std::int64_t territory, std::int64_t journey,
                   boost::json::object payload, std::int64_t at) {
    pin_clock_for_tests(at);
    payload["journey_id"] = journey;
    store::append_event(*conn, {.kind = kind,
                                .territory_id = territory,
                                .person_id = journey,
                                .payload_json = boost::json::serialize(payload)});
  };
  int step = 0;
  for (std::int64_t journey = 1; journey <= 300; ++journey) {
    std::int64_t territory = territories[rng() % 2];
    std::int64_t t = base + static_cast<std::int64_t>(rng() % 700) * 86400;
    event("journey.opened", territory, journey, {{"entry", "professional"}}, t);
    if (rng() % 4 != 0) {
      t += static_cast<std::int64_t>(rng() % 80) * 86400;
      event("orientation.decided", territory, journey,
            {{"route", routes[rng() % 3]}, {"organisation_id", orgs[rng() % 3]}}, t);
      if (rng() % 3 != 0) {
        event("referent.changed", territory, journey, {{"organisation_id", orgs[rng() % 3]}}, t);
      }
      if (rng() % 2) {
        t += static_cast<std::int64_t>(rng() % 60) * 86400;
        event("orientation.first_meeting", territory, journey, {}, t);
      }
    }
    for (int a = 0, n = static_cast<int>(rng() % 4); a < n; ++a) {
      event("appointment.booked", territory, journey, {}, t);
      const char* to = rng() % 3 == 0 ? "noshow" : "seen";
      event("appointment.status_changed", territory, journey, {{"from", "planned"}, {"to", to}},
            t + 3600);
      if (rng() % 5 == 0) {  // corrected afterwards
        event("appointment.status_changed", territory, journey,
              {{"from", to}, {"to", std::string(to) == "seen" ? "noshow" : "seen"}}, t + 7200);
      }
    }
    const char* referral_kinds[] = {"referral.sent",     "referral.accepted",  "referral.refused",
                                    "referral.expired",  "plan.goal_added",    "commitment.signed",
                                    "plan.action_added", "commitment.accepted"};
    for (int r = 0, n = static_cast<int>(rng() % 5); r < n; ++r) {
      event(referral_kinds[rng() % 8], territory, journey, {}, t);
    }
    if (rng() % 3 == 0) {
      std::int64_t start = paris_day(t) + static_cast<std::int64_t>(rng() % 500);
      std::int64_t end = start + static_cast<std::int64_t>(rng() % 400);
      const char* kinds[] = {"job", "training", "business"};
      const char* contracts[] = {"cdi", "cdd", "interim"};
      event("outcome.recorded", territory, journey,
            {{"kind", kinds[rng() % 3]},
             {"contract", contracts[rng() % 3]},
             {"start_date", followup::iso_date(start)},
             {"end_date", followup::iso_date(end)}},
            t + 86400);
    }
    if (journey % 37 == 0) {  // project in uneven steps, with small batches
      catch_up(*conn, INT64_MAX, 7 + step++);
    }
  }
  catch_up(*conn, 50, 13);  // a bounded step
  catch_up(*conn);
  auto incremental = counters();
  ASSERT_GT(incremental.size(), 100u);
  EXPECT_EQ(lag(*conn), 0);
  catch_up(*conn);
  EXPECT_EQ(counters(), incremental);
  rebuild(*conn, 100);
  EXPECT_EQ(counters(), incremental);
  std::int64_t read = rebuild(*conn);
  EXPECT_EQ(counters(), incremental);
  // Read ahead on a second connection and thread (`stats rebuild`), in small batches so that the
  // reader waits for the projecting thread: the same events, the same facts and counters.
  auto facts = rows("SELECT * FROM stats_journeys ORDER BY journey_id");
  ASSERT_EQ(facts.size(), 300u);
  {
    auto reader = db().acquire();
    EXPECT_EQ(rebuild(*conn, &reader.get(), 97), read);
    EXPECT_EQ(rebuild(*conn, &reader.get()), read);
  }
  EXPECT_EQ(counters(), incremental);
  EXPECT_EQ(rows("SELECT * FROM stats_journeys ORDER BY journey_id"), facts);
  EXPECT_EQ(lag(*conn), 0);
  // Entrants add up to the journeys opened.
  std::int64_t entrants =
      conn->query_one("SELECT SUM(value) FROM stats_counters WHERE metric = 'entrants'")
          ->integer(0);
  EXPECT_EQ(entrants, 300);
}

TEST_P(StatsTest, ABatchThatFailsLeavesTheCursorAndTheCountersAsTheyWere) {
  at("2027-01-04");
  open("Alice");
  auto conn = db().acquire();
  class Failing : public Projection {
   public:
    std::string name() const override { return "failing"; }
    void reset(store::Connection&) override {}
    void apply(store::Connection& c, const std::vector<store::Event>&) override {
      c.execute("DELETE FROM stats_counters");
      throw std::runtime_error("panne simulée");
    }
  } failing;
  catch_up(*conn);
  auto before = counters();
  EXPECT_THROW(catch_up(*conn, failing), std::runtime_error);
  EXPECT_EQ(counters(), before);
  // A rebuild is one transaction: when it fails, the previous numbers stay.
  EXPECT_THROW(rebuild(*conn, failing), std::runtime_error);
  EXPECT_EQ(counters(), before);
  JourneyProjection journeys;
  rebuild(*conn, journeys);
  EXPECT_EQ(counters(), before);
  EXPECT_FALSE(
      conn->query_one("SELECT position FROM stats_cursors WHERE name = 'failing'") &&
      conn->query_one("SELECT position FROM stats_cursors WHERE name = 'failing'")->integer(0) > 0);
}

// A rebuild of the service's projections (the statistics and "what works", registered as
// main.cpp does) reads, on SQLite, the covering index of their kinds (migration 0026) rather
// than the whole journal: its condition must list exactly the kinds they read.
TEST_P(StatsTest, TheRebuildReadsTheJournalThroughTheIndexOfTheProjectedKinds) {
  impact::register_with_stats();
  auto conn = db().acquire();
  std::string sql = rebuild_read_sql(conn->dialect());
  EXPECT_NE(sql.find("'diagnostic.saved'"), std::string::npos);  // impact's kinds are there
  EXPECT_NO_THROW(conn->query(sql, {std::int64_t{0}, std::int64_t{100}}));
  if (conn->dialect() != store::Dialect::kSqlite) return;  // PostgreSQL follows journal_feed
  std::string plan;
  for (const auto& r :
       conn->query("EXPLAIN QUERY PLAN " + sql, {std::int64_t{0}, std::int64_t{100}})) {
    plan += r.text(r.size() - 1) + "\n";
  }
  EXPECT_NE(plan.find("COVERING INDEX journal_projected"), std::string::npos) << plan;
}

// On PostgreSQL the projections follow the feed, in commit order, which is not always the
// order of seq: a transaction that appended first may commit last. A rebuild (read ahead or
// not, in windows of any size) gives the events in the feed's order and leaves the cursor at
// the last one's position, as catching up does. On SQLite the order is seq's.
TEST_P(StatsTest, ARebuildFollowsTheFeedOrder) {
  class Recording : public Projection {
   public:
    std::vector<std::int64_t> seen;
    std::string name() const override { return "recording"; }
    void reset(store::Connection&) override { seen.clear(); }
    void apply(store::Connection&, const std::vector<store::Event>& events) override {
      for (const auto& e : events) seen.push_back(e.seq);
    }
    std::vector<std::string> kinds() const override { return {"journey.opened"}; }
  } recording;
  auto conn = db().acquire();
  auto other = db().acquire();
  bool pg = conn->dialect() == store::Dialect::kPostgres;
  auto append = [&](store::Connection& c, const char* kind) {
    return store::append_event(c, {.kind = kind, .territory_id = world_.ardennes});
  };
  for (int round = 0; round < 3; ++round) {
    append(*conn, "journey.opened");
    append(*conn, "stats.test_other");
    if (!pg) continue;
    conn->begin();  // appends first, commits last
    append(*conn, "journey.opened");
    append(*other, "journey.opened");
    append(*other, "stats.test_other");
    append(*other, "journey.opened");
    conn->commit();
  }
  append(*conn, "stats.test_other");
  std::vector<std::int64_t> expected;
  std::int64_t position = 0;
  for (const auto& r : conn->query(
           pg ? "SELECT j.seq, f.position FROM journal_feed f JOIN journal j ON j.seq = f.seq "
                "WHERE j.kind = 'journey.opened' ORDER BY f.position"
              : "SELECT seq, seq FROM journal WHERE kind = 'journey.opened' ORDER BY seq")) {
    expected.push_back(r.integer(0));
    position = r.integer(1);
  }
  ASSERT_EQ(expected.size(), pg ? 12u : 3u);
  if (pg) ASSERT_FALSE(std::is_sorted(expected.begin(), expected.end()));
  catch_up(*conn, recording);
  EXPECT_EQ(recording.seen, expected);
  for (int batch : {1, 2, 3, 5, 100}) {
    for (auto* reader : {static_cast<store::Connection*>(nullptr), &other.get()}) {
      EXPECT_EQ(rebuild(*conn, reader, recording, batch),
                static_cast<std::int64_t>(expected.size()));
      EXPECT_EQ(recording.seen, expected) << "lots de " << batch;
      EXPECT_EQ(conn->query_one("SELECT position FROM stats_cursors WHERE name = 'recording'")
                    ->integer(0),
                position);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, StatsTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::stats
