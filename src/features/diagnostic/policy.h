// Who sees and writes diagnostics — deny by default, within the people policy (matrix test in
// tests/unit/diagnostic_policy_test.cpp):
//   - whoever may see the journey (its team, chargés d'orientation for journeys to orient) reads
//     both parts, the person's and the professionals';
//   - the team's members write the professional diagnostic while the journey is active;
//   - the person writes their own part from their space while they have an active journey;
//   - a territory manager edits the territory's extra questions.
#pragma once

#include <cstdint>

#include "features/people/policy.h"

namespace parcours::diagnostic {

bool may_read_diagnostic(const people::MaybeActor& actor, const people::PersonFacts& facts);
bool may_write_diagnostic(const people::MaybeActor& actor, const people::PersonFacts& facts);
bool person_may_write_diagnostic(bool has_active_journey);
bool may_edit_territory_questions(const people::MaybeActor& actor, std::int64_t territory_id);

}  // namespace parcours::diagnostic
