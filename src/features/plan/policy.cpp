#include "features/plan/policy.h"

namespace parcours::plan {

bool may_view_plan(const MaybeActor& actor, const people::PersonFacts& facts) {
  if (!actor || !facts.journey_id) return false;
  return facts.in_team || facts.former_referent;
}

bool may_edit_plan(const MaybeActor& actor, const people::PersonFacts& facts) {
  return actor && facts.journey_id && facts.journey_active && facts.in_team;
}

bool may_decide(const MaybeActor& actor, const people::PersonFacts& facts,
                bool journey_has_referent) {
  if (!may_edit_plan(actor, facts)) return false;
  return facts.referent || !journey_has_referent;
}

bool may_view_organisation_late_reviews(const MaybeActor& actor, std::int64_t organisation_id) {
  return actor && actor->administers_organisation(organisation_id);
}

bool person_may_view_plan(const MaybePerson& person, std::int64_t journey_person_id) {
  return person && *person == journey_person_id;
}

bool person_may_propose_goal(const MaybePerson& person, std::int64_t journey_person_id,
                             bool journey_active, bool plan_open) {
  return person_may_view_plan(person, journey_person_id) && journey_active && plan_open;
}

bool person_may_mark_done(const MaybePerson& person, std::int64_t journey_person_id,
                          bool journey_active, bool plan_open, const Action& action) {
  if (!person_may_propose_goal(person, journey_person_id, journey_active, plan_open)) return false;
  if (!action.open()) return false;
  if (action.responsible_person) return true;
  return !action.service_id && !action.responsible_user_id;
}

}  // namespace parcours::plan
