// Import and export in the data·inclusion v1 format on both engines: a report by record and
// field, idempotent reruns (nothing changes, no journal event), structures given after their
// services, unknown zone codes, the "parcours" source left alone, archived services kept
// archived and never exported, and the round trip import → export → import that changes nothing
// with every exported record valid against the schemas.
#include <gtest/gtest.h>

#include <sstream>

#include "features/search/exchange.h"
#include "features/search/index.h"
#include "features/search/schema.h"
#include "features/search/search.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::search {
namespace {

namespace json = boost::json;

class SearchExchangeTest : public test::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    auto conn = db().acquire();
    test::load_fixture_geography(*conn);
  }

  ImportReport import(const std::string& text, std::vector<std::string>* lines = nullptr) {
    auto conn = db().acquire();
    std::istringstream in(text);
    auto report = import_data_inclusion(*conn, in, [&](const ImportLine& line) {
      if (lines) lines->push_back((line.rejected ? "refusé : " : "note : ") + line.text());
    });
    EXPECT_TRUE(report.has_value()) << report.error().message;
    return report.value_or(ImportReport{});
  }

  std::int64_t events() {
    auto conn = db().acquire();
    return conn->query_one("SELECT COUNT(*) FROM journal WHERE kind = 'catalogue.imported'")
        ->integer(0);
  }

  std::string exported(ExportKind kind) {
    auto conn = db().acquire();
    std::ostringstream out;
    export_data_inclusion(*conn, kind, out);
    return out.str();
  }
};

constexpr const char* kFile =
    R"({"source":"dora","structure_id":"dora--s1","id":"dora--1","nom":"Vélo-école","description":"Apprendre le vélo en ville.","thematiques":["mobilite--mobilite-douce-partagee-collective"],"zone_eligibilite":["08105"],"modes_accueil":["en-presentiel"],"publics":["tous-publics"],"latitude":49.77,"longitude":4.72,"code_insee":"08105","date_maj":"2026-01-05"}
{"source":"dora","id":"dora--s1","nom":"Centre social Le Tournesol","siret":"12345678901234","date_maj":"2026-01-05"}

{"source":"dora","structure_id":"dora--s1","id":"dora--2","nom":"X","description":"Trop court.","thematiques":["mobilite--velo"],"date_maj":"2026-01-05"}
{"source":"dora","structure_id":"dora--s9","id":"dora--3","nom":"Sans structure","description":"Orpheline.","date_maj":"2026-01-05"}
pas du JSON
{"source":"dora","structure_id":"dora--s1","id":"dora--4","nom":"Permis solidaire","description":"Le code et la conduite.","zone_eligibilite":["08","08999"],"frais":"payant","mobilisable_par":["usagers","professionnels"],"date_maj":"2026-01-05"}
{"source":"dora","structure_id":"dora--s1","id":"dora--5","nom":"Nulle part","description":"Zone inconnue.","zone_eligibilite":["08999"],"date_maj":"2026-01-05"}
{"source":"parcours","id":"parcours--ccas","nom":"CCAS","date_maj":"2026-01-05"}
)";

