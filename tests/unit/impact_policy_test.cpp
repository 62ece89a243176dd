// The role × action matrix of "what works, for whom" and the open data: territory 1 and
// territory 2; organisation 10 in territory 1. Aggregated figures: managers of the territory and
// national admins only; no organisation sees them, even for its own territory.
#include <gtest/gtest.h>

#include "features/impact/policy.h"
#include "support/policy_fixtures.h"

namespace parcours::impact {
namespace {

using namespace policy_test;

TEST(ImpactPolicy, Matrix) {
  check_matrix({
      {"view territory 1",
       [](const auto& a) { return allowed(a, Action::kViewImpact, kTerritory); },
       {"admin", "manager of the territory"}},
      {"download the open data of territory 1",
       [](const auto& a) { return allowed(a, Action::kDownloadOpenData, kTerritory); },
       {"admin", "manager of the territory"}},
      {"view territory 2",
       [](const auto& a) { return allowed(a, Action::kViewImpact, kOtherTerritory); },
       {"admin", "manager of another territory"}},
      {"download the open data of territory 2",
       [](const auto& a) { return allowed(a, Action::kDownloadOpenData, kOtherTerritory); },
       {"admin", "manager of another territory"}},
  });
}

}  // namespace
}  // namespace parcours::impact
