// The role × action matrix of the follow-up policy (commitments, outcomes, closure, lists of
// what falls due), on a journey whose team the actor is in or not, active or closed (the facts
// the people feature loads), and the person's own actions in their space.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/followup/policy.h"
#include "support/policy_fixtures.h"

namespace parcours::followup {
namespace {

using policy_test::facts;
using policy_test::kMe;
using policy_test::pro;
using policy_test::with;
using security::Grant;
using security::Role;

constexpr std::int64_t kOrg = 20;

struct Row {
  const char* name;
  MaybeActor actor;
  people::PersonFacts facts;
  // view, write commitment, record outcome, close, reopen, my list, org 20's list
  std::vector<bool> expected;
};

TEST(FollowupPolicy, RoleByActionMatrix) {
  const Grant manager{.role = Role::kTerritoryManager, .territory_id = 1};
  const Grant org_admin{
      .role = Role::kOrgAdmin, .organisation_id = kOrg, .organisation_territory_id = 1};
  const std::vector<Row> rows = {
      {"visitor", std::nullopt, facts(false, false), {0, 0, 0, 0, 0, 0, 0}},
      {"national admin",
       with({{.role = Role::kAdmin}}),
       facts(false, false),
       {0, 0, 0, 0, 0, 0, 0}},
      {"territory manager", with({manager}), facts(false, false), {0, 0, 0, 0, 0, 0, 0}},
      {"professional outside the team",
       with({pro(kOrg)}),
       facts(false, false),
       {0, 0, 0, 0, 0, 1, 0}},
      {"team member", with({pro(kOrg)}), facts(true, false), {1, 1, 1, 0, 0, 1, 0}},
      {"référent", with({pro(kOrg)}), facts(true, true), {1, 1, 1, 1, 0, 1, 0}},
      {"team member of a closed journey",
       with({pro(kOrg)}),
       facts(true, false, false),
       {1, 0, 0, 0, 0, 1, 0}},
      {"référent of a closed journey",
       with({pro(kOrg)}),
       facts(true, true, false),
       {1, 0, 0, 0, 1, 1, 0}},
      {"replaced référent (30 days)",
       with({pro(kOrg)}),
       facts(false, false, true, true),
       {1, 0, 0, 0, 0, 1, 0}},
      {"organisation admin outside the team",
       with({org_admin}),
       facts(false, false),
       {0, 0, 0, 0, 0, 1, 1}},
      {"admin of another organisation",
       with({{.role = Role::kOrgAdmin, .organisation_id = 21, .organisation_territory_id = 1}}),
       facts(false, false),
       {0, 0, 0, 0, 0, 1, 0}},
  };
  for (const auto& row : rows) {
    std::vector<bool> got{
        may_view_followup(row.actor, row.facts),   may_write_commitment(row.actor, row.facts),
        may_record_outcome(row.actor, row.facts),  may_close_journey(row.actor, row.facts),
        may_reopen_journey(row.actor, row.facts),  may_view_due(row.actor, kMe),
        may_view_organisation_due(row.actor, kOrg)};
    EXPECT_EQ(got, row.expected) << row.name;
  }
}

TEST(FollowupPolicy, NothingWithoutAJourney) {
  auto f = facts(true, true);
  f.journey_id.reset();
  EXPECT_FALSE(may_view_followup(with({pro(kOrg)}), f));
  EXPECT_FALSE(may_write_commitment(with({pro(kOrg)}), f));
  EXPECT_FALSE(may_close_journey(with({pro(kOrg)}), f));
}

TEST(FollowupPolicy, NobodySeesAnotherProfessionalsList) {
  EXPECT_FALSE(may_view_due(with({pro(kOrg)}), 8));
  EXPECT_FALSE(may_view_due(with({{.role = Role::kAdmin}}), kMe));
}

TEST(FollowupPolicy, ThePersonReadsAndAcceptsOnlyTheirOwnProposedCommitment) {
  EXPECT_TRUE(person_may_view_commitment(3, 3));
  EXPECT_FALSE(person_may_view_commitment(4, 3));
  EXPECT_FALSE(person_may_view_commitment(std::nullopt, 3));
  EXPECT_TRUE(person_may_accept(3, 3, "proposed", true));
  EXPECT_FALSE(person_may_accept(3, 3, "proposed", false));
  EXPECT_FALSE(person_may_accept(4, 3, "proposed", true));
  for (const char* status : {"signed", "cancelled", "replaced"}) {
    EXPECT_FALSE(person_may_accept(3, 3, status, true)) << status;
  }
}

}  // namespace
}  // namespace parcours::followup
