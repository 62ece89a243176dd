// The fixtures of the policies' role × action matrix tests: an actor (user 7) holding some
// grants, a professional of an organisation of territory 1, and the facts the people feature
// loads for person 3 and their journey 5, in or out of the actor's team.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/security/actor.h"
#include "features/people/policy.h"

namespace parcours::policy_test {

constexpr std::int64_t kMe = 7;

inline people::MaybeActor with(std::vector<security::Grant> grants) {
  security::Actor a;
  a.user_id = kMe;
  a.grants = std::move(grants);
  return a;
}

inline security::Grant pro(std::int64_t org, std::int64_t territory = 1) {
  return {.role = security::Role::kProfessional,
          .organisation_id = org,
          .organisation_territory_id = territory};
}

inline people::PersonFacts facts(bool in_team, bool referent, bool active = true,
                                 bool former_referent = false) {
  people::PersonFacts f;
  f.person_id = 3;
  f.territory_id = 1;
  f.present = true;
  f.journey_id = 5;
  f.journey_active = active;
  f.journey_status = active ? "accompanied" : "closed";
  f.in_team = in_team;
  f.referent = referent;
  f.former_referent = former_referent;
  return f;
}

}  // namespace parcours::policy_test
