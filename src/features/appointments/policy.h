// Who may do what with appointments — deny by default, one function per action, tested as a
// role × action matrix (tests/unit/appointments_policy_test.cpp):
//   - the active members of the journey's team see its appointments and book one;
//   - the status is set by the professional met or by the journey's référent (team members);
//   - a professional's agenda and list to update are their own; an organisation's list of
//     appointments to update is for that organisation's admins;
//   - the person sees their own appointments in their space and excuses a planned one that has
//     not started; nobody else (outside the team, territory managers, national admins) sees them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/security/actor.h"
#include "features/people/policy.h"

namespace parcours::appointments {

using MaybeActor = std::optional<security::Actor>;
using MaybePerson = std::optional<std::int64_t>;

bool may_view_appointments(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_book(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_set_status(const MaybeActor& actor, const people::PersonFacts& facts,
                    std::int64_t professional_id);
// A professional (or organisation admin) viewing their own agenda.
bool may_view_agenda(const MaybeActor& actor, std::int64_t user_id);
bool may_view_organisation_to_update(const MaybeActor& actor, std::int64_t organisation_id);

bool person_may_view(const MaybePerson& person, std::int64_t appointment_person_id);
bool person_may_excuse(const MaybePerson& person, std::int64_t appointment_person_id,
                       std::string_view status, bool started);

}  // namespace parcours::appointments
