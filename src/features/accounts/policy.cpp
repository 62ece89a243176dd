#include "features/accounts/policy.h"

namespace parcours::accounts {

using security::Role;

bool may_view_own_account(const std::optional<security::Actor>& actor) {
  return actor.has_value() && actor->user_id > 0;
}

bool may_act_for_organisation(const std::optional<security::Actor>& actor,
                              std::int64_t organisation_id) {
  return actor && actor->member_of_organisation(organisation_id);
}

bool may_invite_to_organisation(const std::optional<security::Actor>& actor,
                                std::int64_t organisation_id,
                                std::int64_t organisation_territory_id) {
  if (!actor) return false;
  return actor->is_admin() || actor->manages_territory(organisation_territory_id) ||
         actor->administers_organisation(organisation_id);
}

bool may_grant_role(const std::optional<security::Actor>& actor, const RoleTarget& target) {
  if (!actor) return false;
  if (actor->is_admin()) return true;
  switch (target.role) {
    case Role::kAdmin:
    case Role::kTerritoryManager:
      return false;
    case Role::kOrgAdmin:
    case Role::kProfessional:
      if (!target.organisation_id || !target.territory_id) return false;
      return actor->manages_territory(*target.territory_id) ||
             actor->administers_organisation(*target.organisation_id);
  }
  return false;
}

}  // namespace parcours::accounts
