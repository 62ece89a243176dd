#include "features/csvimport/policy.h"

namespace parcours::csvimport {

bool may_import_for(const MaybeActor& actor, std::int64_t organisation_id,
                    std::int64_t organisation_territory_id) {
  if (!actor) return false;
  return actor->administers_organisation(organisation_id) ||
         actor->manages_territory(organisation_territory_id);
}

}  // namespace parcours::csvimport
