// Orientation on both engines: the queue (deadline statuses, filters, sort, cursor), decisions
// (bad input writes nothing; journal, outbox, référent), reorientation (request, keep, accept),
// the référent handover (30 days of read access, then the job ends it), the first meeting and
// the lists of journeys to watch, and the territory's rules.
#include "features/orientation/orientation.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/jobs/jobs.h"
#include "core/store/journal.h"
#include "features/orientation/referents.h"
#include "features/orientation/rules.h"
#include "features/people/events.h"
#include "features/people/policy.h"
#include "store/people_fixture.h"

namespace parcours::orientation {
namespace {

using namespace std::chrono;

// Friday 12 March 2027, 10:00 in Paris.
constexpr std::int64_t kNow = 1804842000;

class OrientationTest : public test::PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    pin_clock_for_tests(kNow);
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    auto conn = db().acquire();
    return conn->query_one(sql, params)->integer(0);
  }

  // A person living in `commune` with a journey to orient opened `days_ago` days before now.
  std::int64_t waiting(const std::string& name, int days_ago, const char* commune = "08409",
                       const char* entry = "professional", const char* email = nullptr,
                       bool no_fixed_address = false) {
    auto conn = db().acquire();
    auto person =
        conn->query_one(
                "INSERT INTO persons (territory_id, birth_name, first_names, email, "
                "commune_code, no_fixed_address, created_at, updated_at) VALUES ($1, "
                "$2, 'Test', $3, $4, $5, 0, 0) RETURNING id",
                {world_.ardennes, name, email ? store::Value(email) : store::Value(nullptr),
                 commune, store::boolean(no_fixed_address)})
            ->integer(0);
    std::int64_t opened = kNow - static_cast<std::int64_t>(days_ago) * 86400;
    return conn
        ->query_one(
            "INSERT INTO journeys (person_id, territory_id, entry, opened_at, last_activity_at) "
            "VALUES ($1, $2, $3, $4, $4) RETURNING id",
            {person, world_.ardennes, entry, opened})
        ->integer(0);
  }

  Decision decision(std::int64_t journey, const char* route = "social", std::string referent = "") {
    return {.journey_id = journey,
            .route = route,
            .organisation_id = std::to_string(world_.cd08),
            .referent = std::move(referent),
            .reason = "Logement à trouver d’abord, puis l’emploi.",
            .actor_id = world_.orienter,
            .actor_organisation_id = world_.cd08,
            .public_url = "https://parcours.test"};
  }

  Day today() { return paris_day(kNow); }
};

TEST_P(OrientationTest, QueueComputesDaysAndDeadlineStatus) {
  waiting("Late", 40);
  waiting("Soon", 25);
  waiting("Fresh", 2);
  auto conn = db().acquire();
  auto page = list_queue(*conn, {.territory_id = world_.ardennes}, today());
  ASSERT_EQ(page.rows.size(), 3u);
  EXPECT_EQ(page.rows[0].name, "Test Late");
  EXPECT_EQ(page.rows[0].days_since_entry, 40);
  EXPECT_EQ(page.rows[0].status, DeadlineStatus::kLate);
  EXPECT_EQ(page.rows[1].status, DeadlineStatus::kDueSoon);
  EXPECT_EQ(page.rows[2].status, DeadlineStatus::kOnTime);
  EXPECT_EQ(page.rows[2].commune, "Sedan");
  EXPECT_TRUE(page.next.empty());
  // Each deadline filter keeps exactly its rows, in SQL.
  for (auto [code, name] : {std::pair{"late", "Test Late"}, std::pair{"due_soon", "Test Soon"},
                            std::pair{"on_time", "Test Fresh"}}) {
    auto filtered = list_queue(*conn, {.territory_id = world_.ardennes, .deadline = code}, today());
    ASSERT_EQ(filtered.rows.size(), 1u) << code;
    EXPECT_EQ(filtered.rows[0].name, name) << code;
    EXPECT_STREQ(status_code(filtered.rows[0].status), code);
  }
}

