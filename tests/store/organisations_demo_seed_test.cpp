// The demonstration seed on both engines: it needs the geography, creates the Ardennes
// territory, its organisations and one account per role, marks the database as a demo, and can
// run again without duplicating anything.
#include <gtest/gtest.h>

#include "features/accounts/actor.h"
#include "features/accounts/users.h"
#include "features/demo/seed.h"
#include "features/organisations/organisation.h"
#include "features/territories/territory.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::demo {
namespace {

class DemoSeedTest : public test::EngineTest {};

TEST_P(DemoSeedTest, RefusesToRunBeforeTheGeographyIsLoaded) {
  auto conn = db().acquire();
  auto seeded = seed_demo(*conn, "mot de passe de démo");
  ASSERT_FALSE(seeded);
  EXPECT_NE(seeded.error().message.find("load-geo"), std::string::npos);
  EXPECT_FALSE(is_demo(*conn));
}

TEST_P(DemoSeedTest, CreatesTheArdennesWithOrganisationsAndOneAccountPerRoleIdempotently) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  auto first = seed_demo(*conn, "mot de passe de démo");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(is_demo(*conn));
  EXPECT_GE(first->organisations_created, 7);
  EXPECT_EQ(first->accounts_created, 5);

  auto second = seed_demo(*conn, "mot de passe de démo");
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->organisations_created, 0);
  EXPECT_EQ(second->accounts_created, 0);

  auto ardennes = territories::find_territory_by_slug(*conn, "ardennes");
  ASSERT_TRUE(ardennes);
  EXPECT_EQ(ardennes->departements, std::vector<std::string>{"08"});
  auto orgs = organisations::list_organisations(*conn);
  EXPECT_EQ(orgs.size(), static_cast<std::size_t>(first->organisations_created));
  for (const auto& org : orgs) EXPECT_EQ(org.territory_id, ardennes->id) << org.name;

  auto referent = accounts::find_user_by_email(*conn, "referent@demo.test");
  ASSERT_TRUE(referent);
  auto actor = accounts::load_actor(*conn, *referent, std::nullopt);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->organisation_ids().size(), 2u);  // switching organisation is visible
  auto manager = accounts::load_actor(
      *conn, *accounts::find_user_by_email(*conn, "territoire@demo.test"), std::nullopt);
  ASSERT_TRUE(manager);
  EXPECT_TRUE(manager->manages_territory(ardennes->id));
  auto admin = accounts::load_actor(*conn, *accounts::find_user_by_email(*conn, "admin@demo.test"),
                                    std::nullopt);
  ASSERT_TRUE(admin);
  EXPECT_TRUE(admin->is_admin());
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoSeedTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::demo
