// `parcours load-rome [--source FILE]`: loads the ROME job titles into the database.
#include <chrono>
#include <iostream>

#include "app/commands.h"
#include "core/store/db.h"
#include "features/rome/appellations.h"

namespace parcours::app {

int run_load_rome(const Config& config, const std::string& source_file) {
  try {
    std::string file = source_file.empty()
                           ? resource_dir("", "data/reference/rome") + "/appellations.csv"
                           : source_file;
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    auto started = std::chrono::steady_clock::now();
    auto report = rome::load_appellations(*conn, file);
    if (!report) {
      std::cerr << "parcours : " << report.error().message << "\n";
      return 1;
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
    std::cout << "Appellations ROME chargées depuis " << file << " en " << ms
              << " ms : " << report->total << " appellations (" << report->added << " ajoutées, "
              << report->removed << " retirées).\n";
    return 0;
  } catch (const store::StoreError& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace parcours::app
