// `parcours stats rebuild`: recomputes every statistics projection from the start of the
// journal (features/stats/projection.h) and says how long it took.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "app/commands.h"
#include "features/stats/projection.h"

namespace parcours::app {

std::function<std::optional<int>()> add_stats_commands(CLI::App& cli, Config& config) {
  auto* stats = cli.add_subcommand("stats", "Statistiques du pilotage");
  stats->require_subcommand(1);
  auto* rebuild = stats->add_subcommand("rebuild", "Recalculer les statistiques depuis le journal");
  rebuild->add_option("--db", config.db_url, "Base de données : sqlite:CHEMIN ou postgresql://...")
      ->envname("PARCOURS_DB");
  return [rebuild, &config]() -> std::optional<int> {
    if (!*rebuild) return std::nullopt;
    try {
      auto db = store::Db::open(config.db_url, 2);
      auto conn = db->acquire();
      if (!database_is_migrated(*conn)) return 1;
      auto reader = db->acquire();  // reads the journal ahead on a second thread
      auto start = std::chrono::steady_clock::now();
      std::int64_t n = stats::rebuild(*conn, &reader.get());
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cout << "Statistiques recalculées : " << n << " événement(s) du journal relu(s) en "
                << seconds << " s.\n";
      return 0;
    } catch (const std::exception& e) {
      std::cerr << "parcours : " << e.what() << "\n";
      return 1;
    }
  };
}

}  // namespace parcours::app
