// The role × action matrix of the orientation policy, for a journey of territory 1 whose
// organisation in charge is 20 (the mission locale). A row per kind of actor, a column per
// action; "is référent" is the fact the service loads about the journey.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/orientation/policy.h"
#include "support/policy_fixtures.h"

namespace parcours::orientation {
namespace {

using policy_test::with;
using security::Grant;
using security::Role;

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kOther = 2;
constexpr std::int64_t kCd = 10;
constexpr std::int64_t kInCharge = 20;

Grant pro(std::int64_t org, std::int64_t territory, bool orientation = false,
          bool referent = false) {
  return {.role = Role::kProfessional,
          .organisation_id = org,
          .organisation_territory_id = territory,
          .orientation = orientation,
          .referent = referent};
}

Grant org_admin(std::int64_t org, std::int64_t territory) {
  return {.role = Role::kOrgAdmin, .organisation_id = org, .organisation_territory_id = territory};
}

struct Row {
  const char* name;
  MaybeActor actor;
  bool is_referent;
  // queue, decision page, decide, rules, ask reorientation, answer, assign référent,
  // first meeting, watch territory, watch organisation 20
  std::vector<bool> expected;
};

TEST(OrientationPolicy, RoleByActionMatrix) {
  const std::vector<Row> rows = {
      {"visitor", std::nullopt, false, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"national admin", with({{.role = Role::kAdmin}}), false, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"territory manager",
       with({{.role = Role::kTerritoryManager, .territory_id = kTerritory}}),
       false,
       {1, 1, 0, 1, 0, 0, 0, 0, 1, 0}},
      {"manager elsewhere",
       with({{.role = Role::kTerritoryManager, .territory_id = kOther}}),
       false,
       {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"chargé d'orientation",
       with({pro(kCd, kTerritory, true)}),
       false,
       {1, 1, 1, 0, 0, 1, 1, 0, 1, 0}},
      {"chargé d'orientation elsewhere",
       with({pro(kCd, kOther, true)}),
       false,
       {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"professional", with({pro(kCd, kTerritory)}), false, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"the référent",
       with({pro(kInCharge, kTerritory, false, true)}),
       true,
       {0, 0, 0, 0, 1, 0, 0, 1, 0, 0}},
      {"admin of the organisation in charge",
       with({org_admin(kInCharge, kTerritory)}),
       false,
       {0, 0, 0, 0, 0, 0, 1, 0, 0, 1}},
      {"admin of another organisation",
       with({org_admin(kCd, kTerritory)}),
       false,
       {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
  };
  for (const auto& r : rows) {
    std::vector<bool> actual = {
        may_view_queue(r.actor, kTerritory),
        may_view_decision_page(r.actor, kTerritory),
        may_decide(r.actor, kTerritory),
        may_edit_rules(r.actor, kTerritory),
        may_request_reorientation(r.actor, r.is_referent),
        may_answer_reorientation(r.actor, kTerritory),
        may_assign_referent(r.actor, kTerritory, kInCharge),
        may_record_first_meeting(r.actor, r.is_referent),
        may_watch_territory(r.actor, kTerritory),
        may_watch_organisation(r.actor, kInCharge),
    };
    EXPECT_EQ(actual, r.expected) << r.name;
  }
}

TEST(OrientationPolicy, TheReferentFactIsNeededToAskOrRecordAMeeting) {
  auto referent = with({pro(kInCharge, kTerritory, false, true)});
  EXPECT_FALSE(may_request_reorientation(referent, false));
  EXPECT_FALSE(may_record_first_meeting(referent, false));
  EXPECT_FALSE(may_request_reorientation(std::nullopt, true));
}

}  // namespace
}  // namespace parcours::orientation
