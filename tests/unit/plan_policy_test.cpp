// The role × action matrix of the plan d'actions policy, on a journey whose team the actor is in
// or not (the facts the people feature loads), with or without a référent, and the person's own
// actions in their space: which actions they may mark done.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/plan/plan.h"
#include "features/plan/policy.h"
#include "support/policy_fixtures.h"

namespace parcours::plan {
namespace {

using policy_test::facts;
using policy_test::pro;
using policy_test::with;
using security::Role;

constexpr std::int64_t kOrg = 20;

struct Row {
  const char* name;
  MaybeActor actor;
  people::PersonFacts facts;
  // view, edit, decide (journey with a référent), decide (journey without référent)
  std::vector<bool> expected;
};

TEST(PlanPolicy, RoleByActionMatrix) {
  const std::vector<Row> rows = {
      {"visitor", std::nullopt, facts(false, false), {0, 0, 0, 0}},
      {"visitor with team facts", std::nullopt, facts(true, true), {0, 0, 0, 0}},
      {"national admin", with({{.role = Role::kAdmin}}), facts(false, false), {0, 0, 0, 0}},
      {"territory manager",
       with({{.role = Role::kTerritoryManager, .territory_id = 1}}),
       facts(false, false),
       {0, 0, 0, 0}},
      {"professional outside the team", with({pro(kOrg)}), facts(false, false), {0, 0, 0, 0}},
      {"organisation admin outside the team",
       with({{.role = Role::kOrgAdmin, .organisation_id = kOrg, .organisation_territory_id = 1}}),
       facts(false, false),
       {0, 0, 0, 0}},
      {"team member", with({pro(kOrg)}), facts(true, false), {1, 1, 0, 1}},
      {"référent", with({pro(kOrg)}), facts(true, true), {1, 1, 1, 1}},
      {"référent of a closed journey", with({pro(kOrg)}), facts(true, true, false), {1, 0, 0, 0}},
      {"replaced référent (30 days)",
       with({pro(kOrg)}),
       facts(false, false, true, true),
       {1, 0, 0, 0}},
  };
  for (const auto& row : rows) {
    std::vector<bool> got{may_view_plan(row.actor, row.facts), may_edit_plan(row.actor, row.facts),
                          may_decide(row.actor, row.facts, true),
                          may_decide(row.actor, row.facts, false)};
    EXPECT_EQ(got, row.expected) << row.name;
  }
}

TEST(PlanPolicy, AnOrganisationsLateReviewsAreForItsAdmins) {
  EXPECT_TRUE(may_view_organisation_late_reviews(
      with({{.role = Role::kOrgAdmin, .organisation_id = kOrg, .organisation_territory_id = 1}}),
      kOrg));
  EXPECT_FALSE(may_view_organisation_late_reviews(
      with({{.role = Role::kOrgAdmin, .organisation_id = 21, .organisation_territory_id = 1}}),
      kOrg));
  EXPECT_FALSE(may_view_organisation_late_reviews(with({pro(kOrg)}), kOrg));
  EXPECT_FALSE(may_view_organisation_late_reviews(
      with({{.role = Role::kTerritoryManager, .territory_id = 1}}), kOrg));
  EXPECT_FALSE(may_view_organisation_late_reviews(with({{.role = Role::kAdmin}}), kOrg));
  EXPECT_FALSE(may_view_organisation_late_reviews(std::nullopt, kOrg));
}

TEST(PlanPolicy, NoJourneyNoPlan) {
  auto f = facts(true, true);
  f.journey_id.reset();
  EXPECT_FALSE(may_view_plan(with({pro(kOrg)}), f));
  EXPECT_FALSE(may_edit_plan(with({pro(kOrg)}), f));
}

TEST(PlanPolicy, ThePersonSeesAndProposesOnTheirOwnOpenPlanOnly) {
  EXPECT_TRUE(person_may_view_plan(3, 3));
  EXPECT_FALSE(person_may_view_plan(4, 3));
  EXPECT_FALSE(person_may_view_plan(std::nullopt, 3));
  EXPECT_TRUE(person_may_propose_goal(3, 3, true, true));
  EXPECT_FALSE(person_may_propose_goal(4, 3, true, true));
  EXPECT_FALSE(person_may_propose_goal(3, 3, false, true));  // journey closed
  EXPECT_FALSE(person_may_propose_goal(3, 3, true, false));  // plan closed
}

TEST(PlanPolicy, ThePersonMarksDoneTheirOwnActionsAndUnassignedFreeOnes) {
  struct Case {
    const char* name;
    Action action;
    bool expected;
  };
  Action base{.id = 1, .journey_id = 5, .title = "Action", .status = "planned"};
  auto make = [&](auto change) {
    Action a = base;
    change(a);
    return a;
  };
  const std::vector<Case> cases = {
      {"free, nobody responsible", base, true},
      {"free, in progress", make([](Action& a) { a.status = "in_progress"; }), true},
      {"the person responsible", make([](Action& a) { a.responsible_person = true; }), true},
      {"service, the person responsible", make([](Action& a) {
         a.service_id = 9;
         a.responsible_person = true;
       }),
       true},
      {"free, a professional responsible", make([](Action& a) { a.responsible_user_id = 7; }),
       false},
      {"service, nobody responsible", make([](Action& a) { a.service_id = 9; }), false},
      {"already done", make([](Action& a) { a.status = "done"; }), false},
      {"cancelled", make([](Action& a) {
         a.status = "cancelled";
         a.responsible_person = true;
       }),
       false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(person_may_mark_done(3, 3, true, true, c.action), c.expected) << c.name;
    EXPECT_FALSE(person_may_mark_done(4, 3, true, true, c.action)) << c.name << " (other person)";
    EXPECT_FALSE(person_may_mark_done(3, 3, true, false, c.action)) << c.name << " (plan closed)";
    EXPECT_FALSE(person_may_mark_done(3, 3, false, true, c.action))
        << c.name << " (journey closed)";
    EXPECT_FALSE(person_may_mark_done(std::nullopt, 3, true, true, c.action)) << c.name;
  }
}

}  // namespace
}  // namespace parcours::plan
