// The session and account of every page, read in one query (accounts::load_signed_in), on both
// engines: the same Actor as load_actor, and revocation that takes effect on the next request
// (sign-out, deactivated account, role or organisation).
#include <gtest/gtest.h>

#include "core/http/sessions.h"
#include "features/accounts/actor.h"
#include "features/accounts/users.h"
#include "store/accounts_fixture.h"

namespace parcours::accounts {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

class AccountsSignedInTest : public test::AccountsTest {
 protected:
  void SetUp() override {
    test::AccountsTest::SetUp();
    pin_clock_for_tests(kNow);
    auto conn = db().acquire();
    user_id_ = *create_user(*conn, {"agent@exemple.fr", "Agent Martin", "une phrase de passe"},
                            std::nullopt);
  }

  void grant(const NewRole& role) {
    auto conn = db().acquire();
    ASSERT_TRUE(grant_role(*conn, user_id_, role, std::nullopt));
  }

  std::string sign_in(std::optional<std::int64_t> acting_organisation_id = std::nullopt) {
    auto conn = db().acquire();
    return http::create_session(*conn, user_id_, acting_organisation_id).token;
  }

  std::optional<SignedIn> signed_in(const std::string& token) {
    auto conn = db().acquire();
    return load_signed_in(*conn, token, Config{});
  }

  void run(const std::string& sql, store::Params params) {
    auto conn = db().acquire();
    conn->execute(sql, params);
  }

  std::int64_t sessions() {
    auto conn = db().acquire();
    return conn->query_one("SELECT COUNT(*) FROM sessions")->integer(0);
  }

