// Server-side sessions on both engines: stored by hash, idle and absolute expiry, cheap reads.
#include "core/http/sessions.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "support/test_db.h"

namespace parcours::http {
namespace {

constexpr std::int64_t kStart = 1'800'000'000;

class SessionsTest : public test::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    pin_clock_for_tests(kStart);
    config_.session_idle_minutes = 120;
    config_.session_absolute_hours = 12;
    auto conn = db().acquire();
    user_id_ = conn->query_one(
                       "INSERT INTO users (email, name, created_at, updated_at) "
                       "VALUES ('marie@example.fr', 'Marie', $1, $1) RETURNING id",
                       {kStart})
                   ->integer(0);
  }
  void TearDown() override {
    pin_clock_for_tests(0);
    EngineTest::TearDown();
  }

  Config config_;
  std::int64_t user_id_ = 0;
};

TEST_P(SessionsTest, ACreatedSessionLoadsBackByItsTokenWhichIsNotStored) {
  auto conn = db().acquire();
  auto created = create_session(*conn, user_id_, 42);
  EXPECT_EQ(created.token.size(), 43u);
  EXPECT_GT(created.session.id, 0);
  auto loaded = load_session(*conn, created.token, config_);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->id, created.session.id);
  EXPECT_EQ(loaded->user_id, user_id_);
  EXPECT_EQ(loaded->acting_organisation_id, 42);
  EXPECT_EQ(loaded->csrf_token, created.session.csrf_token);
  auto stored = conn->query_one("SELECT token_hash FROM sessions WHERE id = $1", {loaded->id});
  EXPECT_EQ(stored->text(0).size(), 64u);
  EXPECT_EQ(stored->text(0).find(created.token), std::string::npos);
}

TEST_P(SessionsTest, UnknownOrMalformedTokensLoadNothing) {
  auto conn = db().acquire();
  create_session(*conn, user_id_, std::nullopt);
  EXPECT_FALSE(load_session(*conn, std::string(43, 'A'), config_));
  EXPECT_FALSE(load_session(*conn, "", config_));
  EXPECT_FALSE(load_session(*conn, "court", config_));
}

TEST_P(SessionsTest, ASessionIdleForTooLongExpiresAndIsDeleted) {
  auto conn = db().acquire();
  auto created = create_session(*conn, user_id_, std::nullopt);
  pin_clock_for_tests(kStart + 119 * 60);
  EXPECT_TRUE(load_session(*conn, created.token, config_));
  pin_clock_for_tests(kStart + 119 * 60 + 121 * 60);
  EXPECT_FALSE(load_session(*conn, created.token, config_));
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM sessions")->integer(0), 0);
}

TEST_P(SessionsTest, AnActiveSessionStillEndsAtItsAbsoluteLifetime) {
  auto conn = db().acquire();
  auto created = create_session(*conn, user_id_, std::nullopt);
  for (int hour = 1; hour <= 12; ++hour) {
    pin_clock_for_tests(kStart + hour * 3600 - 10);
    ASSERT_TRUE(load_session(*conn, created.token, config_)) << "heure " << hour;
  }
  pin_clock_for_tests(kStart + 12 * 3600 + 1);
  EXPECT_FALSE(load_session(*conn, created.token, config_));
}

TEST_P(SessionsTest, LastSeenIsWrittenOnlyWhenMoreThanAMinuteOld) {
  auto conn = db().acquire();
  auto created = create_session(*conn, user_id_, std::nullopt);
  auto last_seen = [&] {
    return conn->query_one("SELECT last_seen_at FROM sessions WHERE id = $1", {created.session.id})
        ->integer(0);
  };
  pin_clock_for_tests(kStart + 30);
  load_session(*conn, created.token, config_);
  EXPECT_EQ(last_seen(), kStart);
  pin_clock_for_tests(kStart + 90);
  load_session(*conn, created.token, config_);
  EXPECT_EQ(last_seen(), kStart + 90);
}

TEST_P(SessionsTest, DestroyingEndsOneSessionOrAllOfAUser) {
  auto conn = db().acquire();
  auto first = create_session(*conn, user_id_, std::nullopt);
  auto second = create_session(*conn, user_id_, std::nullopt);
  auto third = create_session(*conn, user_id_, std::nullopt);
  destroy_session(*conn, first.session.id);
  EXPECT_FALSE(load_session(*conn, first.token, config_));
  EXPECT_TRUE(load_session(*conn, second.token, config_));
  destroy_user_sessions(*conn, user_id_);
  EXPECT_FALSE(load_session(*conn, second.token, config_));
  EXPECT_FALSE(load_session(*conn, third.token, config_));
}

TEST_P(SessionsTest, ActingOrganisationCanBeChangedAndCleared) {
  auto conn = db().acquire();
  auto created = create_session(*conn, user_id_, 1);
  set_acting_organisation(*conn, created.session.id, 7);
  EXPECT_EQ(load_session(*conn, created.token, config_)->acting_organisation_id, 7);
  set_acting_organisation(*conn, created.session.id, std::nullopt);
  EXPECT_FALSE(load_session(*conn, created.token, config_)->acting_organisation_id);
}

INSTANTIATE_TEST_SUITE_P(Engines, SessionsTest, test::kEngines, test::engine_name);

TEST(SessionCookie, IsHttpOnlyLaxAndSecureOnlyOverHttps) {
  Config config;
  config.public_url = "http://127.0.0.1:8080";
  EXPECT_EQ(session_cookie("abc", config), "parcours_session=abc; Path=/; HttpOnly; SameSite=Lax");
  config.public_url = "https://parcours.example.fr";
  EXPECT_EQ(session_cookie("abc", config),
            "parcours_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure");
  EXPECT_EQ(session_cookie("", config),
            "parcours_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
}

}  // namespace
}  // namespace parcours::http
