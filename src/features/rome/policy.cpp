#include "features/rome/policy.h"

namespace parcours::rome {

bool may_search_appellations(const std::optional<security::Actor>& actor, bool person_signed_in) {
  if (person_signed_in) return true;
  return actor && (actor->is_admin() || !actor->grants.empty());
}

}  // namespace parcours::rome