TEST_P(OrientationTest, DeadlineFilterBoundariesMatchTheComputedStatus) {
  // Every entry day from 60 days ago to today, in working days: the SQL filter and the status
  // computed per row agree on each of them.
  {
    auto conn = db().acquire();
    conn->execute(
        "UPDATE territories SET deadline_working_days = 1, orientation_deadline_days = "
        "20 WHERE id = $1",
        {world_.ardennes});
  }
  for (int d = 0; d <= 60; ++d) waiting("P" + std::to_string(d), d);
  auto conn = db().acquire();
  std::map<std::string, int> by_filter;
  for (const char* code : {"late", "due_soon", "on_time"}) {
    QueueFilter f{.territory_id = world_.ardennes, .deadline = code, .limit = 100};
    for (const auto& row : list_queue(*conn, f, today()).rows) {
      EXPECT_STREQ(status_code(row.status), code) << row.name;
      ++by_filter[code];
    }
  }
  EXPECT_EQ(by_filter["late"] + by_filter["due_soon"] + by_filter["on_time"], 61);
  EXPECT_GT(by_filter["late"], 0);
  EXPECT_GT(by_filter["due_soon"], 0);
  EXPECT_GT(by_filter["on_time"], 0);
}

TEST_P(OrientationTest, QueueFiltersSortsAndPages) {
  waiting("A", 10, "08409", "professional");
  waiting("B", 9, "08105", "public_form");
  waiting("C", 8, "08105", "professional");
  auto conn = db().acquire();
  auto by_commune =
      list_queue(*conn, {.territory_id = world_.ardennes, .commune_code = "08105"}, today());
  EXPECT_EQ(by_commune.rows.size(), 2u);
  auto by_epci =
      list_queue(*conn, {.territory_id = world_.ardennes, .epci_code = "200041630"}, today());
  EXPECT_EQ(by_epci.rows.size(), 2u);
  auto by_entry =
      list_queue(*conn, {.territory_id = world_.ardennes, .entry = "public_form"}, today());
  ASSERT_EQ(by_entry.rows.size(), 1u);
  EXPECT_EQ(by_entry.rows[0].name, "Test B");
  auto newest = list_queue(*conn, {.territory_id = world_.ardennes, .sort = "newest"}, today());
  EXPECT_EQ(newest.rows[0].name, "Test C");
  // Pages of 2 then 1, for both orders.
  for (const char* sort : {"oldest", "newest"}) {
    QueueFilter f{.territory_id = world_.ardennes, .sort = sort, .limit = 2};
    auto first = list_queue(*conn, f, today());
    ASSERT_EQ(first.rows.size(), 2u);
    ASSERT_FALSE(first.next.empty());
    f.after = first.next;
    auto second = list_queue(*conn, f, today());
    ASSERT_EQ(second.rows.size(), 1u);
    EXPECT_EQ(second.rows[0].name, std::string(sort) == "oldest" ? "Test C" : "Test A");
    EXPECT_TRUE(second.next.empty());
  }
}

TEST(OrientationFilter, BadFiltersGetFrenchMessagesNamingThem) {
  struct Bad {
    QueueFilter filter;
    const char* field;
  };
  const Bad bad[] = {
      {{.status = "closed"}, "statut"},
      {{.entry = "porte"}, "entree"},
      {{.deadline = "bientot"}, "echeance"},
      {{.sort = "nom"}, "tri"},
      {{.commune_code = "Sedan"}, "commune"},
      {{.epci_code = "12"}, "epci"},
      {{.after = "abc"}, "apres"},
  };
  for (const auto& b : bad) {
    auto r = validate_filter(b.filter);
    ASSERT_FALSE(r) << b.field;
    EXPECT_EQ(r.error().field, b.field);
    EXPECT_FALSE(r.error().message.empty());
  }
  EXPECT_TRUE(validate_filter({.commune_code = "2A004", .epci_code = "200041630"}));
}

