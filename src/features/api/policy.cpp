#include "features/api/policy.h"

namespace parcours::api {

bool may_manage_tokens(const std::optional<security::Actor>& actor, std::int64_t organisation_id,
                       std::int64_t territory_id) {
  if (!actor) return false;
  return actor->administers_organisation(organisation_id) || actor->manages_territory(territory_id);
}

}  // namespace parcours::api
