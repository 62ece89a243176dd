// parcours_bench_measure: times the dossier unique's service functions directly, without HTTP,
// on a database filled by parcours_bench_people (bench/people/run.sh):
//   --search FILE     people::search_persons for each line of FILE (what a professional types),
//                     in the Ardennes, `--rounds` times over, one connection;
//   --timeline ID     people::person_timeline of a person (200 events for the showcase ones).
// Prints one markdown table row: calls, calls/s, p50, p99, max (ms), and a check value (hits or
// events) so that an empty result cannot pass for a fast one.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>

#include "core/store/db.h"
#include "features/people/search.h"
#include "features/people/timeline.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string row(const std::string& name, std::vector<double> ms, double check_average,
                const std::string& check_label) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  double total = 0;
  for (double v : ms) total += v;
  return fmt::format("| {} | {} | {:.0f} | {:.2f} ms | {:.2f} ms | {:.2f} ms | {:.1f} {} |", name,
                     ms.size(), 1000.0 * static_cast<double>(ms.size()) / total, at(0.5), at(0.99),
                     ms.back(), check_average, check_label);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_url;
  std::string queries_file;
  std::int64_t timeline_person = 0;
  int rounds = 5;
  std::string label;
  double slow = 0;
  CLI::App cli{"Mesure des fonctions du dossier unique", "parcours_bench_measure"};
  cli.add_option("--db", db_url, "Base de données")->required();
  cli.add_option("--search", queries_file, "Fichier de recherches, une par ligne");
  cli.add_option("--timeline", timeline_person, "Personne dont lire le carnet de bord");
  cli.add_option("--rounds", rounds, "Nombre de passages")->check(CLI::Range(1, 1000));
  cli.add_option("--label", label, "Nom de la mesure dans le tableau");
  cli.add_option("--slow", slow, "Afficher les recherches plus lentes que N ms");
  CLI11_PARSE(cli, argc, argv);

  try {
    auto db = parcours::store::Db::open(db_url, 1);
    auto conn = db->acquire();
    auto territory = conn->query_one("SELECT id FROM territories WHERE slug = 'ardennes'");
    if (!territory) throw std::runtime_error("territoire des Ardennes absent");
    std::vector<double> ms;
    double check = 0;

    if (!queries_file.empty()) {
      std::ifstream in(queries_file);
      std::vector<std::string> queries;
      for (std::string line; std::getline(in, line);) {
        if (!line.empty()) queries.push_back(line);
      }
      if (queries.empty()) throw std::runtime_error("aucune recherche dans " + queries_file);
      std::int64_t hits = 0;
      for (int r = 0; r < rounds; ++r) {
        for (const auto& q : queries) {
          auto start = Clock::now();
          auto page = parcours::people::search_persons(
              *conn, {.territory_id = territory->integer(0), .text = q});
          ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
          if (slow > 0 && ms.back() > slow)
            std::cerr << fmt::format("{:.1f} ms : {}\n", ms.back(), q);
          if (!page) throw std::runtime_error(q + " : " + page.error().message);
          hits += static_cast<std::int64_t>(page->hits.size());
        }
      }
      check = static_cast<double>(hits) / static_cast<double>(ms.size());
      std::cout << row(label.empty() ? "people::search_persons" : label, ms, check,
                       "résultats par recherche")
                << "\n";
    } else if (timeline_person > 0) {
      std::int64_t events = 0;
      for (int r = 0; r < rounds * 100; ++r) {
        auto start = Clock::now();
        auto page = parcours::people::person_timeline(*conn, timeline_person, {.limit = 200});
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        events += static_cast<std::int64_t>(page.entries.size());
      }
      check = static_cast<double>(events) / static_cast<double>(ms.size());
      std::cout << row(label.empty() ? "people::person_timeline" : label, ms, check,
                       "événements par lecture")
                << "\n";
    } else {
      std::cerr << "parcours_bench_measure : --search ou --timeline\n";
      return 2;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parcours_bench_measure : " << e.what() << "\n";
    return 1;
  }
}
