// Signing in on both engines: the password check, the session, the journal, and throttling per
// account and per IP address with a pinned clock.
#include <gtest/gtest.h>

#include "core/store/journal.h"
#include "features/accounts/login.h"
#include "features/accounts/users.h"
#include "store/accounts_fixture.h"

namespace parcours::accounts {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;
constexpr const char* kPassword = "la bonne phrase de passe";

class AccountsLoginTest : public test::AccountsTest {
 protected:
  void SetUp() override {
    test::AccountsTest::SetUp();
    pin_clock_for_tests(kNow);
    auto conn = db().acquire();
    user_id_ = *create_user(*conn, {"agent@exemple.fr", "Agent", kPassword}, std::nullopt);
  }

  LoginOutcome attempt(const std::string& email, const std::string& password,
                       const std::string& ip = "192.0.2.10") {
    auto conn = db().acquire();
    return log_in(*conn, {email, password, ip, std::nullopt});
  }

  std::int64_t count(const std::string& sql) {
    auto conn = db().acquire();
    return conn->query_one(sql)->integer(0);
  }

  std::int64_t user_id_ = 0;
};

TEST_P(AccountsLoginTest, TheRightPasswordOpensASessionAndIsJournaled) {
  auto outcome = attempt(" Agent@Exemple.fr", kPassword);
  ASSERT_EQ(outcome.status, LoginStatus::kSucceeded);
  EXPECT_EQ(outcome.user_id, user_id_);
  ASSERT_TRUE(outcome.session.has_value());
  EXPECT_EQ(outcome.session->session.user_id, user_id_);

  auto conn = db().acquire();
  EXPECT_TRUE(http::load_session(*conn, outcome.session->token, Config{}).has_value());
  EXPECT_EQ(
      conn->query_one("SELECT last_login_at FROM users WHERE id = $1", {user_id_})->integer(0),
      kNow);
  auto row = conn->query_one("SELECT email, ip, success FROM login_attempts");
  EXPECT_EQ(row->text(0), "agent@exemple.fr");
  EXPECT_EQ(row->text(1), "192.0.2.10");
  EXPECT_TRUE(row->boolean(2));
  auto events = store::read_events(*conn, {.kind_prefix = "account.login_succeeded"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor_id, user_id_);
  EXPECT_EQ(events[0].payload_json.find(kPassword), std::string::npos);
}

TEST_P(AccountsLoginTest, SigningInEndsThePreviousSessionOfTheBrowser) {
  auto first = attempt("agent@exemple.fr", kPassword);
  auto conn = db().acquire();
  auto second =
      log_in(*conn, {"agent@exemple.fr", kPassword, "192.0.2.10", first.session->session.id});
  ASSERT_EQ(second.status, LoginStatus::kSucceeded);
  EXPECT_FALSE(http::load_session(*conn, first.session->token, Config{}).has_value());
  EXPECT_TRUE(http::load_session(*conn, second.session->token, Config{}).has_value());
}

TEST_P(AccountsLoginTest, WrongPasswordUnknownInactiveAndInvitedAccountsAllFailAlike) {
  auto conn = db().acquire();
  auto invited = *create_user(*conn, {"invite@exemple.fr", "Invité", std::nullopt}, std::nullopt);
  auto inactive = *create_user(*conn, {"parti@exemple.fr", "Parti", kPassword}, std::nullopt);
  conn->execute("UPDATE users SET active = 0 WHERE id = $1", {inactive});
  EXPECT_GT(invited, 0);

  for (const char* email :
       {"agent@exemple.fr", "inconnu@exemple.fr", "parti@exemple.fr", "invite@exemple.fr"}) {
    auto outcome = attempt(email, std::string(email) == "agent@exemple.fr" ? "mauvais" : kPassword);
    EXPECT_EQ(outcome.status, LoginStatus::kFailed) << email;
    EXPECT_FALSE(outcome.session.has_value()) << email;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM login_attempts WHERE success = 0"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
  auto events = store::read_events(*conn, {.kind_prefix = "account.login_failed"});
  ASSERT_EQ(events.size(), 4u);
  for (const auto& e : events) EXPECT_EQ(e.payload_json.find(kPassword), std::string::npos);
}

TEST_P(AccountsLoginTest, FiveFailuresLockTheAccountForFifteenMinutesEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i) {
    pin_clock_for_tests(kNow + i);
    EXPECT_EQ(attempt("agent@exemple.fr", "mauvais").status, LoginStatus::kFailed);
  }
  pin_clock_for_tests(kNow + 10);
  auto locked = attempt("agent@exemple.fr", kPassword);
  EXPECT_EQ(locked.status, LoginStatus::kThrottled);
  EXPECT_EQ(locked.retry_at, kNow + 4 + 15 * 60);
  EXPECT_FALSE(locked.session.has_value());
  {
    auto conn = db().acquire();
    EXPECT_EQ(store::read_events(*conn, {.kind_prefix = "account.login_throttled"}).size(), 1u);
  }
  // Another account from the same address is not locked.
  auto conn = db().acquire();
  ASSERT_TRUE(create_user(*conn, {"autre@exemple.fr", "Autre", kPassword}, std::nullopt));
  EXPECT_EQ(attempt("autre@exemple.fr", kPassword).status, LoginStatus::kSucceeded);

  pin_clock_for_tests(kNow + 10 + 15 * 60);
  EXPECT_EQ(attempt("agent@exemple.fr", kPassword).status, LoginStatus::kSucceeded);
}

TEST_P(AccountsLoginTest, ASuccessClearsTheAccountsRunOfFailures) {
  for (int i = 0; i < 4; ++i) attempt("agent@exemple.fr", "mauvais");
  pin_clock_for_tests(kNow + 1);
  EXPECT_EQ(attempt("agent@exemple.fr", kPassword).status, LoginStatus::kSucceeded);
  pin_clock_for_tests(kNow + 2);
  for (int i = 0; i < 4; ++i) attempt("agent@exemple.fr", "mauvais");
  EXPECT_EQ(attempt("agent@exemple.fr", kPassword).status, LoginStatus::kSucceeded);
}

TEST_P(AccountsLoginTest, UnknownAddressesAreThrottledLikeKnownOnes) {
  for (int i = 0; i < 5; ++i) attempt("inconnu@exemple.fr", "mauvais");
  EXPECT_EQ(attempt("inconnu@exemple.fr", "mauvais").status, LoginStatus::kThrottled);
}

TEST_P(AccountsLoginTest, ThirtyFailuresFromOneAddressLockItForEveryAccount) {
  {
    auto conn = db().acquire();
    // Thirty failures on thirty different accounts in the last minutes, as a guessing run would.
    for (int i = 0; i < 30; ++i) {
      conn->execute(
          "INSERT INTO login_attempts (at, email, ip, success) VALUES ($1, $2, '198.51.100.7', 0)",
          {kNow - 300 + i, "cible" + std::to_string(i) + "@exemple.fr"});
    }
  }
  auto locked = attempt("agent@exemple.fr", kPassword, "198.51.100.7");
  EXPECT_EQ(locked.status, LoginStatus::kThrottled);
  EXPECT_EQ(locked.retry_at, kNow - 300 + 29 + 15 * 60);
  EXPECT_EQ(attempt("agent@exemple.fr", kPassword, "198.51.100.8").status, LoginStatus::kSucceeded);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsLoginTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::accounts
