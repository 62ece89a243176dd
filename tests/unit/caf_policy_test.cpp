// The CAF import policy as a matrix of roles × actions: only a territory manager imports, and
// only into (and reads the reports of) their own territory. Everyone else is refused.
#include <gtest/gtest.h>

#include "features/caf/policy.h"

namespace parcours::caf {
namespace {

using security::Grant;
using security::Role;

security::Actor with(Grant grant) {
  security::Actor actor;
  actor.user_id = 1;
  actor.grants.push_back(grant);
  return actor;
}

TEST(CafPolicy, Matrix) {
  constexpr std::int64_t kOwn = 8;
  constexpr std::int64_t kOther = 51;
  struct Case {
    const char* who;
    MaybeActor actor;
    bool pages;
    bool own;
  };
  const Case cases[] = {
      {"visitor", std::nullopt, false, false},
      {"admin", with({.role = Role::kAdmin}), false, false},
      {"territory manager", with({.role = Role::kTerritoryManager, .territory_id = kOwn}), true,
       true},
      {"org admin",
       with({.role = Role::kOrgAdmin, .organisation_id = 3, .organisation_territory_id = kOwn}),
       false, false},
      {"professional",
       with({.role = Role::kProfessional,
             .organisation_id = 3,
             .organisation_territory_id = kOwn,
             .orientation = true,
             .referent = true}),
       false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(may_import(c.actor), c.pages) << c.who;
    EXPECT_EQ(may_import_into(c.actor, kOwn), c.own) << c.who;
    EXPECT_FALSE(may_import_into(c.actor, kOther)) << c.who;
  }
}

}  // namespace
}  // namespace parcours::caf
