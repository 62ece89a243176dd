#include "features/portal/policy.h"

#include <algorithm>

namespace parcours::portal {

bool may_request_accompaniment(const MaybePerson&) { return true; }

bool may_read_record(const MaybePerson& person, std::int64_t person_id) {
  return person && *person == person_id;
}

bool may_update_contact(const MaybePerson& person, std::int64_t person_id) {
  return may_read_record(person, person_id);
}

bool may_request_referent_change(const MaybePerson& person, const JourneyRef& journey) {
  return may_read_record(person, journey.person_id) && journey.active && journey.has_referent;
}

bool may_object(const MaybePerson& person, std::int64_t person_id,
                const std::vector<std::int64_t>& journey_territories, const OrganisationRef& org) {
  return may_read_record(person, person_id) && org.active && !org.in_team &&
         std::ranges::find(journey_territories, org.territory_id) != journey_territories.end();
}

bool may_withdraw_objection(const MaybePerson& person, std::int64_t person_id) {
  return may_read_record(person, person_id);
}

}  // namespace parcours::portal
