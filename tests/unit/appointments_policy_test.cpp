// The role × action matrix of the appointments policy, on a journey whose team the actor is in
// or not (the facts the people feature loads), an appointment with professional 7 (the actor
// in most rows) or 8 (a colleague of the team), and the person's own actions in their space.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/appointments/appointments.h"
#include "features/appointments/policy.h"
#include "support/policy_fixtures.h"

namespace parcours::appointments {
namespace {

using policy_test::facts;
using policy_test::kMe;
using policy_test::pro;
using policy_test::with;
using security::Role;

constexpr std::int64_t kColleague = 8;
constexpr std::int64_t kOrg = 20;

struct Row {
  const char* name;
  MaybeActor actor;
  people::PersonFacts facts;
  // view, book, status of my appointment, status of a colleague's, my agenda, org 20's list
  std::vector<bool> expected;
};

TEST(AppointmentsPolicy, RoleByActionMatrix) {
  const std::vector<Row> rows = {
      {"visitor", std::nullopt, facts(false, false), {0, 0, 0, 0, 0, 0}},
      {"national admin", with({{.role = Role::kAdmin}}), facts(false, false), {0, 0, 0, 0, 0, 0}},
      {"territory manager",
       with({{.role = Role::kTerritoryManager, .territory_id = 1}}),
       facts(false, false),
       {0, 0, 0, 0, 0, 0}},
      {"professional outside the team", with({pro(kOrg)}), facts(false, false), {0, 0, 0, 0, 1, 0}},
      {"team member", with({pro(kOrg)}), facts(true, false), {1, 1, 1, 0, 1, 0}},
      {"référent", with({pro(kOrg)}), facts(true, true), {1, 1, 1, 1, 1, 0}},
      {"référent of a closed journey",
       with({pro(kOrg)}),
       facts(true, true, false),
       {1, 0, 1, 1, 1, 0}},
      {"organisation admin outside the team",
       with({{.role = Role::kOrgAdmin, .organisation_id = kOrg, .organisation_territory_id = 1}}),
       facts(false, false),
       {0, 0, 0, 0, 1, 1}},
      {"admin of another organisation",
       with({{.role = Role::kOrgAdmin, .organisation_id = 21, .organisation_territory_id = 1}}),
       facts(false, false),
       {0, 0, 0, 0, 1, 0}},
  };
  for (const auto& row : rows) {
    std::vector<bool> got{may_view_appointments(row.actor, row.facts),
                          may_book(row.actor, row.facts),
                          may_set_status(row.actor, row.facts, kMe),
                          may_set_status(row.actor, row.facts, kColleague),
                          may_view_agenda(row.actor, kMe),
                          may_view_organisation_to_update(row.actor, kOrg)};
    EXPECT_EQ(got, row.expected) << row.name;
  }
}

TEST(AppointmentsPolicy, NobodySeesAnotherProfessionalsAgenda) {
  EXPECT_FALSE(may_view_agenda(with({pro(kOrg)}), kColleague));
  EXPECT_FALSE(may_view_agenda(with({{.role = Role::kAdmin}}), kMe));
}

TEST(AppointmentsPolicy, ThePersonSeesAndExcusesOnlyTheirOwnPlannedComingAppointment) {
  EXPECT_TRUE(person_may_view(3, 3));
  EXPECT_FALSE(person_may_view(4, 3));
  EXPECT_FALSE(person_may_view(std::nullopt, 3));
  EXPECT_TRUE(person_may_excuse(3, 3, "planned", false));
  EXPECT_FALSE(person_may_excuse(3, 3, "planned", true));
  EXPECT_FALSE(person_may_excuse(4, 3, "planned", false));
  for (const char* status : {"seen", "excused", "revoked", "noshow", "to_update"}) {
    EXPECT_FALSE(person_may_excuse(3, 3, status, false)) << status;
  }
}

// Every (from, to) pair, before and after the start.
TEST(AppointmentTransitions, AllowedAndRefusedWithFrenchMessages) {
  const char* statuses[] = {"planned", "seen", "excused", "revoked", "noshow", "to_update"};
  for (const char* from : statuses) {
    for (const char* to : statuses) {
      for (bool started : {false, true}) {
        std::string f = from, t = to;
        bool open = f == "planned" || f == "to_update";
        bool target = t == "seen" || t == "noshow" || t == "excused" || t == "revoked";
        bool timing = started || (t != "seen" && t != "noshow");
        auto r = check_transition(from, to, started);
        EXPECT_EQ(r.has_value(), open && target && timing)
            << from << " → " << to << (started ? " (commencé)" : "");
        if (!r) {
          EXPECT_EQ(r.error().field, "status");
          EXPECT_FALSE(r.error().message.empty());
        }
      }
    }
  }
  EXPECT_EQ(check_transition("seen", "noshow", true).error().message,
            "Ce rendez-vous est déjà « Honoré » : son statut ne change plus.");
  EXPECT_NE(check_transition("planned", "seen", false).error().message.find("pas encore commencé"),
            std::string::npos);
}

}  // namespace
}  // namespace parcours::appointments
