#include "features/appointments/policy.h"

#include <algorithm>

namespace parcours::appointments {

bool may_view_appointments(const MaybeActor& actor, const people::PersonFacts& facts) {
  return actor.has_value() && facts.in_team && facts.journey_id.has_value();
}

bool may_book(const MaybeActor& actor, const people::PersonFacts& facts) {
  return may_view_appointments(actor, facts) && facts.journey_active;
}

bool may_set_status(const MaybeActor& actor, const people::PersonFacts& facts,
                    std::int64_t professional_id) {
  return may_view_appointments(actor, facts) &&
         (actor->user_id == professional_id || facts.referent);
}

bool may_view_agenda(const MaybeActor& actor, std::int64_t user_id) {
  if (!actor || actor->user_id != user_id) return false;
  return std::any_of(actor->grants.begin(), actor->grants.end(), [](const security::Grant& g) {
    return g.role == security::Role::kProfessional || g.role == security::Role::kOrgAdmin;
  });
}

bool may_view_organisation_to_update(const MaybeActor& actor, std::int64_t organisation_id) {
  return actor && actor->administers_organisation(organisation_id);
}

bool person_may_view(const MaybePerson& person, std::int64_t appointment_person_id) {
  return person && *person == appointment_person_id;
}

bool person_may_excuse(const MaybePerson& person, std::int64_t appointment_person_id,
                       std::string_view status, bool started) {
  return person_may_view(person, appointment_person_id) && status == "planned" && !started;
}

}  // namespace parcours::appointments
