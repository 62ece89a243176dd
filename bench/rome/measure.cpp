// parcours_bench_rome: times rome::search_appellations directly, without HTTP, on a database
// where load-rome has run. The queries are what a person types in the job autocomplete: every
// prefix (2 letters and more) of the first word of one title in 10, then the first word followed
// by a prefix of the second. `--write-queries FILE` also writes them for wrk (bench/rome/run.sh).
// Prints one markdown table row: calls, calls/s, p50, p99, max (ms), average number of hits.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>

#include "core/store/db.h"
#include "features/rome/appellations.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> typed_queries(parcours::store::Connection& conn) {
  std::vector<std::string> queries;
  auto rows = conn.query("SELECT label FROM rome_appellations ORDER BY id");
  for (std::size_t i = 0; i < rows.size(); i += 10) {
    auto words = parcours::rome::search_terms(rows[i].text(0));
    if (words.empty()) continue;
    const std::string& first = words[0];
    for (std::size_t n = 2; n <= first.size(); ++n) queries.push_back(first.substr(0, n));
    if (words.size() > 1) {
      for (std::size_t n = 1; n <= std::min<std::size_t>(words[1].size(), 4); ++n) {
        queries.push_back(first + " " + words[1].substr(0, n));
      }
    }
  }
  return queries;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_url;
  std::string write_queries;
  int rounds = 3;
  CLI::App cli{"Mesure de la recherche des appellations ROME", "parcours_bench_rome"};
  cli.add_option("--db", db_url, "Base de données")->required();
  cli.add_option("--rounds", rounds, "Nombre de passages")->check(CLI::Range(1, 100));
  cli.add_option("--write-queries", write_queries, "Écrire les recherches (pour wrk)");
  CLI11_PARSE(cli, argc, argv);
  try {
    auto db = parcours::store::Db::open(db_url, 1);
    auto conn = db->acquire();
    auto queries = typed_queries(*conn);
    if (queries.empty()) throw std::runtime_error("aucune appellation : lancez load-rome");
    if (!write_queries.empty()) {
      std::ofstream out(write_queries);
      for (const auto& q : queries) out << q << "\n";
    }
    std::vector<double> ms;
    double hits = 0;
    for (int round = 0; round < rounds; ++round) {
      for (const auto& q : queries) {
        auto started = Clock::now();
        auto found = parcours::rome::search_appellations(*conn, q, 20);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        if (!found) throw std::runtime_error("recherche refusée : " + q);
        hits += static_cast<double>(found->size());
      }
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    auto at = [&](double q) {
      return sorted[std::min(sorted.size() - 1,
                             static_cast<std::size_t>(q * static_cast<double>(sorted.size())))];
    };
    double total = 0;
    for (double v : sorted) total += v;
    std::cout << fmt::format("| {} | {:.0f} | {:.2f} ms | {:.2f} ms | {:.2f} ms | {:.1f} |\n",
                             sorted.size(), 1000.0 * static_cast<double>(sorted.size()) / total,
                             at(0.5), at(0.99), sorted.back(),
                             hits / static_cast<double>(sorted.size()));
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parcours_bench_rome : " << e.what() << "\n";
    return 1;
  }
}
