// Geography on both engines: the loader (from a small fixture, and once from the real npm
// package) and the commune search and resolution used by the API and every address field.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/config.h"
#include "features/geo/communes.h"
#include "features/geo/loader.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::geo {
namespace {

class GeoTest : public test::EngineTest {};

std::int64_t count(store::Connection& conn, const std::string& table) {
  return conn.query_one("SELECT COUNT(*) FROM " + table)->integer(0);
}

std::vector<std::string> names(const std::vector<Commune>& communes) {
  std::vector<std::string> out;
  for (const auto& c : communes) out.push_back(c.name);
  return out;
}

TEST_P(GeoTest, LoadsOnlyCurrentCommunesWithTheirEpciAndPostcodes) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  EXPECT_EQ(count(*conn, "communes"), 8);
  EXPECT_EQ(count(*conn, "departements"), 2);
  EXPECT_FALSE(find_commune(*conn, "08447").has_value());  // commune déléguée
  auto charleville = find_commune(*conn, "08105");
  ASSERT_TRUE(charleville);
  EXPECT_EQ(charleville->epci, "200041630");
  EXPECT_EQ(charleville->postcodes, std::vector<std::string>{"08000"});
  auto reims = find_commune(*conn, "51454");
  ASSERT_TRUE(reims);
  EXPECT_FALSE(reims->epci.has_value());
  EXPECT_EQ(reims->postcodes, (std::vector<std::string>{"51100", "51200"}));
}

TEST_P(GeoTest, LoadingAgainUpdatesRowsInsteadOfDuplicatingThem) {
  auto conn = db().acquire();
  test::GeoFixtureDir dir;
  ASSERT_TRUE(load_geography(*conn, dir.path()));
  dir.write("communes.json", R"([{"code":"08409","nom":"Sedan-la-Neuve","departement":"08",
    "region":"44","type":"commune-actuelle","codesPostaux":["08201"],"population":17000}])");
  ASSERT_TRUE(load_geography(*conn, dir.path()));
  auto sedan = find_commune(*conn, "08409");
  ASSERT_TRUE(sedan);
  EXPECT_EQ(sedan->name, "Sedan-la-Neuve");
  EXPECT_EQ(sedan->postcodes, std::vector<std::string>{"08201"});
  EXPECT_EQ(count(*conn, "communes"), 8);
}

TEST_P(GeoTest, RefusesAMissingFileAndWritesNothing) {
  auto conn = db().acquire();
  test::GeoFixtureDir dir;
  std::filesystem::remove(std::filesystem::path(dir.path()) / "epci.json");
  auto loaded = load_geography(*conn, dir.path());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("epci.json"), std::string::npos);
  EXPECT_EQ(count(*conn, "communes"), 0);
  EXPECT_EQ(count(*conn, "regions"), 0);
}

TEST_P(GeoTest, SearchIgnoresAccentsCaseHyphensAndApostrophes) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  EXPECT_EQ(names(search_communes(*conn, "CHARLEVILLE mezieres", 10)),
            std::vector<std::string>{"Charleville-Mézières"});
  EXPECT_EQ(names(search_communes(*conn, "saint étienne a", 10)),
            std::vector<std::string>{"Saint-Étienne-à-Arnes"});
  EXPECT_EQ(names(search_communes(*conn, "St-Etienne", 10)),
            std::vector<std::string>{"Saint-Étienne-à-Arnes"});
  EXPECT_EQ(names(search_communes(*conn, "mézi", 10)),
            std::vector<std::string>{"Charleville-Mézières"});  // a later word
}

TEST_P(GeoTest, SearchPutsNamesStartingWithTheQueryFirstThenTheMostPopulated) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  EXPECT_EQ(names(search_communes(*conn, "mont", 10)),
            (std::vector<std::string>{"Mont-Saint-Martin", "Mont-Saint-Martin"}));
  EXPECT_EQ(search_communes(*conn, "mont", 10).front().code, "08300");  // 90 > 60 inhabitants
  EXPECT_EQ(names(search_communes(*conn, "saint", 10)),
            (std::vector<std::string>{"Saint-Étienne-à-Arnes", "Mont-Saint-Martin",
                                      "Mont-Saint-Martin"}));
}

TEST_P(GeoTest, SearchFindsCommunesByPostcodePrefixMostPopulatedFirst) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  EXPECT_EQ(names(search_communes(*conn, "08", 3)),
            (std::vector<std::string>{"Charleville-Mézières", "Sedan", "Rethel"}));
  EXPECT_EQ(names(search_communes(*conn, "51200", 10)), std::vector<std::string>{"Reims"});
}

TEST_P(GeoTest, SearchCanBeLimitedToDepartements) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  auto found = search_communes(*conn, "mont saint", 10, {"51"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "51300");
}

TEST_P(GeoTest, ResolvesSuggestionLabelsCodesPostcodesAndExactNames) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  EXPECT_EQ(resolve_commune(*conn, "Sedan (08409)", {}, "commune")->code, "08409");
  EXPECT_EQ(resolve_commune(*conn, "08105", {}, "commune")->code, "08105");
  EXPECT_EQ(resolve_commune(*conn, "08200", {}, "commune")->code, "08409");  // postcode
  EXPECT_EQ(resolve_commune(*conn, "charleville mezieres", {}, "commune")->code, "08105");
  EXPECT_EQ(resolve_commune(*conn, "Mont-Saint-Martin", {"51"}, "commune")->code, "51300");
}

TEST_P(GeoTest, RefusesAmbiguousOrUnknownCommunesNamingTheField) {
  auto conn = db().acquire();
  test::load_fixture_geography(*conn);
  auto ambiguous = resolve_commune(*conn, "Mont-Saint-Martin", {}, "commune");
  ASSERT_FALSE(ambiguous);
  EXPECT_EQ(ambiguous.error().field, "commune");
  EXPECT_NE(ambiguous.error().message.find("Plusieurs communes"), std::string::npos);
  EXPECT_NE(ambiguous.error().message.find("08300"), std::string::npos);
  auto unknown = resolve_commune(*conn, "Atlantis", {}, "commune");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("inconnue"), std::string::npos);
  auto outside = resolve_commune(*conn, "Reims (51454)", {"08"}, "commune");
  ASSERT_FALSE(outside);
  EXPECT_NE(outside.error().message.find("pas dans le territoire"), std::string::npos);
}

TEST_P(GeoTest, LoadsTheWholeReferencePackage) {
  auto conn = db().acquire();
  std::string dir = resource_dir("", "web/node_modules/@etalab/decoupage-administratif/data");
  auto loaded = load_geography(*conn, dir);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_GT(loaded->communes, 34000);
  EXPECT_EQ(count(*conn, "communes"), loaded->communes);
  // The exact name (Charleville, Marne) first, then the larger Charleville-Mézières.
  auto found = search_communes(*conn, "charleville", 5);
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0].code, "51129");
  EXPECT_EQ(found[1].code, "08105");
  EXPECT_EQ(found[1].epci, "200041630");
}

INSTANTIATE_TEST_SUITE_P(Engines, GeoTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::geo
