// Who may do what with a plan d'actions — deny by default, one function per action, tested as a
// role × action matrix (tests/unit/plan_policy_test.cpp):
//   - the active members of the journey's team see the plan (and a replaced référent, for 30
//     days, reads it); on an active journey they add and edit goals and actions, set statuses,
//     close goals and record points d'étape;
//   - the référent decides: validates or declines the person's proposals, closes and reopens the
//     whole plan, sets the next point d'étape (any team member when the journey has no référent);
//   - an organisation's admins see the list of late points d'étape of the journeys its members
//     follow (names and dates only);
//   - outside the team (other professionals, territory managers, national admins): nothing;
//   - the person sees their own plan in their space, proposes goals while the journey is active
//     and the plan open, and marks done the open actions they are responsible for, or the free
//     actions (no catalogue service) for which nobody is named responsible. Actions carried by a
//     professional or tied to a service (a referral follows them) stay the team's.
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"
#include "features/people/policy.h"
#include "features/plan/plan.h"

namespace parcours::plan {

using MaybeActor = std::optional<security::Actor>;
using MaybePerson = std::optional<std::int64_t>;

bool may_view_plan(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_edit_plan(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_decide(const MaybeActor& actor, const people::PersonFacts& facts,
                bool journey_has_referent);

// The late points d'étape of an organisation's journeys: its admins.
bool may_view_organisation_late_reviews(const MaybeActor& actor, std::int64_t organisation_id);

bool person_may_view_plan(const MaybePerson& person, std::int64_t journey_person_id);
bool person_may_propose_goal(const MaybePerson& person, std::int64_t journey_person_id,
                             bool journey_active, bool plan_open);
bool person_may_mark_done(const MaybePerson& person, std::int64_t journey_person_id,
                          bool journey_active, bool plan_open, const Action& action);

}  // namespace parcours::plan
