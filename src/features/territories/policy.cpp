#include "features/territories/policy.h"

namespace parcours::territories {

using security::Role;

bool may_list_territories(const MaybeActor& actor) {
  if (!actor) return false;
  if (actor->is_admin()) return true;
  for (const auto& grant : actor->grants) {
    if (grant.role == Role::kTerritoryManager) return true;
  }
  return false;
}

bool may_create_territory(const MaybeActor& actor) { return actor && actor->is_admin(); }

bool may_view_territory(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && (actor->is_admin() || actor->manages_territory(territory_id));
}

bool may_edit_territory(const MaybeActor& actor, std::int64_t /*territory_id*/) {
  return actor && actor->is_admin();
}

bool may_edit_territory_settings(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && (actor->is_admin() || actor->manages_territory(territory_id));
}

}  // namespace parcours::territories
