// parcours_bench_gen: fills a database with bench data for the foundation's load benchmarks:
// organisations in the demo territory, each with many members (invited accounts, no password
// hashing, so that generation stays fast). Rerunnable: existing slugs and emails are kept.
//   parcours_bench_gen --db sqlite:bench.db --organisations 100 --members 40
//   parcours_bench_gen --db sqlite:bench.db --print-org-id   (id of bench-structure-1)
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "core/clock.h"
#include "core/security/actor.h"
#include "core/store/db.h"
#include "features/accounts/users.h"

namespace {

using parcours::store::Connection;

std::int64_t ensure_organisation(Connection& conn, std::int64_t territory_id, int index) {
  std::string slug = fmt::format("bench-structure-{}", index);
  if (auto row = conn.query_one("SELECT id FROM organisations WHERE slug = $1", {slug})) {
    return row->integer(0);
  }
  std::int64_t now = parcours::now_seconds();
  auto row = conn.query_one(
      "INSERT INTO organisations (territory_id, slug, name, kind, address, postcode, "
      "commune_code, created_at, updated_at) VALUES ($1, $2, $3, 'association', "
      "'1 place Ducale', '08000', '08105', $4, $4) RETURNING id",
      {territory_id, slug, fmt::format("Structure de mesure n° {}", index), now});
  return row->integer(0);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_url;
  int organisations = 100;
  int members = 40;
  bool print_org_id = false;
  CLI::App cli{"Données de mesure de Parcours", "parcours_bench_gen"};
  cli.add_option("--db", db_url, "Base de données")->required();
  cli.add_option("--organisations", organisations, "Nombre de structures");
  cli.add_option("--members", members, "Membres par structure");
  cli.add_flag("--print-org-id", print_org_id, "Afficher l'identifiant de bench-structure-1");
  CLI11_PARSE(cli, argc, argv);

  auto db = parcours::store::Db::open(db_url, 1);
  auto conn = db->acquire();
  auto territory = conn->query_one("SELECT id FROM territories WHERE slug = 'ardennes'");
  if (!territory) {
    std::cerr << "parcours_bench_gen : lancez d'abord « parcours seed-demo »\n";
    return 1;
  }
  if (print_org_id) {
    auto row = conn->query_one("SELECT id FROM organisations WHERE slug = 'bench-structure-1'");
    if (!row) return 1;
    std::cout << row->integer(0) << "\n";
    return 0;
  }

  auto start = std::chrono::steady_clock::now();
  int created = 0;
  for (int o = 1; o <= organisations; ++o) {
    parcours::store::with_transaction(*conn, [&] {
      std::int64_t org_id = ensure_organisation(*conn, territory->integer(0), o);
      for (int m = 1; m <= members; ++m) {
        std::string email = fmt::format("bench-membre-{}-{}@bench.test", o, m);
        auto user_id = parcours::accounts::find_user_by_email(*conn, email);
        if (!user_id) {
          auto created_id = parcours::accounts::create_user(
              *conn, {email, fmt::format("Membre {} de la structure {}", m, o), std::nullopt},
              std::nullopt);
          if (!created_id) throw std::runtime_error(created_id.error().message);
          user_id = *created_id;
          ++created;
        }
        parcours::accounts::NewRole role{
            m == 1 ? parcours::security::Role::kOrgAdmin : parcours::security::Role::kProfessional,
            std::nullopt, org_id, m % 5 == 0, m % 3 == 0};
        auto granted = parcours::accounts::grant_role(*conn, *user_id, role, std::nullopt);
        if (!granted) throw std::runtime_error(granted.error().message);
      }
    });
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << fmt::format("{} structures, {} comptes créés en {:.1f} s\n", organisations, created,
                           seconds);
  return 0;
}
