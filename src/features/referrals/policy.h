// Who may do what with matching, plan actions and referrals — deny by default, one function per
// action, tested as a role × action matrix (tests/unit/referrals_policy_test.cpp):
//   - the services matching a person, adding one to the plan and referring the person: the active
//     members of the journey's team (its référent included), on an active journey;
//   - the referrals of a journey (the sender's side, every field): who may see the journey;
//   - the inbox « Orientations reçues » and a referral received (only the fields shared): the
//     members of the receiving organisation; answering it (accept, refuse) too;
//   - marking an accepted referral done or abandoned: the receiving organisation's members and the
//     journey's team; abandoning a referral still waiting: the team;
//   - the person, in their own space: the services matching their needs, and asking their
//     référent about one (when the journey has one).
// A national admin or a territory manager gets none of it without a role in the organisations.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/security/actor.h"
#include "features/people/policy.h"

namespace parcours::referrals {

using MaybeActor = std::optional<security::Actor>;

// What the rules need to know about one referral, seen from one actor.
struct ReferralFacts {
  std::string_view status;                             // sent, accepted, ...
  std::optional<std::int64_t> receiving_organisation;  // NULL: answered by link only
  bool in_team = false;          // the actor is an active member of the journey's team
  bool journey_visible = false;  // people::may_view_journey for the actor
};

bool may_view_matching(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_add_plan_action(const MaybeActor& actor, const people::PersonFacts& facts);
bool may_refer(const MaybeActor& actor, const people::PersonFacts& facts);

bool may_view_inbox(const MaybeActor& actor, std::int64_t organisation_id);
bool may_view_as_sender(const MaybeActor& actor, const ReferralFacts& referral);
bool may_view_as_receiver(const MaybeActor& actor, const ReferralFacts& referral);
bool may_answer(const MaybeActor& actor, const ReferralFacts& referral);
bool may_close(const MaybeActor& actor, const ReferralFacts& referral);  // done, abandoned
bool may_abandon_waiting(const MaybeActor& actor, const ReferralFacts& referral);

// The person in their own space (`signed_in` is the person of the session).
bool person_may_view_matching(std::optional<std::int64_t> signed_in, std::int64_t person_id);
bool person_may_ask_referent(std::optional<std::int64_t> signed_in, std::int64_t person_id,
                             bool journey_active, bool has_referent);

}  // namespace parcours::referrals
