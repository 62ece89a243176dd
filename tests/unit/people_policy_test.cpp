// The role × action matrix of the people policy. Each row is a kind of actor with the facts the
// service would load for them about one person of territory 1 (member of the team or not); each
// column an action. The person objects to organisation 30 (the CCAS).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "features/people/policy.h"

namespace parcours::people {
namespace {

using security::Actor;
using security::Grant;
using security::Role;

constexpr std::int64_t kTerritory = 1;
constexpr std::int64_t kOtherTerritory = 2;
constexpr std::int64_t kCd = 10;         // in territory 1
constexpr std::int64_t kMission = 20;    // in territory 1
constexpr std::int64_t kObjected = 30;   // in territory 1, the person objects to it
constexpr std::int64_t kElsewhere = 40;  // in territory 2
constexpr std::int64_t kMe = 7;

struct Row {
  MaybeActor actor;
  PersonFacts facts;
};

MaybeActor actor_with(std::vector<Grant> grants) {
  Actor a;
  a.user_id = kMe;
  a.grants = std::move(grants);
  if (!a.organisation_ids().empty()) a.acting_organisation_id = a.organisation_ids().front();
  return a;
}

Grant pro(std::int64_t org, std::int64_t territory, bool orientation = false,
          bool referent = false) {
  return {.role = Role::kProfessional,
          .organisation_id = org,
          .organisation_territory_id = territory,
          .orientation = orientation,
          .referent = referent};
}

PersonFacts facts(std::string status, bool in_team = false, bool referent = false) {
  return {.person_id = 100,
          .territory_id = kTerritory,
          .present = true,
          .journey_id = 1000,
          .journey_active = status != "closed",
          .journey_status = std::move(status),
          .in_team = in_team,
          .referent = referent,
          .objected_organisations = {kObjected}};
}

std::map<std::string, Row> rows(const std::string& status) {
  return {
      {"admin only", {actor_with({{.role = Role::kAdmin}}), facts(status)}},
      {"admin also professional of the territory",
       {actor_with({{.role = Role::kAdmin}, pro(kMission, kTerritory)}), facts(status)}},
      {"manager of the territory",
       {actor_with({{.role = Role::kTerritoryManager, .territory_id = kTerritory}}),
        facts(status)}},
      {"manager of another territory",
       {actor_with({{.role = Role::kTerritoryManager, .territory_id = kOtherTerritory}}),
        facts(status)}},
      {"professional of the territory", {actor_with({pro(kMission, kTerritory)}), facts(status)}},
      {"org admin of the territory",
       {actor_with({{.role = Role::kOrgAdmin,
                     .organisation_id = kMission,
                     .organisation_territory_id = kTerritory}}),
        facts(status)}},
      {"chargé d'orientation of the territory",
       {actor_with({pro(kCd, kTerritory, true)}), facts(status)}},
      {"team member", {actor_with({pro(kMission, kTerritory)}), facts(status, true)}},
      {"référent", {actor_with({pro(kCd, kTerritory, false, true)}), facts(status, true, true)}},
      {"chargé d'orientation in the team",
       {actor_with({pro(kCd, kTerritory, true)}), facts(status, true)}},
      {"professional of the objected organisation",
       {actor_with({pro(kObjected, kTerritory)}), facts(status)}},
      {"orientation of the objected organisation",
       {actor_with({pro(kObjected, kTerritory, true)}), facts(status)}},
      {"team member of the objected organisation",
       {actor_with({pro(kObjected, kTerritory)}), facts(status, true)}},
      {"professional of another territory",
       {actor_with({pro(kElsewhere, kOtherTerritory)}), facts(status)}},
      {"account without roles", {actor_with({}), facts(status)}},
      {"anonymous", {std::nullopt, facts(status)}},
  };
}

struct Case {
  std::string action;
  std::function<bool(const MaybeActor&, const PersonFacts&)> allowed;
  std::vector<std::string> expected_yes;  // every other actor must be refused
};

void check_matrix(const std::string& status, const std::vector<Case>& cases) {
  auto all = rows(status);
  for (const auto& c : cases) {
    for (const auto& expected : c.expected_yes) {
      ASSERT_TRUE(all.contains(expected)) << "unknown actor " << expected;
    }
    for (const auto& [who, row] : all) {
      bool expected =
          std::find(c.expected_yes.begin(), c.expected_yes.end(), who) != c.expected_yes.end();
      EXPECT_EQ(c.allowed(row.actor, row.facts), expected)
          << who << (expected ? " should" : " should not") << " be allowed to " << c.action
          << " (journey " << status << ")";
    }
  }
}

const std::vector<std::string> kTeam{"team member", "référent", "chargé d'orientation in the team",
                                     "team member of the objected organisation"};

std::vector<std::string> with_team(std::vector<std::string> others) {
  others.insert(others.end(), kTeam.begin(), kTeam.end());
  return others;
}

TEST(PeoplePolicy, FollowsTheRoleByActionMatrixOnAJourneyInProgress) {
  check_matrix(
      "accompanied",
      {
          {"search persons of the territory",
           [](auto& a, auto&) { return may_search_persons(a, kTerritory); },
           {"admin also professional of the territory", "manager of the territory",
            "professional of the territory", "org admin of the territory",
            "chargé d'orientation of the territory", "team member", "référent",
            "chargé d'orientation in the team", "professional of the objected organisation",
            "orientation of the objected organisation",
            "team member of the objected organisation"}},
          {"open a journey in the territory",
           [](auto& a, auto&) { return may_open_journey(a, kTerritory); },
           {"admin also professional of the territory", "professional of the territory",
            "org admin of the territory", "chargé d'orientation of the territory", "team member",
            "référent", "chargé d'orientation in the team",
            "professional of the objected organisation", "orientation of the objected organisation",
            "team member of the objected organisation"}},
          {"view the identity and the team's contacts", may_view_identity,
           with_team({"admin also professional of the territory", "manager of the territory",
                      "professional of the territory", "org admin of the territory",
                      "chargé d'orientation of the territory"})},
          {"view the NIR",
           may_view_nir,
           {"manager of the territory", "chargé d'orientation of the territory",
            "chargé d'orientation in the team"}},
          {"view the whole journey", may_view_journey, kTeam},
          {"edit the person", may_edit_person, kTeam},
          {"add a note", may_add_note, kTeam},
          {"read a team note", [](auto& a, auto& f) { return may_read_note(a, f, "team", 99); },
           kTeam},
          {"read a note shared with the person",
           [](auto& a, auto& f) { return may_read_note(a, f, "person", 99); }, kTeam},
          {"read a référent-only note of someone else",
           [](auto& a, auto& f) { return may_read_note(a, f, "referent", 99); },
           {"référent"}},
          {"read their own référent-only note",
           [](auto& a, auto& f) { return may_read_note(a, f, "referent", kMe); }, kTeam},
          {"ask to join the team",
           may_request_to_join,
           {"admin also professional of the territory", "professional of the territory",
            "org admin of the territory", "chargé d'orientation of the territory"}},
          {"manage the team", may_manage_team, kTeam},
          {"leave the team", may_leave_team, kTeam},
          {"transfer the journey", may_transfer, with_team({"manager of the territory"})},
          {"merge records", may_merge, {"manager of the territory"}},
          {"dismiss a suggested match", may_dismiss_match, with_team({"manager of the territory"})},
      });
}

TEST(PeoplePolicy, LetsChargesDOrientationSeeJourneysWaitingForOrientation) {
  check_matrix("to_orient", {
                                {"view the whole journey", may_view_journey,
                                 with_team({"chargé d'orientation of the territory"})},
                                {"add a note", may_add_note, kTeam},
                            });
}

TEST(PeoplePolicy, FreezesAClosedJourney) {
  check_matrix("closed", {
                             {"add a note", may_add_note, {}},
                             {"ask to join the team", may_request_to_join, {}},
                             {"transfer the journey", may_transfer, {}},
                         });
}

TEST(PeoplePolicy, FindsNothingOfAPersonOutsideTheActorsTerritory) {
  auto actor = actor_with({pro(kMission, kTerritory, true)});
  PersonFacts f = facts("accompanied");
  f.present = false;
  EXPECT_FALSE(may_view_identity(actor, f));
  EXPECT_FALSE(may_view_nir(actor, f));
  EXPECT_FALSE(may_request_to_join(actor, f));
}

TEST(PeoplePolicy, LetsThePersonReadOnlyWhatIsSharedWithThem) {
  EXPECT_TRUE(person_may_read_note("person"));
  EXPECT_FALSE(person_may_read_note("team"));
  EXPECT_FALSE(person_may_read_note("referent"));
}

TEST(PeoplePolicy, PicksTheTerritoryTheActorWorksIn) {
  auto actor = actor_with({{.role = Role::kAdmin},
                           pro(kMission, kTerritory),
                           {.role = Role::kTerritoryManager, .territory_id = kOtherTerritory}});
  EXPECT_EQ(working_territories(actor), (std::vector<std::int64_t>{kTerritory, kOtherTerritory}));
  EXPECT_EQ(working_territory(actor), kTerritory);
  EXPECT_EQ(working_territory(actor, kOtherTerritory), kOtherTerritory);
  EXPECT_EQ(working_territory(actor, 99), kTerritory);
  EXPECT_EQ(acting_organisation_in(actor, kTerritory), kMission);
  EXPECT_FALSE(acting_organisation_in(actor, kOtherTerritory));
  EXPECT_FALSE(working_territory(actor_with({{.role = Role::kAdmin}})));
}

}  // namespace
}  // namespace parcours::people
