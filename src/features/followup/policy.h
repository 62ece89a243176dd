// Who may do what with commitments, outcomes, the follow-up in employment and the closure of a
// journey — deny by default, one function per action, tested as a role × action matrix
// (tests/unit/followup_policy_test.cpp):
//   - the members of the journey's team read it all (a replaced référent too, for 30 days),
//     also once the journey is closed;
//   - on an active journey, team members propose, edit, cancel and renew commitments, record a
//     paper signature, record outcomes and the follow-up's check-ins;
//   - the référent closes the journey and reopens it;
//   - a professional's list of what falls due is their own; an organisation's is for its
//     admins;
//   - the person reads their own commitments in their space and accepts one that is proposed,
//     while their journey is active; nobody else (outside the team, territory managers,
//     national admins) sees any of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/security/actor.h"
#include "features/people/policy.h"

namespace parcours::followup {

using MaybeActor = std::optional<security::Actor>;
using MaybePerson = std::optional<std::int64_t>;

bool may_view_followup(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_write_commitment(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_record_outcome(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_close_journey(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_reopen_journey(const MaybeActor& actor, const people::PersonFacts& facts);
// A professional (or organisation admin) viewing their own list of what falls due.
bool may_view_due(const MaybeActor& actor, std::int64_t user_id);
bool may_view_organisation_due(const MaybeActor& actor, std::int64_t organisation_id);

bool person_may_view_commitment(const MaybePerson& person, std::int64_t commitment_person_id);
bool person_may_accept(const MaybePerson& person, std::int64_t commitment_person_id,
                       std::string_view status, bool journey_active);

}  // namespace parcours::followup
