#include "features/caf/policy.h"

namespace parcours::caf {

bool may_import(const MaybeActor& actor) {
  if (!actor) return false;
  for (const auto& g : actor->grants) {
    if (g.role == security::Role::kTerritoryManager && g.territory_id) return true;
  }
  return false;
}

bool may_import_into(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && actor->manages_territory(territory_id);
}

}  // namespace parcours::caf
