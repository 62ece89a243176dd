// The fixtures of the policies' role × action matrix tests: an actor (user 7) holding some
// grants, a professional of an organisation of territory 1, the facts the people feature loads
// for person 3 and their journey 5, in or out of the actor's team, and the usual cast of actors
// around organisation 10 of territory 1 with the check of a whole matrix against it.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
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

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kOtherTerritory = 2;
constexpr std::int64_t kOrg = 10;       // in territory 1
constexpr std::int64_t kOtherOrg = 20;  // in territory 1 too

// One actor of each kind, by the name the matrices use. The professional of the organisation
// is both a chargé d'orientation and a référent.
inline std::map<std::string, people::MaybeActor> cast() {
  using security::Role;
  return {
      {"admin", with({{.role = Role::kAdmin}})},
      {"manager of the territory",
       with({{.role = Role::kTerritoryManager, .territory_id = kTerritory}})},
      {"manager of another territory",
       with({{.role = Role::kTerritoryManager, .territory_id = kOtherTerritory}})},
      {"org admin of the org", with({{.role = Role::kOrgAdmin,
                                      .organisation_id = kOrg,
                                      .organisation_territory_id = kTerritory}})},
      {"org admin of another org", with({{.role = Role::kOrgAdmin,
                                          .organisation_id = kOtherOrg,
                                          .organisation_territory_id = kTerritory}})},
      {"professional of the org", with({{.role = Role::kProfessional,
                                         .organisation_id = kOrg,
                                         .organisation_territory_id = kTerritory,
                                         .orientation = true,
                                         .referent = true}})},
      {"professional of another org", with({pro(kOtherOrg)})},
      {"account without roles", with({})},
      {"anonymous", std::nullopt},
  };
}

// One column of a matrix: an action, and the actors of the cast allowed to do it; every other
// actor of the cast must be refused.
struct Case {
  std::string action;
  std::function<bool(const people::MaybeActor&)> allowed;
  std::vector<std::string> allowed_to;
};

inline void check_matrix(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    for (const auto& [who, actor] : cast()) {
      bool expected = std::ranges::find(c.allowed_to, who) != c.allowed_to.end();
      EXPECT_EQ(c.allowed(actor), expected)
          << who << (expected ? " should" : " should not") << " be allowed to " << c.action;
    }
  }
}

}  // namespace parcours::policy_test
