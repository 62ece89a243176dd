// Organisations on both engines: creation (unique slugs, commune resolution within the
// territory, SIRET check), validation naming the field with nothing written, updates and
// deactivation journaled with before/after values and the territory.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/store/journal.h"
#include "features/organisations/organisation.h"
#include "features/territories/territory.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::organisations {
namespace {

class OrganisationsTest : public test::EngineTest {
 protected:
  void SetUp() override {
    test::EngineTest::SetUp();
    auto conn = db().acquire();
    test::load_fixture_geography(*conn);
    auto id = territories::create_territory(*conn,
                                            {.name = "Ardennes",
                                             .departements = "08",
                                             .orientation_deadline_days = "30",
                                             .deadline_mode = "calendar",
                                             .retention_months = "24"},
                                            1);
    ASSERT_TRUE(id);
    territory_id_ = *id;
  }

  OrganisationForm ccas() const {
    return {.territory_id = std::to_string(territory_id_),
            .name = "CCAS de Sedan",
            .kind = "ccas",
            .siret = "",
            .address = "Place d’Alsace-Lorraine",
            .commune = "Sedan",
            .email = "ccas@sedan.test",
            .phone = "03.24.27.73.73"};
  }

  std::int64_t territory_id_ = 0;
};

std::int64_t count(store::Connection& conn, const std::string& sql) {
  return conn.query_one(sql)->integer(0);
}

TEST_P(OrganisationsTest, CreatesAnOrganisationResolvingItsCommuneAndJournalsIt) {
  auto conn = db().acquire();
  auto id = create_organisation(*conn, ccas(), 5);
  ASSERT_TRUE(id) << id.error().message;
  auto org = find_organisation(*conn, *id);
  ASSERT_TRUE(org);
  EXPECT_EQ(org->slug, "ccas-de-sedan");
  EXPECT_EQ(org->commune_code, "08409");
  EXPECT_EQ(org->postcode, "08200");
  EXPECT_EQ(org->phone, "03 24 27 73 73");
  EXPECT_EQ(org->territory_name, "Ardennes");
  auto journal = store::read_events(*conn, {.kind_prefix = "organisation."});
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].kind, "organisation.created");
  EXPECT_EQ(journal[0].territory_id, territory_id_);
  EXPECT_EQ(journal[0].actor_id, 5);
}

TEST_P(OrganisationsTest, GivesASecondOrganisationOfTheSameNameAnotherSlug) {
  auto conn = db().acquire();
  ASSERT_TRUE(create_organisation(*conn, ccas(), 5));
  auto second = create_organisation(*conn, ccas(), 5);
  ASSERT_TRUE(second);
  EXPECT_EQ(find_organisation(*conn, *second)->slug, "ccas-de-sedan-2");
  EXPECT_EQ(find_organisation_by_slug(*conn, "ccas-de-sedan-2")->id, *second);
}

TEST_P(OrganisationsTest, RefusesASiretWithAWrongKeyAndWritesNothing) {
  auto conn = db().acquire();
  auto form = ccas();
  form.siret = "732 829 320 00075";
  auto id = create_organisation(*conn, form, 5);
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().field, "siret");
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM organisations"), 0);
  EXPECT_TRUE(store::read_events(*conn, {.kind_prefix = "organisation."}).empty());
}

TEST_P(OrganisationsTest, AcceptsAValidSiretTypedWithSpaces) {
  auto conn = db().acquire();
  auto form = ccas();
  form.siret = "732 829 320 00074";
  auto id = create_organisation(*conn, form, 5);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(find_organisation(*conn, *id)->siret, "73282932000074");
}

TEST_P(OrganisationsTest, RefusesACommuneOutsideTheTerritory) {
  auto conn = db().acquire();
  auto form = ccas();
  form.commune = "Reims (51454)";
  auto id = create_organisation(*conn, form, 5);
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().field, "commune");
}

TEST_P(OrganisationsTest, RefusesBadInputNamingEachField) {
  auto conn = db().acquire();
  auto form = ccas();
  form.name = "  ";
  EXPECT_EQ(create_organisation(*conn, form, 5).error().field, "name");
  form = ccas();
  form.kind = "ministere";
  EXPECT_EQ(create_organisation(*conn, form, 5).error().field, "kind");
  form = ccas();
  form.email = "pas-une-adresse";
  EXPECT_EQ(create_organisation(*conn, form, 5).error().field, "email");
  form = ccas();
  form.phone = "12";
  EXPECT_EQ(create_organisation(*conn, form, 5).error().field, "phone");
  form = ccas();
  form.postcode = "08000";
  EXPECT_EQ(create_organisation(*conn, form, 5).error().field, "postcode");
  form = ccas();
  form.territory_id = "999";
  EXPECT_EQ(create_organisation(*conn, form, 5).error().field, "territory_id");
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM organisations"), 0);
}

TEST_P(OrganisationsTest, UpdateJournalsOnlyWhatChangedAndKeepsTheSlug) {
  auto conn = db().acquire();
  auto id = create_organisation(*conn, ccas(), 5);
  ASSERT_TRUE(id);
  auto form = ccas();
  form.name = "CCAS de la ville de Sedan";
  form.commune = "Charleville-Mézières (08105)";
  ASSERT_TRUE(update_organisation(*conn, *id, form, false, 6));
  auto org = find_organisation(*conn, *id);
  EXPECT_EQ(org->slug, "ccas-de-sedan");
  EXPECT_EQ(org->commune_code, "08105");
  auto journal = store::read_events(*conn, {.kind_prefix = "organisation.updated"});
  ASSERT_EQ(journal.size(), 1u);
  auto changes = boost::json::parse(journal[0].payload_json).at("changes").as_object();
  EXPECT_EQ(changes.at("name").at("before").as_string(), "CCAS de Sedan");
  EXPECT_EQ(changes.at("name").at("after").as_string(), "CCAS de la ville de Sedan");
  EXPECT_EQ(changes.at("commune_code").at("after").as_string(), "08105");
  EXPECT_FALSE(changes.contains("email"));
}

TEST_P(OrganisationsTest, DeactivationIsJournaledOnceAndListedAsInactive) {
  auto conn = db().acquire();
  auto id = create_organisation(*conn, ccas(), 5);
  ASSERT_TRUE(id);
  ASSERT_TRUE(set_organisation_active(*conn, *id, false, 5));
  ASSERT_TRUE(set_organisation_active(*conn, *id, false, 5));
  EXPECT_FALSE(find_organisation(*conn, *id)->active);
  EXPECT_EQ(store::read_events(*conn, {.kind_prefix = "organisation.deactivated"}).size(), 1u);
  EXPECT_TRUE(list_organisations(*conn, {.include_inactive = false}).empty());
  EXPECT_EQ(list_organisations(*conn).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, OrganisationsTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::organisations
