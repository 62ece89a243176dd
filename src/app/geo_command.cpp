// `parcours load-geo [--source DIR]`: loads the reference geography into the database.
#include <chrono>
#include <iostream>

#include "app/commands.h"
#include "core/store/db.h"
#include "features/geo/loader.h"

namespace parcours::app {

int run_load_geo(const Config& config, const std::string& source_dir) {
  try {
    std::string dir =
        resource_dir(source_dir, "web/node_modules/@etalab/decoupage-administratif/data");
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    auto started = std::chrono::steady_clock::now();
    auto counts = geo::load_geography(*conn, dir);
    if (!counts) {
      std::cerr << "parcours : " << counts.error().message << "\n";
      return 1;
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
    std::cout << "Géographie chargée depuis " << dir << " en " << ms << " ms : " << counts->regions
              << " régions, " << counts->departements << " départements, " << counts->epci
              << " EPCI, " << counts->communes << " communes, " << counts->postcodes
              << " codes postaux.\n";
    return 0;
  } catch (const store::StoreError& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace parcours::app
