// Who manages partner tokens: role × action matrix (organisation admin of it, manager of its
// territory: yes; everyone else: no).
#include <gtest/gtest.h>

#include "features/api/policy.h"

namespace parcours::api {
namespace {

using security::Actor;
using security::Grant;
using security::Role;

constexpr std::int64_t kOrg = 10;
constexpr std::int64_t kTerritory = 1;

Actor with(Grant grant) {
  Actor a;
  a.user_id = 1;
  a.grants.push_back(grant);
  return a;
}

TEST(ApiPolicy, TokensMatrix) {
  struct Row {
    const char* who;
    std::optional<Actor> actor;
    bool expected;
  };
  const Row rows[] = {
      {"visiteur", std::nullopt, false},
      {"administrateur national", with({.role = Role::kAdmin}), false},
      {"responsable du territoire",
       with({.role = Role::kTerritoryManager, .territory_id = kTerritory}), true},
      {"responsable d’un autre territoire",
       with({.role = Role::kTerritoryManager, .territory_id = 2}), false},
      {"administrateur de la structure",
       with({.role = Role::kOrgAdmin,
             .organisation_id = kOrg,
             .organisation_territory_id = kTerritory}),
       true},
      {"administrateur d’une autre structure",
       with({.role = Role::kOrgAdmin,
             .organisation_id = 11,
             .organisation_territory_id = kTerritory}),
       false},
      {"professionnel de la structure",
       with({.role = Role::kProfessional,
             .organisation_id = kOrg,
             .organisation_territory_id = kTerritory,
             .orientation = true,
             .referent = true}),
       false},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(may_manage_tokens(row.actor, kOrg, kTerritory), row.expected) << row.who;
  }
}

}  // namespace
}  // namespace parcours::api
