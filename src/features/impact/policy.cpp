#include "features/impact/policy.h"

namespace parcours::impact {

bool allowed(const std::optional<security::Actor>& actor, Action action,
             std::int64_t territory_id) {
  if (!actor) return false;
  switch (action) {
    case Action::kViewImpact:
    case Action::kDownloadOpenData:
      return actor->is_admin() || actor->manages_territory(territory_id);
  }
  return false;
}

}  // namespace parcours::impact
