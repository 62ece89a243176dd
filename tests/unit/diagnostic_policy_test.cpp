// The role × action matrix of the diagnostic policy: who reads both parts of a diagnostic, who
// writes the professional one, who edits a territory's extra questions. Rows are kinds of
// actors with the facts the service loads about one person of territory 1.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/diagnostic/policy.h"

namespace parcours::diagnostic {
namespace {

using people::MaybeActor;
using people::PersonFacts;
using security::Actor;
using security::Grant;
using security::Role;

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kCd = 10;
constexpr std::int64_t kObjected = 30;
constexpr std::int64_t kElsewhere = 40;

MaybeActor actor_with(std::vector<Grant> grants) {
  Actor a;
  a.user_id = 7;
  a.grants = std::move(grants);
  if (!a.organisation_ids().empty()) a.acting_organisation_id = a.organisation_ids().front();
  return a;
}

Grant pro(std::int64_t org, std::int64_t territory, bool orientation = false) {
  return {.role = Role::kProfessional,
          .organisation_id = org,
          .organisation_territory_id = territory,
          .orientation = orientation};
}

PersonFacts facts(std::string status, bool in_team) {
  return {.person_id = 100,
          .territory_id = kTerritory,
          .present = true,
          .journey_id = 1000,
          .journey_active = status != "closed",
          .journey_status = std::move(status),
          .in_team = in_team,
          .objected_organisations = {kObjected}};
}

struct Case {
  const char* who;
  MaybeActor actor;
  PersonFacts facts;
  bool read;
  bool write;
  bool territory_questions;
};

TEST(DiagnosticPolicy, RoleByActionMatrix) {
  std::vector<Case> cases{
      {"visitor", std::nullopt, facts("accompanied", false), false, false, false},
      {"team member", actor_with({pro(kCd, kTerritory)}), facts("accompanied", true), true, true,
       false},
      {"team member, closed journey", actor_with({pro(kCd, kTerritory)}), facts("closed", true),
       true, false, false},
      {"professional outside the team", actor_with({pro(kCd, kTerritory)}),
       facts("accompanied", false), false, false, false},
      {"chargé d'orientation, journey to orient", actor_with({pro(kCd, kTerritory, true)}),
       facts("to_orient", false), true, false, false},
      {"chargé d'orientation, journey oriented", actor_with({pro(kCd, kTerritory, true)}),
       facts("oriented", false), false, false, false},
      {"chargé d'orientation of an objected organisation",
       actor_with({pro(kObjected, kTerritory, true)}), facts("to_orient", false), false, false,
       false},
      {"professional of another territory", actor_with({pro(kElsewhere, 2)}),
       facts("accompanied", false), false, false, false},
      {"territory manager",
       actor_with({{.role = Role::kTerritoryManager, .territory_id = kTerritory}}),
       facts("accompanied", false), false, false, true},
      {"manager of another territory",
       actor_with({{.role = Role::kTerritoryManager, .territory_id = 2}}),
       facts("accompanied", false), false, false, false},
      {"national admin", actor_with({{.role = Role::kAdmin}}), facts("accompanied", false), false,
       false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(may_read_diagnostic(c.actor, c.facts), c.read) << c.who;
    EXPECT_EQ(may_write_diagnostic(c.actor, c.facts), c.write) << c.who;
    EXPECT_EQ(may_edit_territory_questions(c.actor, kTerritory), c.territory_questions) << c.who;
  }
}

TEST(DiagnosticPolicy, ThePersonWritesHerPartOnlyWithAnActiveJourney) {
  EXPECT_TRUE(person_may_write_diagnostic(true));
  EXPECT_FALSE(person_may_write_diagnostic(false));
}

}  // namespace
}  // namespace parcours::diagnostic
