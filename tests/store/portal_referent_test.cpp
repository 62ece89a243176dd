// Asking for another référent: the reason is checked and kept out of the journal, the team is
// mailed, and only the person's own active journey with a référent qualifies. Both engines.
#include <gtest/gtest.h>

#include "features/portal/referent_requests.h"
#include "store/portal_fixture.h"

namespace parcours::portal {
namespace {

class PortalReferentTest : public test::PortalTest {};

TEST_P(PortalReferentTest, TheRequestIsKeptJournaledWithoutItsReasonAndMailedToTheTeam) {
  auto conn = db().acquire();
  auto id = request_referent_change(*conn, sofia_, sofia_, journey_,
                                    "  Nous ne nous comprenons pas.  ", "https://parcours.test");
  ASSERT_TRUE(id.has_value()) << id.error().message;
  auto requests = referent_requests_of(*conn, sofia_);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].reason, "Nous ne nous comprenons pas.");
  EXPECT_EQ(requests[0].referent_name, "Sofia Martin");
  EXPECT_EQ(requests[0].territory_name, "Ardennes");

  auto event = conn->query_one(
      "SELECT person_id, territory_id, payload FROM journal "
      "WHERE kind = 'portal.referent_change_requested'");
  ASSERT_TRUE(event);
  EXPECT_EQ(event->integer(0), sofia_);
  EXPECT_EQ(event->integer(1), world_.ardennes);
  EXPECT_EQ(event->text(2).find("comprenons"), std::string::npos);

  auto mails = conn->query("SELECT to_address, body FROM outbox ORDER BY to_address");
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].text(0), "colleague@test.fr");
  EXPECT_EQ(mails[1].text(0), "referent@test.fr");
  EXPECT_NE(mails[0].text(1).find("Nous ne nous comprenons pas."), std::string::npos);
  EXPECT_NE(mails[0].text(1).find("https://parcours.test/personnes/" + std::to_string(sofia_)),
            std::string::npos);
}

TEST_P(PortalReferentTest, TheReasonIsRequiredAndBounded) {
  auto conn = db().acquire();
  for (const std::string& reason : {std::string("  "), std::string("ok"), std::string(1001, 'x')}) {
    auto refused = request_referent_change(*conn, sofia_, sofia_, journey_, reason, "http://x");
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(refused.error().field, "reason");
  }
  // 1,000 characters of two bytes each are accepted: the limit counts characters.
  std::string accented;
  for (int i = 0; i < 1000; ++i) accented += "é";
  EXPECT_TRUE(request_referent_change(*conn, sofia_, sofia_, journey_, accented, "http://x"));
}

TEST_P(PortalReferentTest, OnlyTheirOwnActiveJourneyWithAReferent) {
  auto conn = db().acquire();
  auto other = people::create_person(*conn, world_.ardennes,
                                     {.identity = {.birth_name = "Autre", .first_names = "Anne"}},
                                     people::Provenance::public_form());
  ASSERT_TRUE(other.has_value());
  auto others_journey = people::open_journey(
      *conn,
      {.person_id = *other, .territory_id = world_.ardennes, .entry = people::Entry::kPublicForm});
  ASSERT_TRUE(others_journey.has_value());
  auto not_theirs =
      request_referent_change(*conn, sofia_, sofia_, *others_journey, "Pas mon parcours", "x");
  ASSERT_FALSE(not_theirs.has_value());
  EXPECT_EQ(not_theirs.error().field, "journey_id");
  auto no_referent =
      request_referent_change(*conn, *other, *other, *others_journey, "Pas de référent", "x");
  ASSERT_FALSE(no_referent.has_value());
  EXPECT_EQ(no_referent.error().code, ErrorCode::kForbidden);
  auto stranger =
      request_referent_change(*conn, *other, sofia_, journey_, "Je ne suis pas elle", "x");
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referent_change_requests"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalReferentTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::portal
