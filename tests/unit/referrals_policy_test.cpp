// The role × action matrix of the referrals policy. The journey is in territory 1; the referral
// is received by organisation 30 (the service's). A row per kind of actor with the facts the
// service loads about them (in the team of the journey, sees the journey), a column per action.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/referrals/policy.h"
#include "support/policy_fixtures.h"

namespace parcours::referrals {
namespace {

using policy_test::pro;
using policy_test::with;
using security::Role;

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kTeamOrg = 10;
constexpr std::int64_t kReceiver = 30;
constexpr std::int64_t kOtherOrg = 40;

struct Row {
  const char* name;
  MaybeActor actor;
  bool in_team;
  bool sees_journey;
  // matching, plan, refer, inbox of 30, sender view, receiver view, answer, close (accepted),
  // abandon (sent)
  std::vector<bool> expected;
};

people::PersonFacts person(bool in_team) {
  people::PersonFacts f;
  f.person_id = 5;
  f.territory_id = kTerritory;
  f.present = true;
  f.journey_id = 9;
  f.journey_active = true;
  f.journey_status = "accompanied";
  f.in_team = in_team;
  f.referent = in_team;
  return f;
}

TEST(ReferralsPolicy, RoleByActionMatrix) {
  const std::vector<Row> rows = {
      {"visitor", std::nullopt, false, false, {0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"national admin", with({{.role = Role::kAdmin}}), false, false, {0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"territory manager",
       with({{.role = Role::kTerritoryManager, .territory_id = kTerritory}}),
       false,
       true,
       {0, 0, 0, 0, 1, 0, 0, 0, 0}},
      {"team member", with({pro(kTeamOrg)}), true, true, {1, 1, 1, 0, 1, 0, 0, 1, 1}},
      {"professional of the territory outside the team",
       with({pro(kOtherOrg)}),
       false,
       false,
       {0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"member of the receiving organisation",
       with({pro(kReceiver)}),
       false,
       false,
       {0, 0, 0, 1, 0, 1, 1, 1, 0}},
      {"admin of the receiving organisation",
       with({{.role = Role::kOrgAdmin,
              .organisation_id = kReceiver,
              .organisation_territory_id = kTerritory}}),
       false,
       false,
       {0, 0, 0, 1, 0, 1, 1, 1, 0}},
      {"team member who also receives",
       with({pro(kTeamOrg), pro(kReceiver)}),
       true,
       true,
       {1, 1, 1, 1, 1, 1, 1, 1, 1}},
  };
  for (const auto& row : rows) {
    auto facts = person(row.in_team);
    ReferralFacts sent{.status = "sent",
                       .receiving_organisation = kReceiver,
                       .in_team = row.in_team,
                       .journey_visible = row.sees_journey};
    ReferralFacts accepted = sent;
    accepted.status = "accepted";
    std::vector<bool> got{
        may_view_matching(row.actor, facts), may_add_plan_action(row.actor, facts),
        may_refer(row.actor, facts),         may_view_inbox(row.actor, kReceiver),
        may_view_as_sender(row.actor, sent), may_view_as_receiver(row.actor, sent),
        may_answer(row.actor, sent),         may_close(row.actor, accepted),
        may_abandon_waiting(row.actor, sent)};
    EXPECT_EQ(got, row.expected) << row.name;
  }
}

TEST(ReferralsPolicy, NobodyAnswersOrClosesOutsideTheirStatus) {
  auto receiver = with({pro(kReceiver)});
  auto team = with({pro(kTeamOrg)});
  for (const char* status : {"accepted", "refused", "done", "abandoned", "expired"}) {
    ReferralFacts r{.status = status, .receiving_organisation = kReceiver};
    EXPECT_FALSE(may_answer(receiver, r)) << status;
  }
  for (const char* status : {"sent", "refused", "done", "abandoned", "expired"}) {
    ReferralFacts r{.status = status, .receiving_organisation = kReceiver, .in_team = true};
    EXPECT_FALSE(may_close(receiver, r)) << status;
    EXPECT_FALSE(may_close(team, r)) << status;
  }
}

TEST(ReferralsPolicy, AReferralAnsweredByLinkHasNoMemberToAnswerIt) {
  ReferralFacts r{.status = "sent", .receiving_organisation = std::nullopt};
  EXPECT_FALSE(may_answer(with({pro(kReceiver)}), r));
  EXPECT_FALSE(may_view_as_receiver(with({pro(kReceiver)}), r));
}

TEST(ReferralsPolicy, TheTeamDoesNotWorkOnAClosedJourneyNorReferDespiteAnObjection) {
  auto team = with({pro(kTeamOrg)});
  auto closed = person(true);
  closed.journey_active = false;
  EXPECT_FALSE(may_view_matching(team, closed));
  EXPECT_FALSE(may_refer(team, closed));
  auto objected = person(true);
  objected.objected_organisations = {kTeamOrg};
  EXPECT_FALSE(may_refer(team, objected));
}

TEST(ReferralsPolicy, ThePersonSeesOnlyTheirOwnServicesAndAsksOnlyAReferent) {
  EXPECT_TRUE(person_may_view_matching(5, 5));
  EXPECT_FALSE(person_may_view_matching(6, 5));
  EXPECT_FALSE(person_may_view_matching(std::nullopt, 5));
  EXPECT_TRUE(person_may_ask_referent(5, 5, true, true));
  EXPECT_FALSE(person_may_ask_referent(5, 5, true, false));
  EXPECT_FALSE(person_may_ask_referent(5, 5, false, true));
  EXPECT_FALSE(person_may_ask_referent(6, 5, true, true));
}

}  // namespace
}  // namespace parcours::referrals
