// `parcours migrate --db URL`: applies the pending migrations and says what it did, then stores
// the diagnostic's socle commun (data/diagnostic/socle_commun.json) when it changed.
#include <iostream>

#include "app/commands.h"
#include "core/store/db.h"
#include "core/store/migrations.h"
#include "features/diagnostic/forms.h"

namespace parcours::app {

bool database_is_migrated(store::Connection& conn) {
  if (store::pending_migrations(conn).empty()) return true;
  std::cerr << "parcours : la base n’est pas à jour, lancez d’abord « parcours migrate ».\n";
  return false;
}

int run_migrate(const Config& config) {
  try {
    store::parse_db_url(config.db_url);
  } catch (const store::StoreError& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 2;
  }
  try {
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    int applied = store::migrate(*conn);
    if (applied == 0) {
      std::cout << "Base déjà à jour\n";
    } else if (applied == 1) {
      std::cout << "1 migration appliquée\n";
    } else {
      std::cout << applied << " migrations appliquées\n";
    }
    // The socle commun of the diagnostic is data that the schema needs: stored with it.
    auto seeded = diagnostic::seed_socle_commun(*conn, diagnostic::socle_commun_path());
    if (!seeded) {
      std::cerr << "parcours : " << seeded.error().message << "\n";
      return 1;
    }
    if (seeded->added) {
      std::cout << "Socle commun du diagnostic : version " << seeded->version << " enregistrée\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace parcours::app