TEST_P(OrientationTest, BadDecisionsWriteNothing) {
  auto journey = waiting("Bad", 3, "08409", "professional", "bad@exemple.fr");
  auto conn = db().acquire();
  struct Case {
    Decision d;
    const char* field;
  };
  auto base = decision(journey);
  std::vector<Case> cases;
  auto with = [&](auto change, const char* field) {
    Decision d = base;
    change(d);
    cases.push_back({d, field});
  };
  with([](Decision& d) { d.route = "emploi"; }, "route");
  with([](Decision& d) { d.route = ""; }, "route");
  with([](Decision& d) { d.organisation_id = ""; }, "organisation_id");
  with([](Decision& d) { d.organisation_id = "abc"; }, "organisation_id");
  with([&](Decision& d) { d.organisation_id = std::to_string(world_.caf_marne); },
       "organisation_id");
  with([](Decision& d) { d.referent = "x"; }, "referent");
  // A référent of another organisation than the one in charge.
  with([&](Decision& d) { d.referent = std::to_string(world_.colleague); }, "referent");
  // Not a référent at all.
  with([&](Decision& d) { d.referent = std::to_string(world_.orienter); }, "referent");
  with(
      [&](Decision& d) {
        d.referent = std::to_string(world_.referent) + "-" + std::to_string(world_.mission_locale);
      },
      "referent");
  with([&](Decision& d) { d.referent = std::to_string(world_.referent) + "-x"; }, "referent");
  with([](Decision& d) { d.reason = "  court "; }, "reason");
  with([](Decision& d) { d.reason = std::string(2001, 'a'); }, "reason");
  for (const auto& c : cases) {
    auto r = decide(*conn, c.d);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientations"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind LIKE 'orientation.%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journeys WHERE status = 'to_orient'"), 1);
}

