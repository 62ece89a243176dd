// "What works, for whom" on small hand-built journeys, on both engines: shares and Wilson
// intervals computed by hand, cohorts too recent left out, small groups hidden on both sides
// (including the side that could be found by subtraction), incremental = full rebuild, and the
// open-data rows with the same suppression.
#include "features/impact/impact.h"

#include <gtest/gtest.h>

#include <map>

#include "core/store/journal.h"
#include "features/impact/open_data.h"
#include "support/test_db.h"

namespace parcours::test {
namespace {

class ImpactTest : public EngineTest {
 protected:
  // 2025-06-15 12:00 UTC and 2026-10-15 12:00 UTC.
  static constexpr std::int64_t kJune2025 = 1'749'988'800;
  static constexpr std::int64_t kOctober2026 = 1'760'529'600 + 31'536'000;
  static constexpr const char* kToday = "2026-11-27";

  std::int64_t territory_ = 0, form_ = 0, structure_ = 0;
  std::map<std::string, std::int64_t> services_;

  void world(store::Connection& conn) {
    territory_ = conn.query_one(
                         "INSERT INTO territories (slug, name, created_at, updated_at) "
                         "VALUES ('ardennes', 'Ardennes', 0, 0) RETURNING id")
                     ->integer(0);
    form_ = conn.query_one(
                    "INSERT INTO diagnostic_forms (kind, version, definition, created_at) "
                    "VALUES ('socle_commun', 99, '{}', 0) RETURNING id")
                ->integer(0);
    structure_ = conn.query_one(
                         "INSERT INTO structures (source, di_id, nom, date_maj, created_at, "
                         "updated_at) VALUES ('test', 'test--s1', 'Structure', '2026-01-01', 0, 0) "
                         "RETURNING id")
                     ->integer(0);
    auto service = [&](const char* key, const char* type, const char* thematique) {
      services_[key] =
          conn.query_one(
                  "INSERT INTO services (source, di_id, structure_id, nom, description, type, "
                  "thematiques, date_maj, created_at, updated_at) VALUES ('test', $1, $2, $1, "
                  "'Un service', $3, $4, '2026-01-01', 0, 0) RETURNING id",
                  {std::string(key), structure_, std::string(type),
                   "[\"" + std::string(thematique) + "\"]"})
              ->integer(0);
    };
    service("atelier", "atelier", "mobilite--preparer-un-permis");
    service("formation", "formation", "se-former--trouver-sa-formation");
    service("accompagnement", "accompagnement", "trouver-un-emploi--faire-des-candidatures");
  }

  std::int64_t journey(store::Connection& conn, std::int64_t opened_at,
                       const char* birth = "1990-01-01") {
    auto person = conn.query_one(
                          "INSERT INTO persons (territory_id, birth_name, first_names, "
                          "birth_date, created_at, updated_at) VALUES ($1, 'Test', 'Personne', "
                          "$2, 0, 0) RETURNING id",
                          {territory_, std::string(birth)})
                      ->integer(0);
    auto id = conn.query_one(
                      "INSERT INTO journeys (person_id, territory_id, entry, opened_at, "
                      "last_activity_at) VALUES ($1, $2, 'professional', $3, $3) RETURNING id",
                      {person, territory_, opened_at})
                  ->integer(0);
    event(conn, "journey.opened", id, "{}");
    person_of_[id] = person;
    return id;
  }

  void event(store::Connection& conn, const char* kind, std::int64_t journey_id,
             const std::string& more) {
    std::string payload = "{\"journey_id\":" + std::to_string(journey_id) +
                          (more == "{}" ? "}" : "," + more.substr(1));
    store::append_event(conn, {.kind = kind,
                               .territory_id = territory_,
                               .person_id = person_of_[journey_id],
                               .payload_json = payload});
  }
  void orient(store::Connection& conn, std::int64_t j, const char* route) {
    event(conn, "orientation.decided", j, std::string("{\"route\":\"") + route + "\"}");
  }
  void action(store::Connection& conn, std::int64_t j, const char* service) {
    event(conn, "plan.action_added", j,
          "{\"service_id\":" + std::to_string(services_.at(service)) + "}");
  }
  void outcome(store::Connection& conn, std::int64_t j, const char* kind, const char* start) {
    event(conn, "outcome.recorded", j,
          std::string("{\"kind\":\"") + kind + "\",\"start_date\":\"" + start + "\"}");
  }
  void diagnostic(store::Connection& conn, std::int64_t j, const std::string& answers,
                  std::int64_t version = 1) {
    conn.execute(
        "INSERT INTO diagnostics (journey_id, author, version, form_id, answers, created_at) "
        "VALUES ($1, 'professional', $2, $3, $4, 0)",
        {j, version, form_, answers});
    event(conn, "diagnostic.saved", j,
          "{\"author\":\"professional\",\"version\":" + std::to_string(version) + "}");
  }

