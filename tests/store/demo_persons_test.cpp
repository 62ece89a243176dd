// The demonstration persons on both engines: written through the people service (journeys at
// several stages, teams, notes, timelines over past months), Léa who logs into her own space,
// one journey past the retention for `parcours purge`, a possible duplicate, and a rerun that
// changes nothing.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/accounts/users.h"
#include "features/demo/persons.h"
#include "features/demo/seed.h"
#include "features/people/matching.h"
#include "features/people/notes.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/people/timeline.h"
#include "features/retention/purge.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::demo {
namespace {

class DemoPersonsTest : public test::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    auto conn = db().acquire();
    test::load_fixture_geography(*conn);
  }

  static std::int64_t count(store::Connection& conn, const std::string& sql,
                            const store::Params& params = {}) {
    return conn.query_one(sql, params)->integer(0);
  }
};

TEST_P(DemoPersonsTest, SeedsPersonsWithJourneysAtSeveralStagesThroughTheService) {
  auto conn = db().acquire();
  std::int64_t before = now_seconds();
  auto seeded = seed_demo(*conn, "mot de passe de démo");
  ASSERT_TRUE(seeded) << seeded.error().message;
  EXPECT_GE(seeded->persons_created, 30);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM persons"), seeded->persons_created);
  // The clock the story moved is released.
  EXPECT_GE(now_seconds(), before);
  EXPECT_LE(now_seconds(), before + 60);

  for (const char* status : {"to_orient", "oriented", "accompanied"}) {
    EXPECT_GE(count(*conn, "SELECT COUNT(*) FROM journeys WHERE status = $1", {status}), 5)
        << status;
  }
  for (const char* entry : {"professional", "import", "public_form"}) {
    EXPECT_GE(count(*conn, "SELECT COUNT(*) FROM journeys WHERE entry = $1", {entry}), 3) << entry;
  }
  // Names as written in France, found by their folded words.
  EXPECT_EQ(count(*conn,
                  "SELECT COUNT(*) FROM persons WHERE birth_name LIKE '%-%' OR "
                  "first_names LIKE '%-%'"),
            5);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM person_terms WHERE term = 'ndiaye'"), 1);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM person_terms WHERE term = 'brehiergarnier'"), 1);
  EXPECT_GE(count(*conn, "SELECT COUNT(*) FROM persons WHERE nir_hash IS NOT NULL"), 20);
  EXPECT_GE(count(*conn, "SELECT COUNT(*) FROM persons WHERE rights_and_duties = 1"), 15);

  // The demo référente is référente in several teams, of two organisations.
  auto julie = accounts::find_user_by_email(*conn, "referent@demo.test");
  ASSERT_TRUE(julie);
  EXPECT_GE(count(*conn,
                  "SELECT COUNT(*) FROM journey_members WHERE user_id = $1 AND role = 'referent' "
                  "AND left_at IS NULL",
                  {*julie}),
            8);
  EXPECT_EQ(
      count(*conn, "SELECT COUNT(DISTINCT organisation_id) FROM journey_members WHERE user_id = $1",
            {*julie}),
      2);
  EXPECT_GE(count(*conn, "SELECT COUNT(*) FROM notes WHERE visibility = 'person'"), 10);
}

TEST_P(DemoPersonsTest, LeaCanLogIntoHerSpaceAndReadsTheNotesSharedWithHer) {
  auto conn = db().acquire();
  ASSERT_TRUE(seed_demo(*conn, "mot de passe de démo"));
  auto row = conn->query_one("SELECT id FROM persons WHERE email = $1", {kDemoPersonEmail});
  ASSERT_TRUE(row);
  std::int64_t lea = row->integer(0);
  auto person = people::find_person(*conn, lea);
  ASSERT_TRUE(person);
  EXPECT_EQ(people::short_name(*person), "Léa Bréhier-Garnier");
  EXPECT_TRUE(person->has_nir());

  auto journey = conn->query_one("SELECT id, status FROM journeys WHERE person_id = $1", {lea});
  ASSERT_TRUE(journey);
  EXPECT_EQ(journey->text(1), "accompanied");
  auto team = people::team_of(*conn, journey->integer(0));
  ASSERT_EQ(team.size(), 3u);
  EXPECT_EQ(team[0].email, "referent@demo.test");
  EXPECT_TRUE(team[0].referent());
  EXPECT_GE(people::notes_shared_with_person(*conn, lea).size(), 2u);

  // Her timeline spans months, oldest event first when read in journal order, and shows that
  // she corrected her phone number herself.
  auto timeline = people::person_timeline(*conn, lea);
  ASSERT_GE(timeline.entries.size(), 10u);
  const auto& newest = timeline.entries.front().event;
  const auto& oldest = timeline.entries.back().event;
  EXPECT_EQ(oldest.kind, "person.created");
  EXPECT_GT(newest.at - oldest.at, 120 * 86400);
  for (std::size_t i = 1; i < timeline.entries.size(); ++i) {
    EXPECT_LE(timeline.entries[i].event.at, timeline.entries[i - 1].event.at);
  }
  EXPECT_EQ(count(*conn,
                  "SELECT COUNT(*) FROM journal WHERE person_id = $1 AND kind = 'person.updated' "
                  "AND actor_id IS NULL",
                  {lea}),
            1);
  EXPECT_EQ(person->phone, "+33768123456");
}

TEST_P(DemoPersonsTest, OneJourneyIsPastTheRetentionAndOneRequestLooksLikeADuplicate) {
  auto conn = db().acquire();
  ASSERT_TRUE(seed_demo(*conn, "mot de passe de démo"));
  auto preview = retention::purge(*conn, {});
  ASSERT_EQ(preview.journeys.size(), 1u);
  EXPECT_TRUE(preview.journeys[0].person_deleted);
  auto gerard = people::find_person(*conn, preview.journeys[0].person_id);
  ASSERT_TRUE(gerard);
  EXPECT_EQ(gerard->first_names, "Gérard");

  auto kevins = conn->query("SELECT id FROM persons WHERE birth_name = 'Lefebvre' ORDER BY id");
  ASSERT_EQ(kevins.size(), 2u);
  auto second = people::find_person(*conn, kevins[1].integer(0));
  ASSERT_TRUE(second);
  auto suggestions = people::suggestions_for(*conn, *second);
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].person_id, kevins[0].integer(0));
}

TEST_P(DemoPersonsTest, ARerunAddsNoPersonAndNoPersonEvent) {
  auto conn = db().acquire();
  ASSERT_TRUE(seed_demo(*conn, "mot de passe de démo"));
  const std::string person_rows =
      "SELECT (SELECT COUNT(*) FROM persons) + (SELECT COUNT(*) FROM journeys) + "
      "(SELECT COUNT(*) FROM journey_members) + (SELECT COUNT(*) FROM notes) + "
      "(SELECT COUNT(*) FROM journal WHERE person_id IS NOT NULL) + "
      "(SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM user_roles)";
  std::int64_t before = count(*conn, person_rows);
  auto again = seed_demo(*conn, "mot de passe de démo");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->persons_created, 0);
  EXPECT_EQ(count(*conn, person_rows), before);
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoPersonsTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::demo