TEST_P(OrientationTest, DecisionOrientsJournalsNotifiesAndSetsTheReferent) {
  auto journey = waiting("Sdf", 3, "08409", "professional", "sdf@exemple.fr", true);
  auto conn = db().acquire();
  auto id =
      decide(*conn, decision(journey, "social",
                             std::to_string(world_.referent) + "-" + std::to_string(world_.cd08)));
  ASSERT_TRUE(id) << id.error().message;
  auto o = current_orientation(*conn, journey);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->route, "social");
  EXPECT_EQ(o->organisation_name, "CD 08");
  EXPECT_EQ(o->referent_name, "Sofia Martin");
  EXPECT_EQ(o->suggested_route, "social");  // no fixed address
  EXPECT_EQ(o->followed_suggestion, true);
  ASSERT_EQ(o->suggestion_reasons.size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journeys WHERE id = $1 AND status = 'oriented'", {journey}),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journey_members WHERE journey_id = $1 AND user_id = $2 "
                  "AND role = 'referent' AND left_at IS NULL",
                  {journey, world_.referent}),
            1);
  // The person, the référent and the organisation are told.
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'sdf@exemple.fr'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'referent@test.fr'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'cd08@structure.test'"), 1);
  // The carnet de bord tells it in French.
  auto events = store::read_events(*conn, {.kind_prefix = "orientation.decided"});
  ASSERT_EQ(events.size(), 1u);
  people::EventNarrator narrator(*conn);
  EXPECT_EQ(narrator.sentence(events[0]),
            "Claire Petit (CD 08) : orientation vers un parcours social, accompagné par CD 08 "
            "(suggestion suivie)");
  // A second decision is refused: the journey no longer waits.
  auto again = decide(*conn, decision(journey, "pro"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  // Not in the queue any more.
  EXPECT_TRUE(list_queue(*conn, {.territory_id = world_.ardennes}, today()).rows.empty());
}

TEST_P(OrientationTest, DecisionAgainstTheSuggestionIsRecordedAsSuch) {
  auto journey = waiting("Sdf2", 3, "08409", "professional", nullptr, true);
  auto conn = db().acquire();
  ASSERT_TRUE(decide(*conn, decision(journey, "pro")));
  auto o = current_orientation(*conn, journey);
  EXPECT_EQ(o->followed_suggestion, false);
  EXPECT_FALSE(o->referent_id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 1);  // the organisation; no email, no référent
}

TEST_P(OrientationTest, DecisionWithoutAnySuggestionLeavesFollowedEmpty) {
  auto journey = waiting("Plain", 3);
  auto conn = db().acquire();
  ASSERT_TRUE(decide(*conn, decision(journey, "pro")));
  auto o = current_orientation(*conn, journey);
  EXPECT_FALSE(o->suggested_route);
  EXPECT_FALSE(o->followed_suggestion);
}

TEST_P(OrientationTest, ReorientationKeptThenAccepted) {
  auto journey = waiting("Re", 3, "08409", "professional", "re@exemple.fr");
  auto conn = db().acquire();
  ASSERT_TRUE(decide(*conn, decision(journey, "pro", std::to_string(world_.referent))));
  // Bad reason: nothing written.
  auto bad = request_reorientation(*conn, journey, world_.referent, world_.cd08, "trop", "u");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "reason");
  EXPECT_EQ(count("SELECT COUNT(*) FROM reorientation_requests"), 0);
  auto request = request_reorientation(*conn, journey, world_.referent, world_.cd08,
                                       "Des difficultés de santé sont apparues.", "u");
  ASSERT_TRUE(request) << request.error().message;
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'orienter@test.fr'"), 1);
  auto twice = request_reorientation(*conn, journey, world_.referent, world_.cd08,
                                     "Encore une autre demande.", "u");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  // In the queue of reorientations.
  auto queue =
      list_queue(*conn, {.territory_id = world_.ardennes, .status = "reorientation"}, today());
  ASSERT_EQ(queue.rows.size(), 1u);
  EXPECT_TRUE(queue.rows[0].reorientation_pending);
  // Kept, with an answer (a short one is refused).
  ASSERT_FALSE(
      keep_orientation(*conn, journey, *request, world_.orienter, world_.cd08, "non", "u"));
  ASSERT_TRUE(keep_orientation(*conn, journey, *request, world_.orienter, world_.cd08,
                               "Le parcours pro reste adapté, voyons dans un mois.", "u"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM reorientation_requests WHERE status = 'kept'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind = 'orientation.reorientation_kept'"), 1);
  // A decision is refused when nothing is pending.
  EXPECT_FALSE(decide(*conn, decision(journey, "social")));
  // Asked again, then accepted by a new decision.
  auto second = request_reorientation(*conn, journey, world_.referent, world_.cd08,
                                      "La santé s’est dégradée encore.", "u");
  ASSERT_TRUE(second);
  auto previous = current_orientation(*conn, journey);
  auto accepted = decide(*conn, decision(journey, "social"));
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(count("SELECT COUNT(*) FROM reorientation_requests WHERE id = $1 AND status = "
                  "'accepted' AND orientation_id = $2",
                  {*second, *accepted}),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientations WHERE id = $1 AND replaced_by = $2",
                  {previous->id, *accepted}),
            1);
  EXPECT_EQ(current_orientation(*conn, journey)->route, "social");
  // The référent who asked is told.
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'referent@test.fr' AND "
                  "subject LIKE '%acceptée%'"),
            1);
}

