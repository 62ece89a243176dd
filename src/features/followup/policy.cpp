#include "features/followup/policy.h"

#include <algorithm>

namespace parcours::followup {

bool may_view_followup(const MaybeActor& actor, const people::PersonFacts& facts) {
  return actor.has_value() && facts.journey_id.has_value() &&
         (facts.in_team || facts.former_referent);
}

bool may_write_commitment(const MaybeActor& actor, const people::PersonFacts& facts) {
  return actor.has_value() && facts.journey_id.has_value() && facts.in_team && facts.journey_active;
}

bool may_record_outcome(const MaybeActor& actor, const people::PersonFacts& facts) {
  return may_write_commitment(actor, facts);
}

bool may_close_journey(const MaybeActor& actor, const people::PersonFacts& facts) {
  return may_write_commitment(actor, facts) && facts.referent;
}

bool may_reopen_journey(const MaybeActor& actor, const people::PersonFacts& facts) {
  return actor.has_value() && facts.journey_id.has_value() && facts.in_team && facts.referent &&
         !facts.journey_active;
}

bool may_view_due(const MaybeActor& actor, std::int64_t user_id) {
  if (!actor || actor->user_id != user_id) return false;
  return std::any_of(actor->grants.begin(), actor->grants.end(), [](const security::Grant& g) {
    return g.role == security::Role::kProfessional || g.role == security::Role::kOrgAdmin;
  });
}

bool may_view_organisation_due(const MaybeActor& actor, std::int64_t organisation_id) {
  return actor && actor->administers_organisation(organisation_id);
}

bool person_may_view_commitment(const MaybePerson& person, std::int64_t commitment_person_id) {
  return person && *person == commitment_person_id;
}

bool person_may_accept(const MaybePerson& person, std::int64_t commitment_person_id,
                       std::string_view status, bool journey_active) {
  return person_may_view_commitment(person, commitment_person_id) && status == "proposed" &&
         journey_active;
}

}  // namespace parcours::followup
