// The demo catalogue on both engines: several dozen valid services over every category of
// thématiques, in the demo organisations' structures and a few others, with zones of every kind,
// some at a distance, some stale; seeding again adds nothing and changes nothing.
#include <gtest/gtest.h>

#include <set>

#include "features/catalogue/offer.h"
#include "features/catalogue/service.h"
#include "features/demo/seed.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::catalogue {
namespace {

class CatalogueDemoTest : public test::EngineTest {};

TEST_P(CatalogueDemoTest, SeedsAVariedCatalogueOnceAndOnlyOnce) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  ASSERT_TRUE(demo::seed_demo(*conn, "mot de passe de démo"));

  std::vector<Service> services;
  for (const auto& row : conn->query(std::string("SELECT ") + kServiceColumns +
                                     " FROM services s JOIN structures st ON st.id = "
                                     "s.structure_id ORDER BY s.id")) {
    services.push_back(service_from_row(row));
  }
  ASSERT_GE(services.size(), 40u);
  std::set<std::string> categories;
  std::set<ZoneKind> zones;
  int remote = 0, stale = 0, drafts = 0;
  for (const auto& s : services) {
    EXPECT_TRUE(service_errors(s).empty()) << s.nom;
    for (const auto& t : s.thematiques) categories.insert(thematique_category(t));
    for (const auto& z : s.zone_eligibilite) zones.insert(*zone_kind(z));
    for (const auto& m : s.modes_accueil) remote += m == "a-distance";
    stale += is_stale(s);
    drafts += s.status == kDraft;
  }
  EXPECT_EQ(categories.size(), thematique_categories().size());
  EXPECT_EQ(zones, (std::set<ZoneKind>{ZoneKind::kCommune, ZoneKind::kDepartement, ZoneKind::kEpci,
                                       ZoneKind::kFrance}));
  EXPECT_GE(remote, 5);
  EXPECT_GE(stale, 5);
  EXPECT_GE(drafts, 1);
  EXPECT_GE(
      conn->query_one("SELECT COUNT(*) FROM structures WHERE organisation_id IS NULL")->integer(0),
      3);

  // Seeding again creates nothing and touches no service. (The demo persons' seed moves the
  // clock and releases it, so the stored timestamps are marked instead of compared with it.)
  conn->execute("UPDATE services SET updated_at = 1");
  ASSERT_TRUE(demo::seed_demo(*conn, "mot de passe de démo"));
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM services")->integer(0),
            static_cast<std::int64_t>(services.size()));
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM services WHERE updated_at <> 1")->integer(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, CatalogueDemoTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::catalogue
