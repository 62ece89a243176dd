// The person's objections to sharing their record with organisations outside their team: who
// may object to what, duplicates, withdrawal, the journal, and the list offered. Both engines.
#include <gtest/gtest.h>

#include "features/accounts/actor.h"
#include "features/people/policy.h"
#include "features/portal/objections.h"
#include "store/portal_fixture.h"

namespace parcours::portal {
namespace {

class PortalObjectionsTest : public test::PortalTest {};

TEST_P(PortalObjectionsTest, OffersTheOrganisationsOfTheTerritoryOutsideTheTeam) {
  auto choices = objection_choices(*db().acquire(), sofia_);
  ASSERT_EQ(choices.size(), 1u);  // CD 08 and the mission locale are in the team
  EXPECT_EQ(choices[0].organisation_id, world_.ccas);
  EXPECT_EQ(choices[0].name, "CCAS de Sedan");
  EXPECT_FALSE(choices[0].objected);
}

TEST_P(PortalObjectionsTest, ThePersonObjectsAndWithdrawsAndBothAreJournaled) {
  auto conn = db().acquire();
  ASSERT_TRUE(object_to(*conn, sofia_, sofia_, world_.ccas).has_value());
  EXPECT_EQ(objections_of(*conn, sofia_), std::vector<std::int64_t>{world_.ccas});
  auto choices = objection_choices(*conn, sofia_);
  ASSERT_EQ(choices.size(), 1u);
  EXPECT_TRUE(choices[0].objected);
  EXPECT_EQ(choices[0].objected_at, kStart);
  auto again = object_to(*conn, sofia_, sofia_, world_.ccas);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);

  ASSERT_TRUE(withdraw_objection(*conn, sofia_, sofia_, world_.ccas).has_value());
  EXPECT_TRUE(objections_of(*conn, sofia_).empty());
  auto missing = withdraw_objection(*conn, sofia_, sofia_, world_.ccas);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  auto events = conn->query(
      "SELECT kind, person_id, territory_id, payload FROM journal WHERE kind LIKE 'portal.%' "
      "ORDER BY seq");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].text(0), "portal.objection_added");
  EXPECT_EQ(events[0].integer(1), sofia_);
  EXPECT_EQ(events[0].integer(2), world_.ardennes);
  EXPECT_NE(events[0].text(3).find("\"organisation_id\":" + std::to_string(world_.ccas)),
            std::string::npos);
  EXPECT_EQ(events[1].text(0), "portal.objection_withdrawn");
}

TEST_P(PortalObjectionsTest, RefusesTheTeamAnotherTerritoryAndAnotherVisitor) {
  auto conn = db().acquire();
  auto team = object_to(*conn, sofia_, sofia_, world_.cd08);
  ASSERT_FALSE(team.has_value());
  EXPECT_EQ(team.error().code, ErrorCode::kForbidden);
  auto marne = object_to(*conn, sofia_, sofia_, world_.caf_marne);
  ASSERT_FALSE(marne.has_value());
  EXPECT_EQ(marne.error().code, ErrorCode::kForbidden);
  auto stranger = object_to(*conn, sofia_ + 1000, sofia_, world_.ccas);
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().code, ErrorCode::kForbidden);
  auto anonymous = object_to(*conn, std::nullopt, sofia_, world_.ccas);
  EXPECT_FALSE(anonymous.has_value());
  auto unknown = object_to(*conn, sofia_, sofia_, 99999);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_objections"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind LIKE 'portal.%'"), 0);
}

TEST_P(PortalObjectionsTest, AnObjectionStaysListedWhenTheOrganisationJoinsTheTeam) {
  auto conn = db().acquire();
  ASSERT_TRUE(object_to(*conn, sofia_, sofia_, world_.ccas).has_value());
  auto joined = people::add_member(*conn, {.journey_id = journey_,
                                           .user_id = world_.outsider,
                                           .organisation_id = world_.ccas,
                                           .added_by = world_.referent,
                                           .actor_organisation_id = world_.cd08});
  ASSERT_TRUE(joined.has_value()) << joined.error().message;
  auto choices = objection_choices(*conn, sofia_);
  ASSERT_EQ(choices.size(), 1u);
  EXPECT_TRUE(choices[0].objected);
  EXPECT_TRUE(choices[0].in_team);
  EXPECT_TRUE(withdraw_objection(*conn, sofia_, sofia_, world_.ccas).has_value());
}

TEST_P(PortalObjectionsTest, TheObjectionIsWhatThePeoplePolicyEnforces) {
  auto conn = db().acquire();
  auto outsider = accounts::load_actor(*conn, world_.outsider, std::nullopt);
  ASSERT_TRUE(outsider);
  auto sees = [&] {
    auto facts = people::load_person_facts(*conn, outsider, sofia_, world_.ardennes);
    return people::may_view_identity(outsider, facts);
  };
  EXPECT_TRUE(sees());
  ASSERT_TRUE(object_to(*conn, sofia_, sofia_, world_.ccas).has_value());
  EXPECT_FALSE(sees());
  ASSERT_TRUE(withdraw_objection(*conn, sofia_, sofia_, world_.ccas).has_value());
  EXPECT_TRUE(sees());
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalObjectionsTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::portal