TEST_P(OrientationTest, FormerReferentReadsForThirtyDaysThenTheJobEndsIt) {
  auto journey = waiting("Hand", 3);
  auto conn = db().acquire();
  // A second référent in the CD 08.
  auto other = conn->query_one(
                       "INSERT INTO users (email, name, created_at, updated_at) VALUES "
                       "('other@test.fr', 'Lina Roy', 0, 0) RETURNING id")
                   ->integer(0);
  conn->execute(
      "INSERT INTO user_roles (user_id, role, organisation_id, referent, created_at, "
      "updated_at) VALUES ($1, 'professional', $2, 1, 0, 0)",
      {other, world_.cd08});
  ASSERT_TRUE(decide(*conn, decision(journey, "pro", std::to_string(world_.referent))));
  ASSERT_TRUE(assign_referent(*conn, journey, other, world_.cd08, world_.orienter, world_.cd08));
  EXPECT_EQ(count("SELECT COUNT(*) FROM journey_members WHERE journey_id = $1 AND user_id = $2 "
                  "AND role = 'referent' AND left_at IS NULL",
                  {journey, other}),
            1);
  EXPECT_TRUE(former_referent(*conn, journey, world_.referent));
  auto person =
      conn->query_one("SELECT person_id FROM journeys WHERE id = $1", {journey})->integer(0);
  security::Actor former{.user_id = world_.referent,
                         .grants = {{.role = security::Role::kProfessional,
                                     .organisation_id = world_.cd08,
                                     .organisation_territory_id = world_.ardennes,
                                     .referent = true}}};
  auto facts = people::load_person_facts(*conn, former, person, world_.ardennes);
  EXPECT_FALSE(facts.in_team);
  EXPECT_TRUE(facts.former_referent);
  EXPECT_TRUE(people::may_view_journey(former, facts));
  EXPECT_FALSE(people::may_add_note(former, facts));
  // The expiry job is queued at the end of the 30 days.
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND run_at = $2",
                  {kExpiryJob, kNow + 30 * 86400}),
            1);
  // Day 29: still reads; nothing to expire.
  pin_clock_for_tests(kNow + 29 * 86400);
  EXPECT_EQ(expire_former_referents(*conn), 0);
  EXPECT_TRUE(people::load_person_facts(*conn, former, person, world_.ardennes).former_referent);
  // Day 31: the job runs and ends the access.
  pin_clock_for_tests(kNow + 31 * 86400);
  EXPECT_FALSE(people::load_person_facts(*conn, former, person, world_.ardennes).former_referent);
  jobs::JobRunner runner(db(), "test");
  register_jobs(runner);
  EXPECT_GE(runner.run_due(), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM former_referents"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind = "
                  "'orientation.former_referent_access_ended'"),
            1);
  facts = people::load_person_facts(*conn, former, person, world_.ardennes);
  EXPECT_FALSE(people::may_view_journey(former, facts));
}

TEST_P(OrientationTest, AssigningSomeoneNotReferentOfTheOrganisationIsRefused) {
  auto journey = waiting("NoRef", 3);
  auto conn = db().acquire();
  ASSERT_TRUE(decide(*conn, decision(journey, "pro")));
  auto r =
      assign_referent(*conn, journey, world_.colleague, world_.cd08, world_.orienter, world_.cd08);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "referent");
  EXPECT_EQ(count("SELECT COUNT(*) FROM journey_members WHERE journey_id = $1", {journey}), 0);
}

TEST_P(OrientationTest, WatchListsAndFirstMeeting) {
  auto without = waiting("Without", 3);
  auto with = waiting("With", 3);
  auto conn = db().acquire();
  ASSERT_TRUE(decide(*conn, decision(without, "pro")));
  ASSERT_TRUE(decide(*conn, decision(with, "pro", std::to_string(world_.referent))));
  auto rows = journeys_to_watch(*conn, world_.ardennes, std::nullopt, kNow);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].journey_id, without);
  EXPECT_TRUE(rows[0].no_referent);
  EXPECT_EQ(journeys_to_watch(*conn, world_.ardennes, world_.mission_locale, kNow).size(), 0u);
  EXPECT_EQ(journeys_to_watch(*conn, world_.ardennes, world_.cd08, kNow).size(), 1u);
  // 31 days later, the référent's journey has had no first meeting: it is listed too.
  std::int64_t later = kNow + 31 * 86400;
  EXPECT_EQ(journeys_to_watch(*conn, world_.ardennes, std::nullopt, later).size(), 2u);
  ASSERT_TRUE(record_first_meeting(*conn, with, world_.referent, world_.cd08));
  EXPECT_EQ(record_first_meeting(*conn, with, world_.referent, world_.cd08).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(journeys_to_watch(*conn, world_.ardennes, std::nullopt, later).size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journeys WHERE id = $1 AND status = 'accompanied'", {with}),
            1);
  auto mine = journeys_of_referent(*conn, world_.referent);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_TRUE(mine[0].first_meeting);
  EXPECT_EQ(mine[0].route, "pro");
}

