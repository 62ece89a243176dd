// The role × action matrix of the catalogue policy: each row one kind of actor, each column one
// action on the services of organisation 10 (territory 1), published or not, or on an imported
// service without organisation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/catalogue/policy.h"
#include "support/policy_fixtures.h"

namespace parcours::catalogue {
namespace {

using namespace policy_test;
const OwnerRef kOwner{kOrg, kTerritory};

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

TEST(CataloguePolicyTest, RoleByActionMatrix) {
  check_matrix({
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
  });
}

}  // namespace
}  // namespace parcours::catalogue