  // 30 journeys opened in June 2025, all pro, aged 35:
  //   1-12 had the atelier (thématique mobilité): 1-6 a job in September 2025 (within 6
  //        months), 7-8 a training in March 2026 (within 12 months);
  //   13-17 had the formation: 13-15 a job in August 2025;
  //   1-22 had the accompagnement; 20 had an "other" outcome (not positive).
  //   1-12 have "mobilite" as a major obstacle, the others none.
  // And 5 journeys opened in October 2026, all with the atelier and a job: too recent.
  std::vector<std::int64_t> build(store::Connection& conn) {
    std::vector<std::int64_t> j;
    for (int i = 1; i <= 30; ++i) {
      auto id = journey(conn, kJune2025);
      j.push_back(id);
      orient(conn, id, "pro");
      diagnostic(
          conn, id,
          i <= 12
              ? R"({"duree_sans_emploi":"1_2_ans","freins":{"mobilite":{"niveau":"majeur"},"sante":{"niveau":"a_surveiller"}}})"
              : R"({"duree_sans_emploi":"moins_6_mois","freins":{}})");
      if (i <= 12) action(conn, id, "atelier");
      if (i >= 13 && i <= 17) action(conn, id, "formation");
      if (i <= 22) action(conn, id, "accompagnement");
      if (i <= 6) outcome(conn, id, "job", "2025-09-01");
      if (i == 7 || i == 8) outcome(conn, id, "training", "2026-03-01");
      if (i >= 13 && i <= 15) outcome(conn, id, "job", "2025-08-01");
      if (i == 20) outcome(conn, id, "other", "2025-08-01");
    }
    for (int i = 0; i < 5; ++i) {
      auto id = journey(conn, kOctober2026);
      orient(conn, id, "pro");
      action(conn, id, "atelier");
      outcome(conn, id, "job", "2026-11-01");
    }
    return j;
  }

  static const impact::Comparison* find(const std::vector<impact::Comparison>& rows,
                                        const std::string& action, const std::string& value) {
    for (const auto& r : rows) {
      if (r.action == action && r.value == value) return &r;
    }
    return nullptr;
  }

