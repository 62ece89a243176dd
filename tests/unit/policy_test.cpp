// The role × action matrices of the territories and organisations policies. Each row is one
// kind of actor; each column one action on territory 1 and on organisation 10 (of territory 1).
#include "features/organisations/policy.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "features/territories/policy.h"

namespace parcours {
namespace {

using security::Actor;
using security::Grant;
using security::Role;
using MaybeActor = std::optional<Actor>;

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kOtherTerritory = 2;
constexpr std::int64_t kOrg = 10;
constexpr std::int64_t kOtherOrg = 20;
const organisations::OrganisationRef kOrgRef{kOrg, kTerritory};

MaybeActor actor_with(std::vector<Grant> grants) {
  Actor a;
  a.user_id = 7;
  a.grants = std::move(grants);
  return a;
}

std::map<std::string, MaybeActor> actors() {
  return {
      {"admin", actor_with({{.role = Role::kAdmin}})},
      {"manager of the territory",
       actor_with({{.role = Role::kTerritoryManager, .territory_id = kTerritory}})},
      {"manager of another territory",
       actor_with({{.role = Role::kTerritoryManager, .territory_id = kOtherTerritory}})},
      {"org admin of the org", actor_with({{.role = Role::kOrgAdmin,
                                            .organisation_id = kOrg,
                                            .organisation_territory_id = kTerritory}})},
      {"org admin of another org", actor_with({{.role = Role::kOrgAdmin,
                                                .organisation_id = kOtherOrg,
                                                .organisation_territory_id = kTerritory}})},
      {"professional of the org", actor_with({{.role = Role::kProfessional,
                                               .organisation_id = kOrg,
                                               .organisation_territory_id = kTerritory,
                                               .referent = true}})},
      {"account without roles", actor_with({})},
      {"anonymous", std::nullopt},
  };
}

struct Case {
  std::string action;
  std::function<bool(const MaybeActor&)> allowed;
  std::vector<std::string> expected_yes;  // every other actor must be refused
};

void check_matrix(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    for (const auto& [who, actor] : actors()) {
      bool expected =
          std::find(c.expected_yes.begin(), c.expected_yes.end(), who) != c.expected_yes.end();
      EXPECT_EQ(c.allowed(actor), expected)
          << who << (expected ? " should" : " should not") << " be allowed to " << c.action;
    }
  }
}

TEST(TerritoryPolicy, FollowsTheRoleByActionMatrix) {
  using namespace territories;
  check_matrix({
      {"list territories",
       may_list_territories,
       {"admin", "manager of the territory", "manager of another territory"}},
      {"create a territory", may_create_territory, {"admin"}},
      {"view territory 1",
       [](auto& a) { return may_view_territory(a, kTerritory); },
       {"admin", "manager of the territory"}},
      {"edit the identity of territory 1",
       [](auto& a) { return may_edit_territory(a, kTerritory); },
       {"admin"}},
      {"edit the settings of territory 1",
       [](auto& a) { return may_edit_territory_settings(a, kTerritory); },
       {"admin", "manager of the territory"}},
  });
}

TEST(OrganisationPolicy, FollowsTheRoleByActionMatrix) {
  using namespace organisations;
  check_matrix({
      {"list organisations",
       may_list_organisations,
       {"admin", "manager of the territory", "manager of another territory", "org admin of the org",
        "org admin of another org", "professional of the org", "account without roles"}},
      {"create an organisation in territory 1",
       [](auto& a) { return may_create_organisation(a, kTerritory); },
       {"admin", "manager of the territory"}},
      {"view org 10",
       [](auto& a) { return may_view_organisation(a, kOrgRef); },
       {"admin", "manager of the territory", "org admin of the org", "professional of the org"}},
      {"edit org 10",
       [](auto& a) { return may_edit_organisation(a, kOrgRef); },
       {"admin", "manager of the territory"}},
      {"move an organisation to another territory", may_move_organisation, {"admin"}},
      {"deactivate org 10",
       [](auto& a) { return may_deactivate_organisation(a, kOrgRef); },
       {"admin", "manager of the territory"}},
      {"view the members of org 10",
       [](auto& a) { return may_view_members(a, kOrgRef); },
       {"admin", "manager of the territory", "org admin of the org"}},
      {"manage the members of org 10",
       [](auto& a) { return may_manage_members(a, kOrgRef); },
       {"admin", "manager of the territory", "org admin of the org"}},
  });
}

}  // namespace
}  // namespace parcours