TEST_P(OrientationTest, TerritoryRulesAreVersionedValidatedAndUsed) {
  auto conn = db().acquire();
  EXPECT_EQ(current_rules(*conn, world_.ardennes).version, 0);
  auto bad = save_rules(*conn, world_.ardennes, world_.manager, R"({"regles": [{"id": "x"}]})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "regles");
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientation_rules"), 0);
  const char* mine = R"({"regles": [{"id": "tous_social", "parcours": "social",
      "si": [{"champ": "situation.sans_domicile_fixe", "egal": false}],
      "raison": "Dans ce territoire, tout commence par le social."}]})";
  EXPECT_EQ(*save_rules(*conn, world_.ardennes, world_.manager, mine), 1);
  EXPECT_EQ(*save_rules(*conn, world_.ardennes, world_.manager, mine), 2);
  EXPECT_EQ(current_rules(*conn, world_.ardennes).version, 2);
  EXPECT_EQ(current_rules(*conn, world_.marne).version, 0);  // the other keeps the default
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind = 'orientation.rules_updated'"), 2);
  auto journey = waiting("Rules", 1);
  auto s = suggest_for(*conn, journey);
  ASSERT_TRUE(s.route);
  EXPECT_EQ(*s.route, "social");
  EXPECT_EQ(s.reasons[0], "Dans ce territoire, tout commence par le social.");
}

TEST_P(OrientationTest, SuggestionReadsBothDiagnosticsTheProfessionalWinning) {
  auto journey = waiting("Diag", 2);
  auto conn = db().acquire();
  EXPECT_FALSE(diagnostic_answers(*conn, journey));
  auto form = conn->query_one(
                      "INSERT INTO diagnostic_forms (kind, version, definition, "
                      "created_at) VALUES ('socle_commun', 99, '{}', 0) RETURNING id")
                  ->integer(0);
  auto save = [&](const char* author, std::int64_t version, const char* answers) {
    conn->execute(
        "INSERT INTO diagnostics (journey_id, author, version, form_id, answers, "
        "created_at) VALUES ($1, $2, $3, $4, $5, 0)",
        {journey, author, version, form, answers});
  };
  // The person: housing is a major obstacle, and an old version that said otherwise.
  save("person", 1, R"({"duree_sans_emploi": "moins_6_mois"})");
  save("person", 2,
       R"({"duree_sans_emploi": "plus_2_ans", "freins": {"logement-hebergement":
          {"niveau": "majeur", "sous_thematiques": [], "commentaire": ""}}})");
  auto person_only = suggest_for(*conn, journey);
  ASSERT_TRUE(person_only.route);
  EXPECT_EQ(*person_only.route, "social");  // logement (2) against longue durée (1)
  // The professional: the same obstacle seen as to watch, and a recent job.
  save("professional", 1,
       R"({"duree_sans_emploi": "moins_6_mois", "disponibilite": "immediate",
          "freins": {"logement-hebergement": {"niveau": "a_surveiller"},
                     "mobilite": {"niveau": "majeur"}}})");
  auto merged = diagnostic_answers(*conn, journey);
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->at("duree_sans_emploi").as_string(), "moins_6_mois");
  EXPECT_EQ(merged->at("freins").as_object().at("logement-hebergement").at("niveau").as_string(),
            "a_surveiller");
  auto both = suggest_for(*conn, journey);
  EXPECT_TRUE(both.has_diagnostic);
  EXPECT_EQ(*both.route, "pro");  // emploi récent (2) + disponible (1) against mobilité (1)
  EXPECT_EQ(both.other_reasons.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, OrientationTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::orientation
