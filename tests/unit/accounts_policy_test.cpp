// The accounts policy as a table: each row is an actor, each column an action on territory 1
// (organisations 10 and 11) or territory 2 (organisation 20); a cell says whether it is allowed.
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "features/accounts/policy.h"

namespace parcours::accounts {
namespace {

using security::Actor;
using security::Grant;
using security::Role;

constexpr std::int64_t kTerritory1 = 1, kTerritory2 = 2;
constexpr std::int64_t kOrg10 = 10, kOrg11 = 11, kOrg20 = 20;

Grant org_grant(Role role, std::int64_t org, std::int64_t territory) {
  return Grant{.role = role, .organisation_id = org, .organisation_territory_id = territory};
}

std::optional<Actor> actor_with(std::vector<Grant> grants) {
  Actor actor;
  actor.user_id = 7;
  actor.grants = std::move(grants);
  return actor;
}

struct Action {
  const char* name;
  std::function<bool(const std::optional<Actor>&)> allowed;
};

const std::array<Action, 9> kActions{{
    {"view own account", [](const auto& a) { return may_view_own_account(a); }},
    {"act for org 10", [](const auto& a) { return may_act_for_organisation(a, kOrg10); }},
    {"invite to org 10",
     [](const auto& a) { return may_invite_to_organisation(a, kOrg10, kTerritory1); }},
    {"grant professional in org 10",
     [](const auto& a) {
       return may_grant_role(a, {Role::kProfessional, kTerritory1, kOrg10});
     }},
    {"grant org_admin in org 11",
     [](const auto& a) {
       return may_grant_role(a, {Role::kOrgAdmin, kTerritory1, kOrg11});
     }},
    {"grant professional in org 20",
     [](const auto& a) {
       return may_grant_role(a, {Role::kProfessional, kTerritory2, kOrg20});
     }},
    {"grant territory_manager of territory 1",
     [](const auto& a) {
       return may_grant_role(a, {Role::kTerritoryManager, kTerritory1, std::nullopt});
     }},
    {"grant admin",
     [](const auto& a) {
       return may_grant_role(a, {Role::kAdmin, std::nullopt, std::nullopt});
     }},
    {"grant org role without organisation",
     [](const auto& a) {
       return may_grant_role(a, {Role::kProfessional, kTerritory1, std::nullopt});
     }},
}};

struct Row {
  const char* actor_name;
  std::optional<Actor> actor;
  std::array<bool, kActions.size()> expected;
};

TEST(AccountsPolicy, RoleByActionTable) {
  const std::vector<Row> table{
      {"anonymous", std::nullopt, {0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"account without roles", actor_with({}), {1, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"national admin", actor_with({{.role = Role::kAdmin}}), {1, 0, 1, 1, 1, 1, 1, 1, 1}},
      {"manager of territory 1",
       actor_with({{.role = Role::kTerritoryManager, .territory_id = kTerritory1}}),
       {1, 0, 1, 1, 1, 0, 0, 0, 0}},
      {"manager of territory 2",
       actor_with({{.role = Role::kTerritoryManager, .territory_id = kTerritory2}}),
       {1, 0, 0, 0, 0, 1, 0, 0, 0}},
      {"org admin of org 10",
       actor_with({org_grant(Role::kOrgAdmin, kOrg10, kTerritory1)}),
       {1, 1, 1, 1, 0, 0, 0, 0, 0}},
      {"org admin of org 11",
       actor_with({org_grant(Role::kOrgAdmin, kOrg11, kTerritory1)}),
       {1, 0, 0, 0, 1, 0, 0, 0, 0}},
      {"professional of org 10",
       actor_with({org_grant(Role::kProfessional, kOrg10, kTerritory1)}),
       {1, 1, 0, 0, 0, 0, 0, 0, 0}},
      {"orientation and referent professional of org 10",
       actor_with({Grant{.role = Role::kProfessional,
                         .organisation_id = kOrg10,
                         .organisation_territory_id = kTerritory1,
                         .orientation = true,
                         .referent = true}}),
       {1, 1, 0, 0, 0, 0, 0, 0, 0}},
      {"professional of org 10 and org admin of org 20",
       actor_with({org_grant(Role::kProfessional, kOrg10, kTerritory1),
                   org_grant(Role::kOrgAdmin, kOrg20, kTerritory2)}),
       {1, 1, 0, 0, 0, 1, 0, 0, 0}},
  };
  for (const Row& row : table) {
    for (std::size_t i = 0; i < kActions.size(); ++i) {
      EXPECT_EQ(kActions[i].allowed(row.actor), row.expected[i])
          << row.actor_name << " / " << kActions[i].name;
    }
  }
}

TEST(AccountsPolicy, AnAccountWithAnInvalidIdIsNotAnActor) {
  Actor nobody;
  EXPECT_FALSE(may_view_own_account(nobody));
}

}  // namespace
}  // namespace parcours::accounts
