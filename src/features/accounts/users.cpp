#include "features/accounts/users.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <stdexcept>

#include "core/clock.h"
#include "core/http/sessions.h"
#include "core/http/tokens.h"
#include "core/security/password.h"
#include "core/store/journal.h"

namespace parcours::accounts {
namespace {

constexpr std::int64_t kResetLifetime = 30 * 60;
constexpr std::int64_t kInvitationLifetime = 7 * 24 * 3600;
constexpr std::size_t kMaxNameLength = 200;

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::int64_t token_lifetime(std::string_view purpose) {
  if (purpose == "reset") return kResetLifetime;
  if (purpose == "invitation") return kInvitationLifetime;
  throw std::invalid_argument("purpose de jeton inconnu : " + std::string(purpose));
}

boost::json::value optional_json(const std::optional<std::int64_t>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

// Checks that a role carries exactly the scope it needs.
Result<void> check_role_scope(const NewRole& role) {
  using security::Role;
  bool org_role = role.role == Role::kOrgAdmin || role.role == Role::kProfessional;
  if (!org_role && (role.orientation || role.referent)) {
    return fail(ErrorCode::kInvalid,
                "Seuls les rôles d'une structure peuvent être chargé d'orientation ou référent.",
                "role");
  }
  switch (role.role) {
    case Role::kAdmin:
      if (role.territory_id || role.organisation_id) {
        return fail(ErrorCode::kInvalid,
                    "Le rôle d'administrateur national ne se rattache à aucun territoire ni "
                    "aucune structure.",
                    "role");
      }
      return {};
    case Role::kTerritoryManager:
      if (!role.territory_id || role.organisation_id) {
        return fail(ErrorCode::kInvalid,
                    "Le rôle de responsable de territoire demande un territoire, et lui seul.",
                    "territory_id");
      }
      return {};
    case Role::kOrgAdmin:
    case Role::kProfessional:
      if (!role.organisation_id || role.territory_id) {
        return fail(ErrorCode::kInvalid, "Ce rôle demande une structure, et elle seule.",
                    "organisation_id");
      }
      return {};
  }
  return fail(ErrorCode::kInvalid, "Rôle inconnu.", "role");
}

}  // namespace

std::string normalise_email(std::string_view email) {
  std::string out(trim(email));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
  return out;
}

Result<std::string> validate_email(std::string_view email, std::string_view field) {
  std::string address = normalise_email(email);
  if (address.empty()) {
    return fail(ErrorCode::kInvalid, "Saisissez une adresse électronique.", std::string(field));
  }
  auto invalid = [&] {
    return fail(ErrorCode::kInvalid,
                "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.",
                std::string(field));
  };
  auto at = address.rfind('@');
  if (address.size() > 254 || at == std::string::npos || at == 0 || at > 64) return invalid();
  std::string_view domain = std::string_view(address).substr(at + 1);
  bool bad_char = std::any_of(address.begin(), address.end(), [](unsigned char c) {
    return c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"';
  });
  if (bad_char || address.find('@') != at) return invalid();
  if (domain.empty() || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.' || domain.find("..") != std::string_view::npos) {
    return invalid();
  }
  return address;
}

Result<std::int64_t> create_user(store::Connection& conn, const NewUser& user,
                                 std::optional<std::int64_t> actor_id) {
  auto email = validate_email(user.email);
  if (!email) return std::unexpected(email.error());
  std::string name(trim(user.name));
  if (name.empty()) return fail(ErrorCode::kInvalid, "Saisissez le nom de la personne.", "name");
  if (name.size() > kMaxNameLength) {
    return fail(ErrorCode::kInvalid, "Le nom doit comporter au plus 200 caractères.", "name");
  }
  std::optional<std::string> hash;
  if (user.password) {
    if (auto ok = security::check_new_password(*user.password); !ok) {
      return std::unexpected(ok.error());
    }
    hash = security::hash_password(*user.password);
  }
  auto conflict = [&] {
    return fail(ErrorCode::kConflict,
                fmt::format("Un compte existe déjà avec l'adresse {}.", *email), "email");
  };
  // Checked first because on PostgreSQL a failed INSERT spoils the whole transaction.
  if (find_user_by_email(conn, *email)) return conflict();

  std::int64_t now = now_seconds();
  std::int64_t id = 0;
  try {
    auto rows = conn.query(
        "INSERT INTO users (email, name, password_hash, active, created_at, updated_at) "
        "VALUES ($1, $2, $3, 1, $4, $4) RETURNING id",
        {*email, name, store::opt(hash), now});
    id = rows.at(0).integer(0);
  } catch (const store::StoreError& e) {
    if (e.unique_violation()) return conflict();
    throw;
  }
  boost::json::object payload{
      {"user_id", id}, {"email", *email}, {"name", name}, {"invited", !user.password}};
  store::append_event(conn, {.kind = "account.created",
                             .actor_id = actor_id,
                             .payload_json = boost::json::serialize(payload)});
  return id;
}

std::optional<std::int64_t> find_user_by_email(store::Connection& conn, std::string_view email) {
  auto row = conn.query_one("SELECT id FROM users WHERE email = $1", {normalise_email(email)});
  if (!row) return std::nullopt;
  return row->integer(0);
}

Result<std::int64_t> grant_role(store::Connection& conn, std::int64_t user_id, const NewRole& role,
                                std::optional<std::int64_t> actor_id) {
  if (auto ok = check_role_scope(role); !ok) return std::unexpected(ok.error());
  if (!conn.query_one("SELECT 1 FROM users WHERE id = $1", {user_id})) {
    return fail(ErrorCode::kNotFound, "Compte introuvable.");
  }
  std::optional<std::int64_t> event_territory = role.territory_id;
  if (role.territory_id &&
      !conn.query_one("SELECT 1 FROM territories WHERE id = $1", {*role.territory_id})) {
    return fail(ErrorCode::kInvalid, "Territoire introuvable.", "territory_id");
  }
  if (role.organisation_id) {
    auto org = conn.query_one("SELECT territory_id FROM organisations WHERE id = $1",
                              {*role.organisation_id});
    if (!org) return fail(ErrorCode::kInvalid, "Structure introuvable.", "organisation_id");
    event_territory = org->integer(0);
  }

  std::int64_t now = now_seconds();
  std::string code = security::role_code(role.role);
  auto existing = conn.query_one(
      "SELECT id FROM user_roles WHERE user_id = $1 AND role = $2 "
      "AND COALESCE(territory_id, 0) = $3 AND COALESCE(organisation_id, 0) = $4",
      {user_id, code, role.territory_id.value_or(0), role.organisation_id.value_or(0)});
  std::int64_t role_id = 0;
  if (existing) {
    role_id = existing->integer(0);
    conn.execute(
        "UPDATE user_roles SET active = 1, orientation = $1, referent = $2, updated_at = $3 "
        "WHERE id = $4",
        {store::boolean(role.orientation), store::boolean(role.referent), now, role_id});
  } else {
    auto rows = conn.query(
        "INSERT INTO user_roles (user_id, role, territory_id, organisation_id, orientation, "
        "referent, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) "
        "RETURNING id",
        {user_id, code, store::opt(role.territory_id), store::opt(role.organisation_id),
         store::boolean(role.orientation), store::boolean(role.referent), now});
    role_id = rows.at(0).integer(0);
  }
  boost::json::object payload{{"user_id", user_id},
                              {"role", code},
                              {"territory_id", optional_json(role.territory_id)},
                              {"organisation_id", optional_json(role.organisation_id)},
                              {"orientation", role.orientation},
                              {"referent", role.referent}};
  store::append_event(conn, {.kind = "account.role_granted",
                             .territory_id = event_territory,
                             .actor_id = actor_id,
                             .payload_json = boost::json::serialize(payload)});
  return role_id;
}

std::string issue_password_token(store::Connection& conn, std::int64_t user_id,
                                 std::string_view purpose) {
  std::int64_t lifetime = token_lifetime(purpose);
  std::int64_t now = now_seconds();
  std::string token = http::random_token();
  conn.execute(
      "UPDATE password_tokens SET expires_at = $1 "
      "WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1",
      {now, user_id, std::string(purpose)});
  conn.execute(
      "INSERT INTO password_tokens (user_id, purpose, token_hash, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {user_id, std::string(purpose), http::hash_hex(token), now, now + lifetime});
  boost::json::object payload{
      {"user_id", user_id}, {"purpose", purpose}, {"expires_at", now + lifetime}};
  store::append_event(conn, {.kind = "account.password_token_issued",
                             .payload_json = boost::json::serialize(payload)});
  return token;
}

std::optional<PasswordToken> find_password_token(store::Connection& conn, std::string_view token) {
  auto row = conn.query_one(
      "SELECT t.user_id, t.purpose, u.email, u.name FROM password_tokens t "
      "JOIN users u ON u.id = t.user_id "
      "WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND u.active = 1",
      {http::hash_hex(token), now_seconds()});
  if (!row) return std::nullopt;
  return PasswordToken{row->integer(0), row->text(1), row->text(2), row->text(3)};
}

Result<PasswordToken> use_password_token(store::Connection& conn, std::string_view token,
                                         const std::string& password_hash) {
  auto found = find_password_token(conn, token);
  std::int64_t now = now_seconds();
  // The conditional UPDATE is what makes the token single-use when two requests race.
  if (!found || conn.execute("UPDATE password_tokens SET used_at = $1 "
                             "WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
                             {now, http::hash_hex(token)}) != 1) {
    return fail(ErrorCode::kNotFound,
                "Ce lien n'est plus valable : il a déjà servi ou il a expiré.");
  }
  conn.execute("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3",
               {password_hash, now, found->user_id});
  http::destroy_user_sessions(conn, found->user_id);
  boost::json::object payload{{"user_id", found->user_id}, {"purpose", found->purpose}};
  store::append_event(conn, {.kind = "account.password_set",
                             .actor_id = found->user_id,
                             .payload_json = boost::json::serialize(payload)});
  return *found;
}

}  // namespace parcours::accounts
