// `parcours import caf FILE…`: imports CAF/MSA "bénéficiaires RSA" flux files, in the order
// given, with a progress bar on stderr; `--json` prints each report as one JSON object (one line
// per file). Exit code 1 when a file was refused or could not be read.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "app/commands.h"
#include "core/store/bulk.h"
#include "features/caf/import.h"

namespace parcours::app {
namespace {

struct CafOptions {
  std::vector<std::string> files;
  bool json = false;
  std::size_t batch = caf::kCommandBatch;
};

void draw_progress(std::int64_t done, std::int64_t total, bool tty) {
  int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
  if (tty) {
    int filled = percent / 4;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(25 - filled, '.') << "] "
              << percent << " % (" << done << " / " << total << " foyers)" << std::flush;
  } else {
    std::cerr << "progression : " << percent << " % (" << done << " / " << total << " foyers)\n";
  }
}

int run_import_caf(const Config& config, const CafOptions& options) {
  try {
    auto db = store::Db::open(config.db_url, 2);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    std::optional<store::WalCheckpointer> checkpointer;
    if (conn->dialect() == store::Dialect::kSqlite) {
      // Memory stays bounded whatever the size of the database: a 32 MiB page cache and no
      // memory-mapped reads (the pages of a mapped database count in the resident set).
      // Statement journals (an INSERT that may fail within a transaction keeps the pages it
      // changes) stay in memory: in temporary files they were 2 to 5 GB of writes for 100,000
      // households.
      conn->execute("PRAGMA cache_size = -32768");
      conn->execute("PRAGMA mmap_size = 0");
      conn->execute("PRAGMA temp_store = MEMORY");
      // The WAL is checkpointed by a thread of its own after each commit.
      conn->execute("PRAGMA wal_autocheckpoint = 0");
      checkpointer.emplace(*db);
    }
    bool tty = ::isatty(STDERR_FILENO) == 1;
    int code = 0;
    for (const auto& file : options.files) {
      auto started = std::chrono::steady_clock::now();
      std::int64_t last_percent = -1;
      caf::ImportOptions import_options{
          .file_name = std::filesystem::path(file).filename().string(),
          .batch = options.batch,
          .validate_alongside = true,
          .progress = [&](std::int64_t done, std::int64_t total) {
            if (checkpointer) checkpointer->committed();
            std::int64_t percent = total > 0 ? done * 100 / total : 100;
            if (!tty && percent / 10 == last_percent / 10 && done != total) return;
            if (percent == last_percent && done != total) return;
            last_percent = percent;
            draw_progress(done, total, tty);
          }};
      auto report = caf::import_flux(*conn, file, import_options);
      if (tty && last_percent >= 0) std::cerr << "\n";
      if (!report) {
        std::cerr << "parcours : " << report.error().message << "\n";
        code = 1;
        continue;
      }
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - started)
                    .count();
      if (report->refused()) {
        code = 1;
        std::cerr << "parcours : flux « " << file << " » refusé : " << report->message << "\n";
        for (const auto& e : report->schema_errors) {
          std::cerr << "  ligne " << e.line << " : " << e.message << "\n";
        }
      } else {
        std::cerr << "Flux « " << file << " » importé en " << ms << " ms : " << report->summary()
                  << "\n";
        if (!report->message.empty()) std::cerr << "  " << report->message << "\n";
      }
      if (options.json) std::cout << caf::report_json(*conn, *report) << "\n";
    }
    return code;
  } catch (const std::exception& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

std::function<std::optional<int>()> add_caf_commands(CLI::App& cli, Config& config) {
  auto options = std::make_shared<CafOptions>();
  auto* import = cli.get_subcommand("import");
  auto* caf =
      import->add_subcommand("caf", "Importer des flux CAF/MSA « bénéficiaires RSA » (vrsb0801)");
  caf->add_option("--db", config.db_url, "Base de données : sqlite:CHEMIN ou postgresql://...")
      ->envname("PARCOURS_DB");
  caf->add_option("FILE", options->files, "Fichiers XML du flux, dans l'ordre")->required();
  caf->add_flag("--json", options->json, "Écrire le compte rendu en JSON sur la sortie standard");
  caf->add_option("--batch", options->batch, "Foyers par transaction")
      ->check(CLI::Range(1, 100000));
  return [caf, options, &config]() -> std::optional<int> {
    if (*caf) return run_import_caf(config, *options);
    return std::nullopt;
  };
}

}  // namespace parcours::app
