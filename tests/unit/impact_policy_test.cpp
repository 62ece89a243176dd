// The role × action matrix of "what works, for whom" and the open data: territory 1 and
// territory 2; organisation 10 in territory 1. Aggregated figures: managers of the territory and
// national admins only; no organisation sees them, even for its own territory.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "features/impact/policy.h"

namespace parcours::impact {
namespace {

using security::Actor;
using security::Grant;
using security::Role;

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kOtherTerritory = 2;
constexpr std::int64_t kOrg = 10;

std::optional<Actor> actor_with(std::vector<Grant> grants) {
  Actor a;
  a.user_id = 7;
  a.grants = std::move(grants);
  return a;
}

TEST(ImpactPolicy, Matrix) {
  std::map<std::string, std::optional<Actor>> actors{
      {"anonymous", std::nullopt},
      {"admin", actor_with({{.role = Role::kAdmin}})},
      {"manager", actor_with({{.role = Role::kTerritoryManager, .territory_id = kTerritory}})},
      {"other_manager",
       actor_with({{.role = Role::kTerritoryManager, .territory_id = kOtherTerritory}})},
      {"org_admin", actor_with({{.role = Role::kOrgAdmin,
                                 .organisation_id = kOrg,
                                 .organisation_territory_id = kTerritory}})},
      {"professional", actor_with({{.role = Role::kProfessional,
                                    .organisation_id = kOrg,
                                    .organisation_territory_id = kTerritory,
                                    .orientation = true,
                                    .referent = true}})},
  };
  // actor → {view territory 1, download territory 1, view territory 2, download territory 2}
  std::map<std::string, std::vector<bool>> expected{
      {"anonymous", {false, false, false, false}}, {"admin", {true, true, true, true}},
      {"manager", {true, true, false, false}},     {"other_manager", {false, false, true, true}},
      {"org_admin", {false, false, false, false}}, {"professional", {false, false, false, false}},
  };
  for (const auto& [name, actor] : actors) {
    std::vector<bool> got{allowed(actor, Action::kViewImpact, kTerritory),
                          allowed(actor, Action::kDownloadOpenData, kTerritory),
                          allowed(actor, Action::kViewImpact, kOtherTerritory),
                          allowed(actor, Action::kDownloadOpenData, kOtherTerritory)};
    EXPECT_EQ(got, expected.at(name)) << name;
  }
}

}  // namespace
}  // namespace parcours::impact
