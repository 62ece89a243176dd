#include "features/catalogue/policy.h"

#include "features/catalogue/service.h"

namespace parcours::catalogue {

bool may_list_services(const MaybeActor& actor, const OwnerRef& owner) {
  return actor && (actor->is_admin() || actor->manages_territory(owner.territory_id) ||
                   actor->member_of_organisation(owner.organisation_id));
}

bool may_edit_services(const MaybeActor& actor, const OwnerRef& owner) {
  return actor && actor->member_of_organisation(owner.organisation_id);
}

bool may_view_service(const MaybeActor& actor, std::string_view status,
                      const std::optional<OwnerRef>& owner) {
  if (status == kPublished) return true;
  return owner && actor && actor->member_of_organisation(owner->organisation_id);
}

}  // namespace parcours::catalogue
