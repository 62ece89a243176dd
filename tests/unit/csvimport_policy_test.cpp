// The person-file import policy as a matrix of roles × organisations: the organisation's admins
// and the managers of its territory import for it; everyone else is refused.
#include <gtest/gtest.h>

#include "features/csvimport/policy.h"

namespace parcours::csvimport {
namespace {

using security::Grant;
using security::Role;

security::Actor with(Grant grant) {
  security::Actor actor;
  actor.user_id = 1;
  actor.grants.push_back(grant);
  return actor;
}

TEST(CsvImportPolicy, Matrix) {
  constexpr std::int64_t kOrg = 3, kOtherOrg = 4;
  constexpr std::int64_t kTerritory = 8, kOtherTerritory = 51;
  struct Case {
    const char* who;
    MaybeActor actor;
    bool own_org;    // kOrg (in kTerritory)
    bool other_org;  // kOtherOrg (in kTerritory)
  };
  const Case cases[] = {
      {"visitor", std::nullopt, false, false},
      {"national admin", with({.role = Role::kAdmin}), false, false},
      {"territory manager", with({.role = Role::kTerritoryManager, .territory_id = kTerritory}),
       true, true},
      {"manager of another territory",
       with({.role = Role::kTerritoryManager, .territory_id = kOtherTerritory}), false, false},
      {"org admin",
       with({.role = Role::kOrgAdmin,
             .organisation_id = kOrg,
             .organisation_territory_id = kTerritory}),
       true, false},
      {"professional of the organisation",
       with({.role = Role::kProfessional,
             .organisation_id = kOrg,
             .organisation_territory_id = kTerritory,
             .orientation = true,
             .referent = true}),
       false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(may_import_for(c.actor, kOrg, kTerritory), c.own_org) << c.who;
    EXPECT_EQ(may_import_for(c.actor, kOtherOrg, kTerritory), c.other_org) << c.who;
    EXPECT_FALSE(may_import_for(c.actor, 99, 77)) << c.who;  // elsewhere
  }
}

}  // namespace
}  // namespace parcours::csvimport
