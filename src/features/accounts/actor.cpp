#include "features/accounts/actor.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/http/tokens.h"

namespace parcours::accounts {

namespace {

// The grant of a row whose columns from `first` on are role, territory, organisation, territory
// of the organisation, orientation, referent; empty for a role code this version does not know.
std::optional<security::Grant> grant_of(const store::Row& row, std::size_t first) {
  auto role = security::parse_role(row.text(first));
  if (!role) return std::nullopt;
  return security::Grant{.role = *role,
                         .territory_id = row.opt_integer(first + 1),
                         .organisation_id = row.opt_integer(first + 2),
                         .organisation_territory_id = row.opt_integer(first + 3),
                         .orientation = row.boolean(first + 4),
                         .referent = row.boolean(first + 5)};
}

// Keeps `wanted` if the account belongs to it; otherwise the account's first organisation.
void choose_acting_organisation(security::Actor& actor, std::optional<std::int64_t> wanted) {
  auto organisations = actor.organisation_ids();
  if (wanted &&
      std::find(organisations.begin(), organisations.end(), *wanted) != organisations.end()) {
    actor.acting_organisation_id = wanted;
  } else if (!organisations.empty()) {
    actor.acting_organisation_id = organisations.front();
  }
}

}  // namespace

std::optional<security::Actor> load_actor(store::Connection& conn, std::int64_t user_id,
                                          std::optional<std::int64_t> acting_organisation_id) {
  auto user =
      conn.query_one("SELECT id, email, name FROM users WHERE id = $1 AND active = 1", {user_id});
  if (!user) return std::nullopt;
  security::Actor actor;
  actor.user_id = user->integer(0);
  actor.email = user->text(1);
  actor.name = user->text(2);
  // A role in a deactivated organisation gives no rights until the organisation is back.
  auto rows = conn.query(
      "SELECT r.role, r.territory_id, r.organisation_id, o.territory_id, r.orientation, "
      "r.referent FROM user_roles r LEFT JOIN organisations o ON o.id = r.organisation_id "
      "WHERE r.user_id = $1 AND r.active = 1 AND (r.organisation_id IS NULL OR o.active = 1) "
      "ORDER BY r.id",
      {user_id});
  for (const auto& row : rows) {
    if (auto grant = grant_of(row, 0)) actor.grants.push_back(*grant);
  }
  choose_acting_organisation(actor, acting_organisation_id);
  return actor;
}

std::optional<SignedIn> load_signed_in(store::Connection& conn, const std::string& token,
                                       const Config& config) {
  if (token.size() != http::kTokenLength) return std::nullopt;
  // One row per active role (one with NULL roles when there is none): the session, the account
  // and the roles in a single query, on every page. Rows are put in grant order here rather
  // than by an ORDER BY (a sorter for two or three rows).
  auto rows = conn.query(
      "SELECT s.id, s.user_id, s.csrf_token, s.acting_organisation_id, s.created_at, "
      "s.last_seen_at, u.active, u.email, u.name, r.id, o.active, "
      "r.role, r.territory_id, r.organisation_id, o.territory_id, r.orientation, r.referent "
      "FROM sessions s LEFT JOIN users u ON u.id = s.user_id "
      "LEFT JOIN user_roles r ON r.user_id = s.user_id AND r.active = 1 "
      "LEFT JOIN organisations o ON o.id = r.organisation_id WHERE s.token_hash = $1",
      {http::hash_hex(token)});
  if (rows.empty()) return std::nullopt;
  const store::Row& first = rows.front();
  SignedIn in;
  in.session =
      http::Session{first.integer(0), first.integer(1), first.text(2), first.opt_integer(3)};
  if (!http::keep_alive(conn, in.session, first.integer(4), first.integer(5), config)) {
    return std::nullopt;
  }
  if (first.is_null(6) || first.integer(6) != 1) {  // deactivated or deleted since sign-in
    http::destroy_session(conn, in.session.id);
    return std::nullopt;
  }
  in.actor.user_id = in.session.user_id;
  in.actor.email = first.text(7);
  in.actor.name = first.text(8);
  std::vector<std::pair<std::int64_t, security::Grant>> grants;
  for (const auto& row : rows) {
    if (row.is_null(9)) continue;
    // A role in a deactivated organisation gives no rights until the organisation is back.
    if (!row.is_null(13) && row.integer(10) != 1) continue;
    if (auto grant = grant_of(row, 11)) grants.emplace_back(row.integer(9), *grant);
  }
  std::sort(grants.begin(), grants.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [id, grant] : grants) in.actor.grants.push_back(grant);
  choose_acting_organisation(in.actor, in.session.acting_organisation_id);
  return in;
}

}  // namespace parcours::accounts
