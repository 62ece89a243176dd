#include "features/orientation/policy.h"

#include <algorithm>

namespace parcours::orientation {
namespace {

using security::Grant;
using security::Role;

bool with_organisation(const Grant& g) {
  return g.role == Role::kProfessional || g.role == Role::kOrgAdmin;
}

}  // namespace

bool orients_in(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && std::any_of(actor->grants.begin(), actor->grants.end(), [&](const Grant& g) {
           return with_organisation(g) && g.orientation &&
                  g.organisation_territory_id == territory_id;
         });
}

bool manages(const MaybeActor& actor, std::int64_t territory_id) {
  return actor && actor->manages_territory(territory_id);
}

bool may_view_queue(const MaybeActor& actor, std::int64_t territory_id) {
  return orients_in(actor, territory_id) || manages(actor, territory_id);
}

bool may_view_decision_page(const MaybeActor& actor, std::int64_t territory_id) {
  return may_view_queue(actor, territory_id);
}

bool may_decide(const MaybeActor& actor, std::int64_t territory_id) {
  return orients_in(actor, territory_id);
}

bool may_edit_rules(const MaybeActor& actor, std::int64_t territory_id) {
  return manages(actor, territory_id);
}

bool may_request_reorientation(const MaybeActor& actor, bool is_referent) {
  return actor.has_value() && is_referent;
}

bool may_answer_reorientation(const MaybeActor& actor, std::int64_t territory_id) {
  return orients_in(actor, territory_id);
}

bool may_assign_referent(const MaybeActor& actor, std::int64_t territory_id,
                         std::int64_t organisation_in_charge) {
  if (!actor) return false;
  if (orients_in(actor, territory_id)) return true;
  return std::any_of(actor->grants.begin(), actor->grants.end(), [&](const Grant& g) {
    return g.role == Role::kOrgAdmin && g.organisation_id == organisation_in_charge &&
           g.organisation_territory_id == territory_id;
  });
}

bool may_record_first_meeting(const MaybeActor& actor, bool is_referent) {
  return actor.has_value() && is_referent;
}

bool may_watch_territory(const MaybeActor& actor, std::int64_t territory_id) {
  return orients_in(actor, territory_id) || manages(actor, territory_id);
}

bool may_watch_organisation(const MaybeActor& actor, std::int64_t organisation_id) {
  return actor && actor->administers_organisation(organisation_id);
}

}  // namespace parcours::orientation
