#include "features/organisations/policy.h"

namespace parcours::organisations {
namespace {

bool admin_or_manager(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && (actor->is_admin() || actor->manages_territory(territory_id));
}

}  // namespace

bool may_list_organisations(const MaybeActor& actor) { return actor.has_value(); }

bool may_create_organisation(const MaybeActor& actor, std::int64_t territory_id) {
  return admin_or_manager(actor, territory_id);
}

bool may_view_organisation(const MaybeActor& actor, const OrganisationRef& org) {
  return admin_or_manager(actor, org.territory_id) ||
         (actor && actor->member_of_organisation(org.id));
}

bool may_edit_organisation(const MaybeActor& actor, const OrganisationRef& org) {
  return admin_or_manager(actor, org.territory_id);
}

bool may_move_organisation(const MaybeActor& actor) { return actor && actor->is_admin(); }

bool may_deactivate_organisation(const MaybeActor& actor, const OrganisationRef& org) {
  return admin_or_manager(actor, org.territory_id);
}

bool may_view_members(const MaybeActor& actor, const OrganisationRef& org) {
  return may_manage_members(actor, org);
}

bool may_manage_members(const MaybeActor& actor, const OrganisationRef& org) {
  return admin_or_manager(actor, org.territory_id) ||
         (actor && actor->administers_organisation(org.id));
}

}  // namespace parcours::organisations
