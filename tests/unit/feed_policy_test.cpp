// The role × action matrix of the change feed, webhooks and exports: organisation 10 in
// territory 1; organisation 20 in territory 1 too; territory 2 elsewhere.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "features/exports/exports.h"
#include "features/feed/policy.h"

namespace parcours::feed {
namespace {

using security::Actor;
using security::Grant;
using security::Role;

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kOtherTerritory = 2;
constexpr std::int64_t kOrg = 10;
constexpr std::int64_t kOtherOrg = 20;

MaybeActor actor_with(std::vector<Grant> grants) {
  Actor a;
  a.user_id = 7;
  a.grants = std::move(grants);
  return a;
}

std::map<std::string, MaybeActor> actors() {
  return {
      {"anonymous", std::nullopt},
      {"admin", actor_with({{.role = Role::kAdmin}})},
      {"manager", actor_with({{.role = Role::kTerritoryManager, .territory_id = kTerritory}})},
      {"other_manager",
       actor_with({{.role = Role::kTerritoryManager, .territory_id = kOtherTerritory}})},
      {"org_admin", actor_with({{.role = Role::kOrgAdmin,
                                 .organisation_id = kOrg,
                                 .organisation_territory_id = kTerritory}})},
      {"other_org_admin", actor_with({{.role = Role::kOrgAdmin,
                                       .organisation_id = kOtherOrg,
                                       .organisation_territory_id = kTerritory}})},
      {"professional", actor_with({{.role = Role::kProfessional,
                                    .organisation_id = kOrg,
                                    .organisation_territory_id = kTerritory,
                                    .orientation = true,
                                    .referent = true}})},
  };
}

TEST(FeedPolicy, Matrix) {
  // actor → {manage webhooks of org 10, export territory 1, export territory 2}
  std::map<std::string, std::vector<bool>> expected{
      {"anonymous", {false, false, false}},    {"admin", {false, false, false}},
      {"manager", {true, true, false}},        {"other_manager", {false, false, true}},
      {"org_admin", {true, false, false}},     {"other_org_admin", {false, false, false}},
      {"professional", {false, false, false}},
  };
  for (const auto& [name, actor] : actors()) {
    std::vector<bool> got{may_manage_webhooks(actor, kOrg, kTerritory),
                          exports::may_export(actor, kTerritory),
                          exports::may_export(actor, kOtherTerritory)};
    EXPECT_EQ(got, expected.at(name)) << name;
  }
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
