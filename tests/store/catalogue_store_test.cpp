// The catalogue's store on both engines: structures and services upserted by (source,
// data·inclusion id), an unchanged re-upsert that leaves updated_at alone, a change that moves
// it, lists and numbers read back as written, and the zone codes checked against the geography.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "features/catalogue/service.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::catalogue {
namespace {

namespace json = boost::json;

class CatalogueStoreTest : public test::EngineTest {
 protected:
  void SetUp() override {
    test::EngineTest::SetUp();
    pin_clock_for_tests(1'800'000'000);  // 2027-01-15
  }
  void TearDown() override {
    pin_clock_for_tests(0);
    test::EngineTest::TearDown();
  }

  static Structure structure() {
    Structure s;
    s.source = "dora";
    s.di_id = "dora--s1";
    s.nom = "Association Tremplin";
    s.commune = "Sedan";
    s.code_insee = "08409";
    s.latitude = 49.7019;
    s.longitude = 4.9403;
    s.reseaux_porteurs = {"france-travail"};
    s.date_maj = "2026-12-01";
    return s;
  }

  static Service service() {
    Service s;
    s.source = "dora";
    s.di_id = "dora--42";
    s.structure_di_id = "dora--s1";
    s.nom = "Atelier CV";
    s.description = "Un atelier collectif pour écrire son CV et sa lettre de motivation.";
    s.type = "atelier";
    s.thematiques = {"preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"};
    s.frais = "gratuit";
    s.publics = {"demandeurs-emploi", "jeunes"};
    s.modes_accueil = {"en-presentiel"};
    s.zone_eligibilite = {"08"};
    s.adresse = "2 rue de la Paix";
    s.latitude = 49.70123456789;
    s.longitude = 4.94;
    s.telephone = "0324000000";
    s.modes_mobilisation = {"telephoner"};
    s.mobilisable_par = {"professionnels", "usagers"};
    s.volume_horaire_hebdomadaire = 3.5;
    s.nombre_semaines = 4;
    s.date_maj = "2026-12-20";
    return s;
  }
};

TEST_P(CatalogueStoreTest, InsertsThenReadsBackEveryField) {
  auto conn = db().acquire();
  auto st = structure();
  EXPECT_TRUE(upsert_structure(*conn, st));
  auto s = service();
  auto inserted = upsert_service(*conn, s);
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_TRUE(*inserted);
  EXPECT_EQ(s.structure_id, st.id);

  auto found = find_service(*conn, s.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->structure_di_id, "dora--s1");
  EXPECT_EQ(found->publics, (std::vector<std::string>{"demandeurs-emploi", "jeunes"}));
  EXPECT_EQ(found->zone_eligibilite, std::vector<std::string>{"08"});
  EXPECT_EQ(found->latitude, 49.70123456789);
  EXPECT_EQ(found->volume_horaire_hebdomadaire, 3.5);
  EXPECT_EQ(found->nombre_semaines, 4);
  EXPECT_FALSE(found->frais_precisions);
  EXPECT_EQ(found->status, kPublished);
  EXPECT_EQ(found->created_at, 1'800'000'000);
  EXPECT_GT(found->score_qualite, 0.0);
  EXPECT_EQ(found->score_qualite, quality_score(*found));
  EXPECT_EQ(service_to_data_inclusion(*found), service_to_data_inclusion(s));

  auto by_org = find_structure_by_di_id(*conn, "dora", "dora--s1");
  ASSERT_TRUE(by_org);
  EXPECT_EQ(by_org->reseaux_porteurs, std::vector<std::string>{"france-travail"});
  EXPECT_EQ(by_org->latitude, 49.7019);
}

TEST_P(CatalogueStoreTest, AnUnchangedReUpsertTouchesNothing) {
  auto conn = db().acquire();
  auto st = structure();
  upsert_structure(*conn, st);
  auto s = service();
  ASSERT_TRUE(upsert_service(*conn, s));

  pin_clock_for_tests(1'800'000'000 + 3600);
  auto again_structure = structure();
  EXPECT_FALSE(upsert_structure(*conn, again_structure));
  EXPECT_EQ(again_structure.id, st.id);
  auto again = service();
  auto changed = upsert_service(*conn, again);
  ASSERT_TRUE(changed);
  EXPECT_FALSE(*changed);
  EXPECT_EQ(again.id, s.id);
  EXPECT_EQ(find_service(*conn, s.id)->updated_at, 1'800'000'000);
  EXPECT_EQ(find_structure(*conn, st.id)->updated_at, 1'800'000'000);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM services")->integer(0), 1);
}

TEST_P(CatalogueStoreTest, AChangedFieldUpdatesTheRowAndItsTimestamp) {
  auto conn = db().acquire();
  auto st = structure();
  upsert_structure(*conn, st);
  auto s = service();
  ASSERT_TRUE(upsert_service(*conn, s));

  pin_clock_for_tests(1'800'000'000 + 3600);
  auto edited = service();
  edited.publics = {"jeunes"};
  edited.frais = "payant";
  auto changed = upsert_service(*conn, edited);
  ASSERT_TRUE(changed);
  EXPECT_TRUE(*changed);
  auto found = find_service(*conn, s.id);
  EXPECT_EQ(found->publics, std::vector<std::string>{"jeunes"});
  EXPECT_EQ(found->frais, "payant");
  EXPECT_EQ(found->updated_at, 1'800'000'000 + 3600);
  EXPECT_EQ(found->created_at, 1'800'000'000);
  // Payant without précisions: the frais criterion drops to 0.5, and so does the score.
  EXPECT_LT(found->score_qualite, s.score_qualite);
}

TEST_P(CatalogueStoreTest, AServiceOfAnUnknownStructureIsRefusedOnItsField) {
  auto conn = db().acquire();
  auto s = service();
  auto result = upsert_service(*conn, s);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().field, "structure_id");
  EXPECT_NE(result.error().message.find("dora--s1"), std::string::npos);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM services")->integer(0), 0);
}

TEST_P(CatalogueStoreTest, ImportedJsonRoundTripsThroughTheStore) {
  auto conn = db().acquire();
  auto st = structure_from_data_inclusion(structure_to_data_inclusion(structure()));
  ASSERT_TRUE(st) << st.error().message;
  upsert_structure(*conn, *st);
  auto record = service_to_data_inclusion(service());
  auto parsed = service_from_data_inclusion(record);
  ASSERT_TRUE(parsed) << parsed.error().message;
  ASSERT_TRUE(upsert_service(*conn, *parsed));
  auto found = find_service_by_di_id(*conn, "dora", "dora--42");
  ASSERT_TRUE(found);
  EXPECT_EQ(service_to_data_inclusion(*found), record);
  auto reparsed = service_from_data_inclusion(service_to_data_inclusion(*found));
  auto changed = upsert_service(*conn, *reparsed);
  ASSERT_TRUE(changed);
  EXPECT_FALSE(*changed);
}

TEST_P(CatalogueStoreTest, ZoneCodesMustNameAKnownPlace) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  EXPECT_TRUE(zone_errors(*conn, {"08105", "08", "200041630", "france", "99134"}).empty());
  auto errors = zone_errors(*conn, {"08105", "08999", "123", "999999999"});
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "zone_eligibilite");
  EXPECT_EQ(errors[0].message,
            "le code 08999 n'est ni une commune, ni un département, ni un EPCI.");
  EXPECT_NE(errors[1].message.find("123"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, CatalogueStoreTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::catalogue
