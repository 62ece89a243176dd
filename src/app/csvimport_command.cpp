// `parcours import persons FILE --org ORG [--json] [--preview]`: imports a person file (CSV) for
// an organisation (its id or slug) with the organisation's remembered column mapping (else the
// one guessed from the headers): the preview, then the import, each with a progress line on
// stderr; `--preview` stops after the preview. `--json` prints the report (or the preview) as
// one JSON object. Exit code 1 when the file could not be read or its names are not mapped.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "core/text.h"
#include "features/csvimport/import.h"

namespace parcours::app {
namespace {

struct PersonsOptions {
  std::string file;
  std::string org;
  bool json = false;
  bool preview_only = false;
  std::size_t batch = csvimport::kDefaultBatch;
};

int run_import_persons(const Config& config, const PersonsOptions& options) {
  try {
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    if (conn->dialect() == store::Dialect::kSqlite) {
      // Memory stays bounded whatever the size of the database (as `import caf`): a 32 MiB
      // page cache and no memory-mapped reads (mapped pages count in the resident set).
      conn->execute("PRAGMA cache_size = -32768");
      conn->execute("PRAGMA mmap_size = 0");
    }
    auto org_id = text::parse_id(options.org);
    auto org =
        org_id
            ? conn->query_one("SELECT id, name FROM organisations WHERE id = $1", {*org_id})
            : conn->query_one("SELECT id, name FROM organisations WHERE slug = $1", {options.org});
    if (!org) {
      std::cerr << "parcours : structure « " << options.org << " » introuvable\n";
      return 1;
    }
    auto path = std::filesystem::absolute(options.file).string();
    auto id = csvimport::start_import(
        *conn, {.organisation_id = org->integer(0),
                .file_name = std::filesystem::path(options.file).filename().string(),
                .path = path});
    if (!id) {
      std::cerr << "parcours : " << id.error().message << "\n";
      return 1;
    }
    auto import = csvimport::find_import(*conn, *id);
    std::cerr << "Fichier « " << options.file
              << " » : " << csvimport::encoding_label(*csvimport::parse_encoding(import->encoding))
              << ", séparateur " << csvimport::separator_label(import->separator[0]) << "\n";
    bool tty = ::isatty(STDERR_FILENO) == 1;
    auto progress = [&](const char* what) {
      return [tty, what](std::int64_t rows) {
        if (tty) std::cerr << "\r" << what << " : " << rows << " lignes" << std::flush;
      };
    };
    auto started = std::chrono::steady_clock::now();
    auto preview = csvimport::run(*conn, *id, csvimport::Phase::kPreview,
                                  {.batch = options.batch, .progress = progress("Aperçu")});
    if (tty) std::cerr << "\n";
    if (!preview) {
      std::cerr << "parcours : " << preview.error().message << "\n";
      return 1;
    }
    auto ms_since = [](auto start) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::steady_clock::now() - start)
          .count();
    };
    std::cerr << "Aperçu en " << ms_since(started) << " ms : " << preview->preview_summary()
              << "\n";
    auto import_started = std::chrono::steady_clock::now();
    if (options.preview_only) {
      if (options.json) {
        std::cout << csvimport::import_json(*conn, *preview, csvimport::Phase::kPreview) << "\n";
      }
      return 0;
    }
    auto report = csvimport::run(*conn, *id, csvimport::Phase::kApply,
                                 {.batch = options.batch, .progress = progress("Import")});
    if (tty) std::cerr << "\n";
    if (!report) {
      std::cerr << "parcours : " << report.error().message << "\n";
      return 1;
    }
    std::cerr << "Import en " << ms_since(import_started) << " ms ; ";
    std::cerr << "Import terminé en " << ms_since(started) << " ms : " << report->report_summary()
              << "\n";
    for (const auto& l : csvimport::lines(*conn, *id, csvimport::Phase::kApply, "error", 0, 20)) {
      std::cerr << "  " << l.message << "\n";
    }
    if (options.json) {
      std::cout << csvimport::import_json(*conn, *report, csvimport::Phase::kApply) << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

std::function<std::optional<int>()> add_csvimport_commands(CLI::App& cli, Config& config) {
  auto options = std::make_shared<PersonsOptions>();
  auto* import = cli.get_subcommand("import");
  auto* persons = import->add_subcommand(
      "persons", "Importer un fichier de personnes (CSV) pour une structure");
  persons->add_option("--db", config.db_url, "Base de données : sqlite:CHEMIN ou postgresql://...")
      ->envname("PARCOURS_DB");
  persons->add_option("FILE", options->file, "Fichier CSV")->required();
  persons->add_option("--org", options->org, "Structure : identifiant ou slug")->required();
  persons->add_flag("--json", options->json,
                    "Écrire le compte rendu en JSON sur la sortie standard");
  persons->add_flag("--preview", options->preview_only, "Aperçu seulement : rien n'est écrit");
  persons->add_option("--batch", options->batch, "Lignes par transaction")
      ->check(CLI::Range(1, 100000));
  return [persons, options, &config]() -> std::optional<int> {
    if (*persons) return run_import_persons(config, *options);
    return std::nullopt;
  };
}

}  // namespace parcours::app
