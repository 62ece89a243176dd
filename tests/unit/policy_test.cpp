// The role × action matrices of the territories and organisations policies. Each row is one
// kind of actor; each column one action on territory 1 and on organisation 10 (of territory 1).
#include "features/organisations/policy.h"

#include <gtest/gtest.h>

#include "features/territories/policy.h"
#include "support/policy_fixtures.h"

namespace parcours {
namespace {

using namespace policy_test;
const organisations::OrganisationRef kOrgRef{kOrg, kTerritory};

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
        "org admin of another org", "professional of the org", "professional of another org",
        "account without roles"}},
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