  std::int64_t user_id_ = 0;
};

// The grants compared field by field.
void expect_same_grants(const security::Actor& a, const security::Actor& b) {
  ASSERT_EQ(a.grants.size(), b.grants.size());
  for (std::size_t i = 0; i < a.grants.size(); ++i) {
    EXPECT_EQ(a.grants[i].role, b.grants[i].role) << i;
    EXPECT_EQ(a.grants[i].territory_id, b.grants[i].territory_id) << i;
    EXPECT_EQ(a.grants[i].organisation_id, b.grants[i].organisation_id) << i;
    EXPECT_EQ(a.grants[i].organisation_territory_id, b.grants[i].organisation_territory_id) << i;
    EXPECT_EQ(a.grants[i].orientation, b.grants[i].orientation) << i;
    EXPECT_EQ(a.grants[i].referent, b.grants[i].referent) << i;
  }
}

TEST_P(AccountsSignedInTest, GivesTheSessionAndTheSameActorAsLoadActor) {
  grant({.role = security::Role::kProfessional,
         .organisation_id = world_.mission_locale,
         .referent = true});
  grant({.role = security::Role::kTerritoryManager, .territory_id = world_.marne});
  grant({.role = security::Role::kOrgAdmin, .organisation_id = world_.ccas, .orientation = true});
  std::string token = sign_in(world_.ccas);

  auto in = signed_in(token);
  ASSERT_TRUE(in);
  auto conn = db().acquire();
  auto session = http::load_session(*conn, token, Config{});
  ASSERT_TRUE(session);
  EXPECT_EQ(in->session.id, session->id);
  EXPECT_EQ(in->session.user_id, user_id_);
  EXPECT_EQ(in->session.csrf_token, session->csrf_token);
  EXPECT_EQ(in->session.acting_organisation_id, world_.ccas);
  auto actor = load_actor(*conn, user_id_, world_.ccas);
  ASSERT_TRUE(actor);
  EXPECT_EQ(in->actor.user_id, user_id_);
  EXPECT_EQ(in->actor.email, "agent@exemple.fr");
  EXPECT_EQ(in->actor.name, "Agent Martin");
  EXPECT_EQ(in->actor.acting_organisation_id, world_.ccas);
  ASSERT_EQ(in->actor.grants.size(), 3u);
  expect_same_grants(in->actor, *actor);
  EXPECT_EQ(in->actor.grants[0].organisation_territory_id, world_.ardennes);
  EXPECT_TRUE(in->actor.grants[0].referent);
  EXPECT_TRUE(in->actor.grants[2].orientation);
}

TEST_P(AccountsSignedInTest, AnAccountWithoutRolesIsSignedInWithNoRights) {
  auto in = signed_in(sign_in());
  ASSERT_TRUE(in);
  EXPECT_TRUE(in->actor.grants.empty());
  EXPECT_FALSE(in->actor.acting_organisation_id);
}

TEST_P(AccountsSignedInTest, AnActingOrganisationTheAccountLeftFallsBackToItsFirst) {
  grant({.role = security::Role::kProfessional, .organisation_id = world_.mission_locale});
  auto in = signed_in(sign_in(world_.caf_marne));
  ASSERT_TRUE(in);
  EXPECT_EQ(in->actor.acting_organisation_id, world_.mission_locale);
}

TEST_P(AccountsSignedInTest, UnknownMalformedAndSignedOutTokensGiveNothing) {
  std::string token = sign_in();
  EXPECT_FALSE(signed_in(std::string(token.size(), 'A')));
  EXPECT_FALSE(signed_in(token.substr(1)));
  EXPECT_FALSE(signed_in(""));
  ASSERT_TRUE(signed_in(token));
  auto session_id = signed_in(token)->session.id;
  {
    auto conn = db().acquire();
    http::destroy_session(*conn, session_id);
  }
  EXPECT_FALSE(signed_in(token));
}

TEST_P(AccountsSignedInTest, ADeactivatedAccountLosesItsSessionAtOnceEvenIfReactivated) {
  grant({.role = security::Role::kProfessional, .organisation_id = world_.mission_locale});
  std::string token = sign_in();
  ASSERT_TRUE(signed_in(token));
  run("UPDATE users SET active = 0 WHERE id = $1", {user_id_});
  EXPECT_FALSE(signed_in(token));
  EXPECT_EQ(sessions(), 0);  // deleted, as the two queries before it did
  run("UPDATE users SET active = 1 WHERE id = $1", {user_id_});
  EXPECT_FALSE(signed_in(token));
}

TEST_P(AccountsSignedInTest, ADeactivatedRoleOrOrganisationGrantsNothingOnTheNextRequest) {
  grant({.role = security::Role::kProfessional, .organisation_id = world_.mission_locale});
  grant({.role = security::Role::kOrgAdmin, .organisation_id = world_.ccas});
  std::string token = sign_in();
  ASSERT_EQ(signed_in(token)->actor.grants.size(), 2u);

  run("UPDATE organisations SET active = 0 WHERE id = $1", {world_.ccas});
  auto in = signed_in(token);
  ASSERT_TRUE(in);
  ASSERT_EQ(in->actor.grants.size(), 1u);
  EXPECT_EQ(in->actor.grants[0].organisation_id, world_.mission_locale);

  run("UPDATE user_roles SET active = 0 WHERE user_id = $1 AND organisation_id = $2",
      {user_id_, world_.mission_locale});
  in = signed_in(token);
  ASSERT_TRUE(in);  // still signed in, with no rights left
  EXPECT_TRUE(in->actor.grants.empty());
  auto conn = db().acquire();
  expect_same_grants(in->actor, *load_actor(*conn, user_id_, std::nullopt));
}

TEST_P(AccountsSignedInTest, AnIdleOrTooOldSessionIsDeletedAndARecentOneRefreshed) {
  std::string token = sign_in();
  Config config;
  pin_clock_for_tests(kNow + std::int64_t{config.session_idle_minutes} * 60 - 10);
  ASSERT_TRUE(signed_in(token));  // refreshes last_seen_at
  {
    auto conn = db().acquire();
    EXPECT_EQ(conn->query_one("SELECT last_seen_at FROM sessions")->integer(0),
              kNow + std::int64_t{config.session_idle_minutes} * 60 - 10);
  }
  pin_clock_for_tests(kNow + std::int64_t{config.session_idle_minutes} * 120);
  EXPECT_FALSE(signed_in(token));
  EXPECT_EQ(sessions(), 0);

  pin_clock_for_tests(kNow);
  std::string old = sign_in();
  pin_clock_for_tests(kNow + std::int64_t{config.session_absolute_hours} * 3600 + 1);
  run("UPDATE sessions SET last_seen_at = $1", {now_seconds()});
  EXPECT_FALSE(signed_in(old));
  EXPECT_EQ(sessions(), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsSignedInTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::accounts
