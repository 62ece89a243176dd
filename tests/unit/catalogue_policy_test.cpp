// The role × action matrix of the catalogue policy: each row one kind of actor, each column one
// action on the services of organisation 10 (territory 1), published or not, or on an imported
// service without organisation.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "features/catalogue/policy.h"

namespace parcours::catalogue {
namespace {

using security::Actor;
using security::Grant;
using security::Role;

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kOtherTerritory = 2;
constexpr std::int64_t kOrg = 10;
constexpr std::int64_t kOtherOrg = 20;
const OwnerRef kOwner{kOrg, kTerritory};

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
                                               .organisation_territory_id = kTerritory}})},
      {"professional of another org", actor_with({{.role = Role::kProfessional,
                                                   .organisation_id = kOtherOrg,
                                                   .organisation_territory_id = kTerritory}})},
      {"account without roles", actor_with({})},
      {"anonymous", std::nullopt},
  };
}

const std::vector<std::string> kEveryone = {"admin",
                                            "manager of the territory",
                                            "manager of another territory",
                                            "org admin of the org",
                                            "org admin of another org",
                                            "professional of the org",
                                            "professional of another org",
                                            "account without roles",
                                            "anonymous"};
const std::vector<std::string> kMembers = {"org admin of the org", "professional of the org"};

struct Case {
  std::string action;
  std::function<bool(const MaybeActor&)> allowed;
  std::vector<std::string> expected_yes;  // every other actor must be refused
};

TEST(CataloguePolicyTest, RoleByActionMatrix) {
  std::vector<Case> cases = {
      {"list the organisation's services",
       [](const MaybeActor& a) { return may_list_services(a, kOwner); },
       {"admin", "manager of the territory", "org admin of the org", "professional of the org"}},
      {"create, edit, publish or archive its services",
       [](const MaybeActor& a) { return may_edit_services(a, kOwner); }, kMembers},
      {"read a published service",
       [](const MaybeActor& a) { return may_view_service(a, "published", kOwner); }, kEveryone},
      {"read a draft service",
       [](const MaybeActor& a) { return may_view_service(a, "draft", kOwner); }, kMembers},
      {"read an archived service",
       [](const MaybeActor& a) { return may_view_service(a, "archived", kOwner); }, kMembers},
      {"read a published imported service",
       [](const MaybeActor& a) { return may_view_service(a, "published", std::nullopt); },
       kEveryone},
      {"read an archived imported service",
       [](const MaybeActor& a) { return may_view_service(a, "archived", std::nullopt); },
       {}},
      {"read a service of an unknown status",
       [](const MaybeActor& a) { return may_view_service(a, "hidden", std::nullopt); },
       {}},
  };
  for (const auto& c : cases) {
    for (const auto& [who, actor] : actors()) {
      bool expected =
          std::find(c.expected_yes.begin(), c.expected_yes.end(), who) != c.expected_yes.end();
      EXPECT_EQ(c.allowed(actor), expected)
          << who << (expected ? " should" : " should not") << " be allowed to " << c.action;
    }
  }
}

}  // namespace
}  // namespace parcours::catalogue
