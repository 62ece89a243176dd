// A small geography for store tests, written as the JSON files of
// @etalab/decoupage-administratif into a temporary directory: two départements (08, 51), a few
// communes (with one delegated commune that must be ignored, a name shared by two communes, a
// commune with two postcodes, the communes of the demo organisations) and one EPCI.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/store/db.h"
#include "features/geo/loader.h"

namespace parcours::test {

class GeoFixtureDir {
 public:
  GeoFixtureDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("parcours-geo-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
    write("regions.json", R"([{"code":"44","nom":"Grand Est"}])");
    write(
        "departements.json",
        R"([{"code":"08","nom":"Ardennes","region":"44"},{"code":"51","nom":"Marne","region":"44"}])");
    write("epci.json", R"([{"code":"200041630","nom":"CA Ardenne Métropole","type":"CA",
      "membres":[{"code":"08105","nom":"Charleville-Mézières"}]}])");
    write("communes.json", R"([
      {"code":"08105","nom":"Charleville-Mézières","departement":"08","region":"44",
       "type":"commune-actuelle","codesPostaux":["08000"],"population":45560},
      {"code":"08409","nom":"Sedan","departement":"08","region":"44",
       "type":"commune-actuelle","codesPostaux":["08200"],"population":16667},
      {"code":"08376","nom":"Saint-Étienne-à-Arnes","departement":"08","region":"44",
       "type":"commune-actuelle","codesPostaux":["08310"],"population":175},
      {"code":"08300","nom":"Mont-Saint-Martin","departement":"08","region":"44",
       "type":"commune-actuelle","codesPostaux":["08400"],"population":90},
      {"code":"51300","nom":"Mont-Saint-Martin","departement":"51","region":"44",
       "type":"commune-actuelle","codesPostaux":["51170"],"population":60},
      {"code":"51454","nom":"Reims","departement":"51","region":"44",
       "type":"commune-actuelle","codesPostaux":["51100","51200"],"population":180318},
      {"code":"08362","nom":"Rethel","departement":"08","region":"44",
       "type":"commune-actuelle","codesPostaux":["08300"],"population":7444},
      {"code":"08363","nom":"Revin","departement":"08","region":"44",
       "type":"commune-actuelle","codesPostaux":["08500"],"population":5716},
      {"code":"08447","nom":"Mohon","departement":"08","region":"44",
       "type":"commune-deleguee","codesPostaux":["08000"]}
    ])");
  }
  ~GeoFixtureDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path() const { return path_.string(); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(path_ / name) << content;
  }

 private:
  std::filesystem::path path_;
};

// Loads the fixture geography into `conn`; fails the test when it cannot.
inline void load_fixture_geography(store::Connection& conn) {
  GeoFixtureDir dir;
  auto loaded = geo::load_geography(conn, dir.path());
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
}

}  // namespace parcours::test
