// Territories on both engines: creation with defaults, validation naming the field with nothing
// written, settings-only updates for territory managers, and the journal of every change.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/store/journal.h"
#include "features/territories/territory.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::territories {
namespace {

class TerritoriesTest : public test::EngineTest {
 protected:
  void SetUp() override {
    test::EngineTest::SetUp();
    test::load_fixture_geography(*db().acquire());
  }
};

TerritoryForm ardennes() {
  return {.name = "Ardennes",
          .departements = "8",
          .orientation_deadline_days = "30",
          .deadline_mode = "calendar",
          .retention_months = "24"};
}

std::vector<store::Event> events(store::Connection& conn, const std::string& prefix) {
  return store::read_events(conn, {.kind_prefix = prefix});
}

TEST_P(TerritoriesTest, CreatesATerritoryWithItsDepartementsAndJournalsIt) {
  auto conn = db().acquire();
  auto id = create_territory(*conn, ardennes(), 42);
  ASSERT_TRUE(id) << id.error().message;
  auto t = find_territory(*conn, *id);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->slug, "ardennes");
  EXPECT_EQ(t->departements, std::vector<std::string>{"08"});
  EXPECT_EQ(t->settings.orientation_deadline_days, 30);
  EXPECT_FALSE(t->settings.working_days);
  EXPECT_EQ(t->settings.retention_months, 24);
  auto journal = events(*conn, "territory.");
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].kind, "territory.created");
  EXPECT_EQ(journal[0].territory_id, *id);
  EXPECT_EQ(journal[0].actor_id, 42);
}

TEST_P(TerritoriesTest, RefusesAnUnknownDepartementNamingTheFieldAndWritesNothing) {
  auto conn = db().acquire();
  auto form = ardennes();
  form.departements = "08, 99";
  auto id = create_territory(*conn, form, 1);
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(id.error().field, "departements");
  EXPECT_NE(id.error().message.find("99"), std::string::npos);
  EXPECT_TRUE(list_territories(*conn).empty());
  EXPECT_TRUE(events(*conn, "territory.").empty());
}

TEST_P(TerritoriesTest, RefusesADepartementAlreadyCoveredByAnotherTerritory) {
  auto conn = db().acquire();
  ASSERT_TRUE(create_territory(*conn, ardennes(), 1));
  auto form = ardennes();
  form.name = "Nord Ardennes";
  auto again = create_territory(*conn, form, 1);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "departements");
}

TEST_P(TerritoriesTest, RefusesSettingsOutOfRange) {
  auto conn = db().acquire();
  auto form = ardennes();
  form.orientation_deadline_days = "366";
  EXPECT_EQ(create_territory(*conn, form, 1).error().field, "orientation_deadline_days");
  form = ardennes();
  form.retention_months = "douze";
  EXPECT_EQ(create_territory(*conn, form, 1).error().field, "retention_months");
  form = ardennes();
  form.deadline_mode = "lunar";
  EXPECT_EQ(create_territory(*conn, form, 1).error().field, "deadline_mode");
}

TEST_P(TerritoriesTest, RefusesATakenSlug) {
  auto conn = db().acquire();
  ASSERT_TRUE(create_territory(*conn, ardennes(), 1));
  auto form = ardennes();
  form.departements = "51";
  auto again = create_territory(*conn, form, 1);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().field, "slug");
}

TEST_P(TerritoriesTest, SettingsOnlyUpdateKeepsTheIdentityAndJournalsBeforeAndAfter) {
  auto conn = db().acquire();
  auto id = create_territory(*conn, ardennes(), 1);
  ASSERT_TRUE(id);
  auto form = ardennes();
  form.name = "Renamed by a manager";
  form.departements = "51";
  form.orientation_deadline_days = "45";
  form.deadline_mode = "working";
  ASSERT_TRUE(update_territory(*conn, *id, form, /*settings_only=*/true, 7));
  auto t = find_territory(*conn, *id);
  EXPECT_EQ(t->name, "Ardennes");
  EXPECT_EQ(t->departements, std::vector<std::string>{"08"});
  EXPECT_EQ(t->settings.orientation_deadline_days, 45);
  EXPECT_TRUE(t->settings.working_days);

  auto journal = events(*conn, "territory.updated");
  ASSERT_EQ(journal.size(), 1u);
  auto payload = boost::json::parse(journal[0].payload_json).as_object();
  auto& changes = payload.at("changes").as_object();
  EXPECT_EQ(changes.at("orientation_deadline_days").at("before").as_int64(), 30);
  EXPECT_EQ(changes.at("orientation_deadline_days").at("after").as_int64(), 45);
  EXPECT_FALSE(changes.contains("name"));
  EXPECT_EQ(journal[0].actor_id, 7);
}

TEST_P(TerritoriesTest, FullUpdateMovesDepartementsAndAnUnchangedFormJournalsNothing) {
  auto conn = db().acquire();
  auto id = create_territory(*conn, ardennes(), 1);
  ASSERT_TRUE(id);
  auto form = ardennes();
  form.slug = "ardennes";
  form.departements = "08, 51";
  ASSERT_TRUE(update_territory(*conn, *id, form, false, 1));
  EXPECT_EQ(find_territory(*conn, *id)->departements, (std::vector<std::string>{"08", "51"}));
  ASSERT_TRUE(update_territory(*conn, *id, form, false, 1));
  EXPECT_EQ(events(*conn, "territory.updated").size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, TerritoriesTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::territories
