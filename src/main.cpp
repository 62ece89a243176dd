// parcours: the one binary of the service. Sub-commands:
//   serve, migrate, load-geo, load-rome, seed-demo, purge, user add, org list, --version,
//   import/export data-inclusion, reindex-services (app/search_commands.cpp)
// Every flag can also be given as an environment variable PARCOURS_<FLAG>.
#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"
#include "core/config.h"
#include "features/impact/projection.h"

int main(int argc, char** argv) {
  using parcours::Config;
  Config config;
  CLI::App cli{"Parcours — service public de l'insertion et de l'emploi", "parcours"};
  cli.set_version_flag("--version", std::string("parcours ") + PARCOURS_VERSION);
  cli.require_subcommand(1);

  auto add_db = [&](CLI::App* cmd) {
    cmd->add_option("--db", config.db_url, "Base de données : sqlite:CHEMIN ou postgresql://...")
        ->envname("PARCOURS_DB");
  };

  auto* serve = cli.add_subcommand("serve", "Servir l'application web et l'API");
  add_db(serve);
  serve->add_option("--listen", config.listen, "Adresse d'écoute HOTE:PORT")
      ->envname("PARCOURS_LISTEN");
  serve->add_option("--public-url", config.public_url, "URL publique du service")
      ->envname("PARCOURS_PUBLIC_URL");
  serve->add_option("--web-root", config.web_root, "Dossier des ressources web construites")
      ->envname("PARCOURS_WEB_ROOT");
  serve->add_option("--templates", config.templates_root, "Dossier des gabarits HTML")
      ->envname("PARCOURS_TEMPLATES");
  serve
      ->add_option("--mail", config.mail_transport,
                   "Transport des courriels : file:DOSSIER ou smtp://hote:port")
      ->envname("PARCOURS_MAIL");
  serve->add_option("--mail-from", config.mail_from, "Expéditeur des courriels")
      ->envname("PARCOURS_MAIL_FROM");
  serve->add_option("--workers", config.workers, "Nombre de fils de traitement")
      ->envname("PARCOURS_WORKERS")
      ->check(CLI::Range(1, 256));
  serve->add_option("--queue-limit", config.queue_limit, "Requêtes en attente avant réponse 503")
      ->envname("PARCOURS_QUEUE_LIMIT")
      ->check(CLI::Range(1, 100000));
  serve
      ->add_option("--session-idle-minutes", config.session_idle_minutes,
                   "Expiration d'inactivité des sessions")
      ->envname("PARCOURS_SESSION_IDLE_MINUTES")
      ->check(CLI::Range(1, 100000));
  serve
      ->add_option("--session-absolute-hours", config.session_absolute_hours,
                   "Durée maximale des sessions")
      ->envname("PARCOURS_SESSION_ABSOLUTE_HOURS")
      ->check(CLI::Range(1, 10000));
  serve
      ->add_option("--header-timeout", config.header_timeout_seconds,
                   "Délai pour recevoir les en-têtes (s)")
      ->envname("PARCOURS_HEADER_TIMEOUT")
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--body-timeout", config.body_timeout_seconds,
                   "Délai pour recevoir le corps (s)")
      ->envname("PARCOURS_BODY_TIMEOUT")
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--idle-timeout", config.idle_timeout_seconds,
                   "Délai d'inactivité entre requêtes (s)")
      ->envname("PARCOURS_IDLE_TIMEOUT")
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--access-log", config.access_log, "Journal d'accès JSON sur la sortie standard")
      ->envname("PARCOURS_ACCESS_LOG");
  serve->add_option("--jobs", config.jobs, "Exécuter les tâches de fond")->envname("PARCOURS_JOBS");
  serve->add_option("--api-rate", config.api_rate, "API : requêtes par seconde et par jeton")
      ->envname("PARCOURS_API_RATE");
  serve->add_option("--api-burst", config.api_burst, "API : rafale maximale par jeton")
      ->envname("PARCOURS_API_BURST");

  auto* migrate = cli.add_subcommand("migrate", "Appliquer les migrations de la base");
  add_db(migrate);

  std::string geo_source;
  auto* load_geo =
      cli.add_subcommand("load-geo", "Charger communes, EPCI, départements et régions");
  add_db(load_geo);
  load_geo->add_option("--source", geo_source, "Dossier du paquet @etalab/decoupage-administratif")
      ->envname("PARCOURS_SOURCE");

  std::string rome_source;
  auto* load_rome = cli.add_subcommand("load-rome", "Charger les appellations de métiers ROME");
  add_db(load_rome);
  load_rome->add_option("--source", rome_source, "Fichier CSV code_rome,appellation");

  auto* seed = cli.add_subcommand("seed-demo", "Charger le territoire de démonstration (Ardennes)");
  add_db(seed);

  bool purge_apply = false;
  auto* purge = cli.add_subcommand("purge", "Supprimer ce qui a dépassé la durée de conservation");
  add_db(purge);
  purge->add_flag("--apply", purge_apply, "Supprimer (sans cette option : simulation)");

  parcours::app::UserAddOptions user_options;
  auto* user = cli.add_subcommand("user", "Gérer les comptes");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Créer un compte");
  add_db(user_add);
  user_add->add_option("--email", user_options.email, "Adresse électronique")->required();
  user_add->add_option("--name", user_options.name, "Nom affiché")->required();
  user_add
      ->add_option("--role", user_options.role,
                   "admin, territory_manager, org_admin ou professional")
      ->required();
  user_add->add_option("--org", user_options.org, "Identifiant de la structure (ou du territoire)");
  user_add->add_flag("--password-stdin", user_options.password_stdin,
                     "Lire le mot de passe sur l'entrée standard");
  user_add->add_flag("--orientation", user_options.orientation, "Chargé(e) d'orientation");
  user_add->add_flag("--referent", user_options.referent, "Référent(e) de parcours");
  user_add->add_option("--public-url", config.public_url, "URL publique (lien d'invitation)")
      ->envname("PARCOURS_PUBLIC_URL");

  auto* org = cli.add_subcommand("org", "Structures");
  org->require_subcommand(1);
  auto* org_list = org->add_subcommand("list", "Lister les structures");
  add_db(org_list);

  auto search_commands = parcours::app::add_search_commands(cli, config);
  auto token_commands = parcours::app::add_token_commands(cli, config);
  auto caf_commands = parcours::app::add_caf_commands(cli, config);
  auto csvimport_commands = parcours::app::add_csvimport_commands(cli, config);
  auto stats_commands = parcours::app::add_stats_commands(cli, config);
  parcours::impact::register_with_stats();  // rebuilt and caught up with the statistics
  try {
    cli.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "parcours : " << e.what() << " (voir parcours --help)\n";
    return 2;
  }

  namespace app = parcours::app;
  if (*serve) return app::run_serve(config);
  if (*migrate) return app::run_migrate(config);
  if (*load_geo) return app::run_load_geo(config, geo_source);
  if (*load_rome) return app::run_load_rome(config, rome_source);
  if (*seed) return app::run_seed_demo(config);
  if (*purge) return app::run_purge(config, purge_apply);
  if (*user_add) return app::run_user_add(config, user_options);
  if (*org_list) return app::run_org_list(config);
  if (auto code = search_commands()) return *code;
  if (auto code = token_commands()) return *code;
  if (auto code = caf_commands()) return *code;
  if (auto code = csvimport_commands()) return *code;
  if (auto code = stats_commands()) return *code;
  return 2;
}
