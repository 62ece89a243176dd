// `parcours import data-inclusion FILE`, `parcours export data-inclusion services|structures`
// and `parcours reindex-services`: exchange in the data·inclusion v1 format and the search index.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "core/atomic.h"
#include "features/search/exchange.h"
#include "features/search/index.h"

namespace parcours::app {
namespace {

int run_import(const Config& config, const std::string& file) {
  try {
    std::ifstream in_file;
    std::istream* in = &std::cin;
    if (file != "-") {
      in_file.open(file, std::ios::binary);
      if (!in_file) {
        std::cerr << "parcours : fichier introuvable : " << file << "\n";
        return 1;
      }
      in = &in_file;
    }
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    if (conn->dialect() == store::Dialect::kSqlite) {
      // A bulk load: a page cache of 256 MiB for this connection (the default is 2 MiB), so
      // that the index pages stay in memory instead of being read again for each batch.
      conn->execute("PRAGMA cache_size = -262144");
    }
    auto started = std::chrono::steady_clock::now();
    auto report = search::import_data_inclusion(*conn, *in, [](const search::ImportLine& line) {
      std::cerr << (line.rejected ? "refusé : " : "note : ") << line.text() << "\n";
    });
    if (!report) {
      std::cerr << "parcours : " << report.error().message << "\n";
      return 1;
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
    std::cout << "Import data·inclusion en " << ms << " ms : " << report->summary() << "\n";
    return report->rejected ? 1 : 0;  // some records refused
  } catch (const std::exception& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

int run_export(const Config& config, const std::string& what) {
  try {
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    auto kind =
        what == "services" ? search::ExportKind::kServices : search::ExportKind::kStructures;
    conn->begin(false);  // one consistent snapshot
    auto count = search::export_data_inclusion(*conn, kind, std::cout);
    conn->commit();
    std::cerr << count
              << (what == "services" ? " services exportés.\n" : " structures exportées.\n");
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

int run_reindex(const Config& config) {
  try {
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    auto count = atomically(*conn, [&] { return search::reindex_all(*conn); });
    std::cout << "Index de recherche reconstruit : " << count << " services publiés.\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

std::function<std::optional<int>()> add_search_commands(CLI::App& cli, Config& config) {
  struct Options {
    std::string file;
    std::string what;
  };
  auto options = std::make_shared<Options>();
  auto add_db = [&](CLI::App* cmd) {
    cmd->add_option("--db", config.db_url, "Base de données : sqlite:CHEMIN ou postgresql://...")
        ->envname("PARCOURS_DB");
  };
  auto* import = cli.add_subcommand("import", "Importer des données");
  import->require_subcommand(1);
  auto* import_di = import->add_subcommand(
      "data-inclusion", "Importer structures et services au format data·inclusion v1");
  add_db(import_di);
  import_di
      ->add_option("FILE", options->file,
                   "Fichier JSON (tableau) ou JSON lines, - : entrée standard")
      ->required();
  auto* export_cmd = cli.add_subcommand("export", "Exporter des données");
  export_cmd->require_subcommand(1);
  auto* export_di = export_cmd->add_subcommand(
      "data-inclusion",
      "Exporter les services publiés (ou leurs structures) au format data·inclusion v1");
  add_db(export_di);
  export_di->add_option("WHAT", options->what, "services ou structures")
      ->required()
      ->check(CLI::IsMember({"services", "structures"}));
  auto* reindex =
      cli.add_subcommand("reindex-services", "Reconstruire l'index de recherche des services");
  add_db(reindex);
  return [import_di, export_di, reindex, options, &config]() -> std::optional<int> {
    if (*import_di) return run_import(config, options->file);
    if (*export_di) return run_export(config, options->what);
    if (*reindex) return run_reindex(config);
    return std::nullopt;
  };
}

}  // namespace parcours::app
