#include "features/accounts/actor.h"

#include <algorithm>

namespace parcours::accounts {

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
    auto role = security::parse_role(row.text(0));
    if (!role) continue;  // a code this version does not know grants nothing
    actor.grants.push_back(security::Grant{.role = *role,
                                           .territory_id = row.opt_integer(1),
                                           .organisation_id = row.opt_integer(2),
                                           .organisation_territory_id = row.opt_integer(3),
                                           .orientation = row.boolean(4),
                                           .referent = row.boolean(5)});
  }

  auto organisations = actor.organisation_ids();
  if (acting_organisation_id && std::find(organisations.begin(), organisations.end(),
                                          *acting_organisation_id) != organisations.end()) {
    actor.acting_organisation_id = acting_organisation_id;
  } else if (!organisations.empty()) {
    actor.acting_organisation_id = organisations.front();
  }
  return actor;
}

}  // namespace parcours::accounts
