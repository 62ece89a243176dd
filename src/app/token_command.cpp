// `parcours token create --org ORG --scopes persons:read,... [--expires AAAA-MM-JJ] [--name N]`:
// a partner API token for an organisation (features/api/tokens.h); the secret is printed once,
// on stdout alone so that a script can capture it, the details on stderr.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "core/clock.h"
#include "features/api/tokens.h"
#include "features/organisations/organisation.h"

namespace parcours::app {
namespace {

struct TokenOptions {
  std::string org;
  std::string scopes;
  std::string expires;
  std::string name = "Jeton créé en ligne de commande";
};

int run_token_create(const Config& config, const TokenOptions& options) {
  try {
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    auto org = organisations::find_organisation_by_slug(*conn, options.org);
    if (!org) {
      std::cerr << "parcours : structure inconnue : " << options.org
                << " (voir parcours org list)\n";
      return 2;
    }
    auto made = api::create_token(*conn,
                                  {.organisation_id = org->id,
                                   .name = options.name,
                                   .scopes = options.scopes,
                                   .expires = options.expires},
                                  std::nullopt);
    if (!made) {
      std::cerr << "parcours : " << made.error().message << "\n";
      return 2;
    }
    std::string scopes;
    for (const auto& s : made->token.scopes) scopes += (scopes.empty() ? "" : " ") + s;
    std::cerr << "Jeton « " << made->token.name << " » créé pour " << org->name << " (n° "
              << made->token.id << ") — portées : " << scopes << " — "
              << (made->token.expires_at
                      ? "expire le " + format_datetime_fr(*made->token.expires_at)
                      : std::string("sans expiration"))
              << ".\nLe secret ci-dessous ne sera plus jamais affiché : conservez-le.\n";
    std::cout << made->secret << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

std::function<std::optional<int>()> add_token_commands(CLI::App& cli, Config& config) {
  auto options = std::make_shared<TokenOptions>();
  auto* token = cli.add_subcommand("token", "Jetons de l'API partenaires");
  token->require_subcommand(1);
  auto* create = token->add_subcommand("create", "Créer un jeton (le secret s'affiche une fois)");
  create->add_option("--db", config.db_url, "Base de données : sqlite:CHEMIN ou postgresql://...")
      ->envname("PARCOURS_DB");
  create->add_option("--org", options->org, "Identifiant de la structure")->required();
  create
      ->add_option("--scopes", options->scopes,
                   "Portées, par ex. persons:read,persons:write,journeys:read")
      ->required();
  create->add_option("--expires", options->expires, "Dernier jour de validité (AAAA-MM-JJ)");
  create->add_option("--name", options->name, "Nom du jeton (le logiciel qui l'utilise)");
  return [create, options, &config]() -> std::optional<int> {
    if (*create) return run_token_create(config, *options);
    return std::nullopt;
  };
}

}  // namespace parcours::app
