// The role × action matrix of the change feed, webhooks and exports: organisation 10 in
// territory 1; organisation 20 in territory 1 too; territory 2 elsewhere.
#include <gtest/gtest.h>

#include "features/exports/exports.h"
#include "features/feed/policy.h"
#include "support/policy_fixtures.h"

namespace parcours::feed {
namespace {

using namespace policy_test;

TEST(FeedPolicy, Matrix) {
  check_matrix({
      {"manage the webhooks of org 10",
       [](const MaybeActor& a) { return may_manage_webhooks(a, kOrg, kTerritory); },
       {"manager of the territory", "org admin of the org"}},
      {"export territory 1",
       [](const MaybeActor& a) { return exports::may_export(a, kTerritory); },
       {"manager of the territory"}},
      {"export territory 2",
       [](const MaybeActor& a) { return exports::may_export(a, kOtherTerritory); },
       {"manager of another territory"}},
  });
}

TEST(FeedPolicy, ScopesOfTheApiActions) {
  EXPECT_STREQ(scope_needed(ApiAction::kReadEvents).resource, "events");
  EXPECT_FALSE(scope_needed(ApiAction::kReadEvents).write);
  EXPECT_STREQ(scope_needed(ApiAction::kListWebhooks).resource, "webhooks");
  EXPECT_FALSE(scope_needed(ApiAction::kListWebhooks).write);
  EXPECT_TRUE(scope_needed(ApiAction::kCreateWebhook).write);
  EXPECT_TRUE(scope_needed(ApiAction::kDeleteWebhook).write);
}

}  // namespace
}  // namespace parcours::feed
