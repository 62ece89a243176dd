// `parcours seed-demo`: the demonstration territory, organisations and accounts.
#include <cstdlib>
#include <iostream>

#include "app/commands.h"
#include "core/store/db.h"
#include "features/demo/persons.h"
#include "features/demo/seed.h"

namespace parcours::app {

int run_seed_demo(const Config& config) {
  try {
    const char* env = std::getenv("PARCOURS_DEMO_PASSWORD");
    std::string password = env && *env ? env : demo::kDefaultPassword;
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    auto summary = demo::seed_demo(*conn, password);
    if (!summary) {
      std::cerr << "parcours : " << summary.error().message << "\n";
      return 1;
    }
    std::cout << "Démonstration prête (territoire Ardennes) : " << summary->organisations_created
              << " structure(s), " << summary->accounts_created << " compte(s) et "
              << summary->persons_created << " personne(s) créés.\n"
              << "Comptes de démonstration, mot de passe « " << password << " » :\n";
    for (const auto& account : summary->accounts) {
      std::cout << "  " << account.email << " — " << account.description << "\n";
    }
    std::cout << "Espace de la personne : " << demo::kDemoPersonEmail
              << " (lien de connexion dans la boîte d’envoi des courriels)\n";
    return 0;
  } catch (const store::StoreError& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace parcours::app