  std::map<std::int64_t, std::int64_t> person_of_;
};

TEST_P(ImpactTest, WilsonIntervalMatchesTheFormulaWorkedByHand) {
  // 6 of 12, z = 1.96: centre (0.5 + 3.8416/24) / (1 + 3.8416/12) = 0.5, half-width
  // 1.96 * sqrt(0.25/12 + 3.8416/576) / 1.320133 = 0.246222.
  auto half = impact::wilson(6, 12);
  EXPECT_NEAR(half.low, 0.253778, 1e-5);
  EXPECT_NEAR(half.high, 0.746222, 1e-5);
  // 3 of 18: centre 0.273378 / 1.213422 = 0.225295, half-width 0.202556 / 1.213422 = 0.166927.
  auto low = impact::wilson(3, 18);
  EXPECT_NEAR(low.low, 0.058365, 1e-5);
  EXPECT_NEAR(low.high, 0.392225, 1e-5);
  // None of 5: the lower bound is 0, the upper one z²/n / (1 + z²/n) = 0.76832/1.76832.
  auto none = impact::wilson(0, 5);
  EXPECT_NEAR(none.low, 0.0, 1e-9);
  EXPECT_NEAR(none.high, 0.434491, 1e-5);
}

TEST_P(ImpactTest, ComparesWithAndWithoutTheActionWithinTheStratum) {
  auto conn = db().acquire();
  world(*conn);
  build(*conn);
  impact::catch_up(*conn);
  auto rows = impact::compare(*conn, territory_, "ensemble", kToday);
  auto* atelier = find(rows, "type:atelier", "tous");
  ASSERT_NE(atelier, nullptr);
  // With: 12, 6 within 6 months, 8 within 12. Without: 18, 3 and 3. The October 2026 cohort
  // (5 with the atelier and a job) is too recent for either horizon.
  ASSERT_TRUE(atelier->with6.shown);
  EXPECT_EQ(atelier->with6.n, 12);
  EXPECT_EQ(atelier->with6.positives, 6);
  EXPECT_EQ(atelier->with12.positives, 8);
  EXPECT_EQ(atelier->without6.n, 18);
  EXPECT_EQ(atelier->without6.positives, 3);
  EXPECT_EQ(atelier->without12.positives, 3);
  EXPECT_NEAR(atelier->with6.interval.low, 0.253778, 1e-5);
  EXPECT_NEAR(atelier->without6.interval.high, 0.392225, 1e-5);
  // The thématique of the same service: the same people.
  auto* mobility = find(rows, "thematique:mobilite", "tous");
  ASSERT_NE(mobility, nullptr);
  EXPECT_EQ(mobility->with12.n, 12);
  EXPECT_EQ(mobility->with12.positives, 8);

  // By major obstacle: the atelier people all have "mobilite", nobody else does, so within
  // that stratum nobody lacks the atelier — both sides hidden.
  auto by_obstacle = impact::compare(*conn, territory_, "frein", kToday);
  auto* in_stratum = find(by_obstacle, "type:atelier", "mobilite");
  ASSERT_NE(in_stratum, nullptr);
  EXPECT_FALSE(in_stratum->with6.shown);
  EXPECT_FALSE(in_stratum->without6.shown);
  auto* formation = find(by_obstacle, "type:formation", "aucun");
  ASSERT_NE(formation, nullptr);
  EXPECT_FALSE(formation->with6.shown);  // 5 of 18
  // "sante" is only "à surveiller": not a major obstacle, no stratum.
  for (const auto& r : by_obstacle) EXPECT_NE(r.value, "sante");
  auto by_age = impact::compare(*conn, territory_, "age", kToday);
  EXPECT_NE(find(by_age, "type:atelier", "26_44"), nullptr);
}

TEST_P(ImpactTest, HidesBothSidesWhenEitherIsSmall) {
  auto conn = db().acquire();
  world(*conn);
  build(*conn);
  impact::catch_up(*conn);
  auto rows = impact::compare(*conn, territory_, "ensemble", kToday);
  // Formation: 5 with it (fewer than 11), 25 without: neither shown.
  auto* formation = find(rows, "type:formation", "tous");
  ASSERT_NE(formation, nullptr);
  EXPECT_FALSE(formation->with6.shown);
  EXPECT_FALSE(formation->without6.shown);
  EXPECT_EQ(formation->without6.n, 0);
  // Accompagnement: 22 with it, 8 without. Showing the 22 would give the 8 away by subtraction
  // from the atelier row's 12 + 18 = 30: neither is shown.
  auto* accompaniment = find(rows, "type:accompagnement", "tous");
  ASSERT_NE(accompaniment, nullptr);
  EXPECT_FALSE(accompaniment->with12.shown);
  EXPECT_FALSE(accompaniment->without12.shown);
  EXPECT_EQ(accompaniment->with12.n, 0);

  auto open = impact::open_data(*conn, territory_, kToday);
  int secret = 0, shown = 0;
  for (const auto& r : open) {
    if (r.indicator != "sorties_positives") continue;
    if (r.secret) {
      ++secret;
      EXPECT_EQ(r.count, 0);
      EXPECT_FALSE(r.positives.has_value());
      EXPECT_FALSE(r.share.has_value());
    } else {
      ++shown;
      EXPECT_GE(r.count, impact::kMinGroup);
    }
  }
  EXPECT_GT(secret, 0);
  EXPECT_GT(shown, 0);
  // Entrants: 30 in June 2025 (shown), 5 in October 2026 (secret).
  std::map<std::string, const impact::OpenRow*> entrants;
  for (const auto& r : open) {
    if (r.indicator == "entrees") entrants[r.period] = &r;
  }
  ASSERT_EQ(entrants.size(), 2u);
  EXPECT_EQ(entrants["2025-06"]->count, 30);
  EXPECT_FALSE(entrants["2025-06"]->secret);
  EXPECT_TRUE(entrants["2026-10"]->secret);
  EXPECT_EQ(entrants["2026-10"]->count, 0);
  auto csv = impact::to_csv("ardennes", open);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("territoire;indicateur;periode;"), std::string::npos);
  EXPECT_NE(csv.find("ardennes;entrees;2026-10;;;parcours;pro;Professionnel;;;;;;;;1\r\n"),
            std::string::npos);
  auto json = impact::to_json("ardennes", kToday, open);
  EXPECT_NE(json.find("\"seuil_secret\":11"), std::string::npos);
}

TEST_P(ImpactTest, IncrementalUpdatesGiveTheSameCountersAsARebuild) {
  auto conn = db().acquire();
  world(*conn);
  auto j = build(*conn);
  // Half applied, then more events (a later outcome, a new action), then the rest.
  impact::catch_up(*conn);
  outcome(*conn, j[20], "job", "2025-07-01");
  action(*conn, j[25], "atelier");
  diagnostic(*conn, j[26], R"({"duree_sans_emploi":"jamais","freins":{}})", 2);
  impact::catch_up(*conn);
  auto counters = [&] {
    std::vector<std::string> out;
    for (const auto& r : conn->query(
             "SELECT entry_month, action, dimension, value, n, pos6, pos12 FROM impact_counters "
             "WHERE n <> 0 OR pos6 <> 0 OR pos12 <> 0 ORDER BY entry_month, action, dimension, "
             "value")) {
      std::string line;
      for (std::size_t i = 0; i < 7; ++i) line += r.text(i) + "|";
      out.push_back(line);
    }
    return out;
  };
  // The facts too: the rebuild keeps them in memory and writes them once at the end.
  auto facts = [&] {
    std::vector<std::string> out;
    for (const auto& r :
         conn->query("SELECT journey_id, territory_id, entered_on, age_band, route, obstacles, "
                     "time_since_job, COALESCE(positive_on, '-') FROM impact_journeys ORDER BY "
                     "journey_id")) {
      std::string line;
      for (std::size_t i = 0; i < 8; ++i) line += r.text(i) + "|";
      out.push_back(line);
    }
    for (const auto& r : conn->query(
             "SELECT journey_id, action FROM impact_journey_actions ORDER BY journey_id, action")) {
      out.push_back(r.text(0) + "|" + r.text(1));
    }
    return out;
  };
  auto incremental = counters();
  auto incremental_facts = facts();
  ASSERT_GT(incremental_facts.size(), 30u);
  auto replayed = impact::rebuild(*conn);
  EXPECT_GT(replayed, 100);
  EXPECT_EQ(counters(), incremental);
  EXPECT_EQ(facts(), incremental_facts);
  auto rows = impact::compare(*conn, territory_, "ensemble", kToday);
  auto* atelier = find(rows, "type:atelier", "tous");
  ASSERT_NE(atelier, nullptr);
  EXPECT_EQ(atelier->with6.n, 13);
  EXPECT_EQ(atelier->without6.positives, 4);
  // The second version of journey 27's diagnostic moved it from "moins_6_mois" to "jamais".
  auto stratum = [&](const char* value) {
    return conn
        ->query_one(
            "SELECT SUM(n) FROM impact_counters WHERE territory_id = $1 AND action = '*' "
            "AND dimension = 'sans_emploi' AND value = $2",
            {territory_, std::string(value)})
        ->integer(0);
  };
  EXPECT_EQ(stratum("jamais"), 1);
  EXPECT_EQ(stratum("moins_6_mois"), 17);
  EXPECT_EQ(stratum("1_2_ans"), 12);
}

INSTANTIATE_TEST_SUITE_P(Engines, ImpactTest, kEngines, engine_name);

}  // namespace
}  // namespace parcours::test
