// Who may do what in the person's own space and on the public request form. Deny by default:
// the space is only ever about the person of the session, never about another record, and a
// staff account gets nothing from these rules (professionals work on /personnes). The rules
// that decide what professionals see of a person (objections included) are the people
// feature's; objections written here are enforced there.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace parcours::portal {

// The person signed in to the space, if any (from the person session).
using MaybePerson = std::optional<std::int64_t>;

struct JourneyRef {
  std::int64_t person_id = 0;
  bool active = false;
  bool has_referent = false;
};

struct OrganisationRef {
  std::int64_t territory_id = 0;
  bool active = false;
  bool in_team = false;  // in the active team of one of the person's journeys
};

// The public form "Demander un accompagnement": anyone, signed in or not.
bool may_request_accompaniment(const MaybePerson& person);

// The pages of the space about the record of `person_id` (home, timeline, accesses, export...).
bool may_read_record(const MaybePerson& person, std::int64_t person_id);
bool may_update_contact(const MaybePerson& person, std::int64_t person_id);

// Asking for another référent: on their own active journey that has one.
bool may_request_referent_change(const MaybePerson& person, const JourneyRef& journey);

// Objecting to sharing with an organisation: an active organisation of a territory where the
// person has an active journey, outside the team. Withdrawing their own objection: always.
bool may_object(const MaybePerson& person, std::int64_t person_id,
                const std::vector<std::int64_t>& journey_territories, const OrganisationRef& org);
bool may_withdraw_objection(const MaybePerson& person, std::int64_t person_id);

}  // namespace parcours::portal