TEST_P(SearchExchangeTest, ReportsByRecordAndFieldAndRerunsChangeNothing) {
  std::vector<std::string> lines;
  auto report = import(kFile, &lines);
  EXPECT_EQ(report.records, 8);
  EXPECT_EQ(report.structures_created, 1);
  EXPECT_EQ(report.services_created, 2);
  EXPECT_EQ(report.rejected, 4);
  EXPECT_EQ(report.skipped, 1);
  EXPECT_EQ(
      lines,
      (std::vector<std::string>{
          "refusé : enregistrement 4 (dora--2) : nom : doit contenir au moins 3 caractères",
          "refusé : enregistrement 4 (dora--2) : thematiques[0] : « mobilite--velo » n’est pas "
          "une valeur autorisée",
          "refusé : enregistrement 6 : ligne qui n’est pas du JSON valide",
          "refusé : enregistrement 8 (dora--5) : zone_eligibilite[0] : le code « 08999 » n’est ni "
          "une commune, ni un département, ni un EPCI connus",
          "refusé : enregistrement 8 (dora--5) : zone_eligibilite : aucun code connu, le service "
          "serait ouvert à tous",
          "note : enregistrement 7 (dora--4) : zone_eligibilite[1] : le code « 08999 » n’est ni "
          "une commune, ni un département, ni un EPCI connus",
          "refusé : enregistrement 5 (dora--3) : structure_id : la structure « dora--s9 » est "
          "inconnue (ni dans la base, ni dans le fichier)"}));
  EXPECT_EQ(events(), 1);  // one batch

  // Imported services are searchable at once.
  auto conn = db().acquire();
  auto page = search_services(*conn, {.code_commune = "08105", .q = "velo"});
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->hits.size(), 1u);

  // Again: nothing changes, no event.
  auto again = import(kFile);
  EXPECT_EQ(again.services_created + again.services_updated, 0);
  EXPECT_EQ(again.services_unchanged, 2);
  EXPECT_EQ(again.structures_unchanged, 1);
  EXPECT_EQ(events(), 1);

  // A change to one record updates it alone.
  std::string changed = kFile;
  changed.replace(changed.find("Apprendre le vélo"), 17, "Rouler à vélo");
  auto third = import(changed);
  EXPECT_EQ(third.services_updated, 1);
  EXPECT_EQ(third.services_unchanged, 1);
  EXPECT_EQ(events(), 2);
  page = search_services(*conn, {.q = "rouler"});
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->hits.size(), 1u);
}

TEST_P(SearchExchangeTest, RoundTripChangesNothingAndExportsValidRecords) {
  import(kFile);
  // An archived service stays archived on a new import and is not exported.
  {
    auto conn = db().acquire();
    conn->execute("UPDATE services SET status = 'archived' WHERE di_id = 'dora--4'");
    reindex_service(*conn,
                    conn->query_one("SELECT id FROM services WHERE di_id = 'dora--4'")->integer(0));
  }
  std::string services = exported(ExportKind::kServices);
  std::string structures = exported(ExportKind::kStructures);
  auto parsed = json::parse(services).as_array();
  ASSERT_EQ(parsed.size(), 1u);
  for (const auto& record : parsed) {
    auto errors = service_schema().validate(record);
    EXPECT_TRUE(errors.empty()) << errors.front().path << " " << errors.front().message;
  }
  auto parsed_structures = json::parse(structures).as_array();
  ASSERT_EQ(parsed_structures.size(), 1u);
  EXPECT_TRUE(structure_schema().validate(parsed_structures[0]).empty());

  auto before = events();
  auto report = import(structures);  // a JSON array
  EXPECT_EQ(report.structures_unchanged, 1);
  report = import(services);
  EXPECT_EQ(report.services_unchanged, 1);
  EXPECT_EQ(report.rejected, 0);
  EXPECT_EQ(events(), before);
  EXPECT_EQ(exported(ExportKind::kServices), services);
  EXPECT_EQ(exported(ExportKind::kStructures), structures);

  auto reimported = import(kFile);
  EXPECT_EQ(reimported.services_unchanged, 2);
  auto conn = db().acquire();
  EXPECT_EQ(conn->query_one("SELECT status FROM services WHERE di_id = 'dora--4'")->text(0),
            "archived");
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM service_search")->integer(0), 1);
}

TEST_P(SearchExchangeTest, ABrokenArrayIsRefusedWhole) {
  auto conn = db().acquire();
  std::istringstream in("[{\"source\": \"dora\",");
  auto report = import_data_inclusion(*conn, in);
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().field, "file");
  EXPECT_EQ(exported(ExportKind::kServices), "[]\n");
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchExchangeTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::search
