// `parcours user add`: creates an account, or adds a role to an existing one (an account can
// hold several roles), in one transaction. Without --password-stdin the account gets an
// invitation link (valid 7 days) to choose its password; the link is printed.
//   parcours user add --email E --name N --role ROLE [--org SLUG] [--password-stdin]
//                     [--orientation] [--referent]
#include <iostream>
#include <optional>
#include <string>

#include "app/commands.h"
#include "core/error.h"
#include "core/security/password.h"
#include "core/store/db.h"
#include "features/accounts/users.h"

namespace parcours::app {
namespace {

using security::Role;

// The scope of the role from --org: an organisation slug, or for a territory manager the
// territory of that organisation, or else a territory slug.
Result<void> resolve_scope(store::Connection& conn, const UserAddOptions& options,
                           accounts::NewRole& role) {
  bool org_role = role.role == Role::kOrgAdmin || role.role == Role::kProfessional;
  if ((options.orientation || options.referent) && !org_role) {
    return fail(ErrorCode::kInvalid,
                "--orientation et --referent ne s'appliquent qu'aux rôles org_admin et "
                "professional");
  }
  if (role.role == Role::kAdmin) {
    if (options.org.empty()) return {};
    return fail(ErrorCode::kInvalid,
                "le rôle admin ne se rattache à aucune structure : retirez --org");
  }
  if (options.org.empty()) {
    return fail(ErrorCode::kInvalid, std::string("le rôle ") + security::role_code(role.role) +
                                         " demande --org (identifiant d'une structure" +
                                         (org_role ? ")" : " ou d'un territoire)"));
  }
  auto org =
      conn.query_one("SELECT id, territory_id FROM organisations WHERE slug = $1", {options.org});
  if (org_role) {
    if (!org) return fail(ErrorCode::kInvalid, "structure inconnue : « " + options.org + " »");
    role.organisation_id = org->integer(0);
    return {};
  }
  if (org) {
    role.territory_id = org->integer(1);
    return {};
  }
  auto territory = conn.query_one("SELECT id FROM territories WHERE slug = $1", {options.org});
  if (!territory) {
    return fail(ErrorCode::kInvalid, "structure ou territoire inconnu : « " + options.org + " »");
  }
  role.territory_id = territory->integer(0);
  return {};
}

// Creates the account if needed and grants the role; returns what was done, for the operator.
Result<std::string> add_user(store::Connection& conn, const Config& config,
                             const UserAddOptions& options, Role role_code,
                             const std::optional<std::string>& password) {
  accounts::NewRole role{
      .role = role_code, .orientation = options.orientation, .referent = options.referent};
  if (auto scoped = resolve_scope(conn, options, role); !scoped) {
    return std::unexpected(scoped.error());
  }
  std::string report;
  std::string email = accounts::normalise_email(options.email);
  std::optional<std::int64_t> user_id = accounts::find_user_by_email(conn, email);
  bool created = !user_id;
  if (user_id) {
    report += "Compte existant : " + email + (password ? " (mot de passe inchangé)" : "") + "\n";
  } else {
    auto id = accounts::create_user(conn, {options.email, options.name, password}, std::nullopt);
    if (!id) return std::unexpected(id.error());
    user_id = *id;
    report += "Compte créé : " + email + "\n";
  }
  if (auto granted = accounts::grant_role(conn, *user_id, role, std::nullopt); !granted) {
    return std::unexpected(granted.error());
  }
  report += std::string("Rôle accordé : ") + security::role_label(role.role) +
            (options.org.empty() ? "" : " (" + options.org + ")") + "\n";
  if (created && !password) {
    std::string base = config.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    report += "Lien d'invitation, valable 7 jours : " + base + "/mot-de-passe/" +
              accounts::issue_password_token(conn, *user_id, "invitation") + "\n";
  }
  return report;
}

std::optional<std::string> read_password_line() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

int run_user_add(const Config& config, const UserAddOptions& options) {
  auto role_code = security::parse_role(options.role);
  if (!role_code) {
    std::cerr << "parcours : rôle inconnu « " << options.role
              << " » (admin, territory_manager, org_admin ou professional)\n";
    return 2;
  }
  std::optional<std::string> password;
  if (options.password_stdin) {
    password = read_password_line();
    if (!password) {
      std::cerr << "parcours : aucun mot de passe lu sur l'entrée standard\n";
      return 2;
    }
    if (auto ok = security::check_new_password(*password); !ok) {
      std::cerr << "parcours : " << ok.error().message << "\n";
      return 2;
    }
  }

  try {
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    auto report = store::with_transaction(
        *conn, [&] { return add_user(*conn, config, options, *role_code, password); });
    if (!report) {
      std::cerr << "parcours : " << report.error().message << "\n";
      return 2;
    }
    std::cout << *report;
    return 0;
  } catch (const store::StoreError& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace parcours::app
