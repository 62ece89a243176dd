// Partner tokens on both engines: the secret is shown once and only its SHA-256 is stored, the
// scopes are checked and normalised, an expired or revoked token no longer authenticates, each
// token has its own technical account that can never sign in, and creation and revocation are
// journaled; a bad field is named and nothing is written.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/api/auth.h"
#include "features/api/tokens.h"
#include "store/accounts_fixture.h"

namespace parcours::api {
namespace {

class ApiTokensTest : public test::AccountsTest {
 protected:
  std::int64_t count(store::Connection& conn, const std::string& sql) {
    return conn.query_one(sql)->integer(0);
  }
};

TEST_P(ApiTokensTest, SecretIsShownOnceAndStoredHashed) {
  auto conn = db().acquire();
  const auto& world = world_;
  auto made = create_token(
      *conn, {.organisation_id = world.ccas, .name = "Logiciel RSA", .scopes = "persons:read"}, {});
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_TRUE(made->secret.starts_with("prc_"));
  EXPECT_EQ(made->secret.size(), 4u + 43u);
  EXPECT_EQ(made->token.prefix, made->secret.substr(0, 12));
  auto stored =
      conn->query_one("SELECT secret_hash FROM api_tokens WHERE id = $1", {made->token.id});
  EXPECT_EQ(stored->text(0), hash_secret(made->secret));
  EXPECT_EQ(stored->text(0).size(), 64u);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM api_tokens WHERE secret_hash LIKE 'prc_%'"), 0);
  // SHA-256 of "abc", the FIPS 180-2 example.
  EXPECT_EQ(hash_secret("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  auto found = find_token_by_secret(*conn, made->secret);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, made->token.id);
  EXPECT_EQ(found->organisation_id, world.ccas);
  EXPECT_EQ(found->territory_id, world.ardennes);
  std::string wrong = made->secret;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(find_token_by_secret(*conn, wrong));
  EXPECT_FALSE(find_token_by_secret(*conn, ""));
}

TEST_P(ApiTokensTest, EachTokenActsThroughAnAccountThatCannotSignIn) {
  auto conn = db().acquire();
  const auto& world = world_;
  auto made = create_token(
      *conn, {.organisation_id = world.ccas, .name = "Logiciel RSA", .scopes = "persons:read"}, {});
  ASSERT_TRUE(made);
  auto account = conn->query_one("SELECT name, active, password_hash FROM users WHERE id = $1",
                                 {made->token.account_id});
  ASSERT_TRUE(account);
  EXPECT_EQ(account->text(0), "Jeton API « Logiciel RSA » — CCAS de Sedan");
  EXPECT_EQ(account->integer(1), 0);
  EXPECT_TRUE(account->is_null(2));
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM user_roles"), 0);
}

TEST_P(ApiTokensTest, ScopesAreCheckedAndWriteIncludesRead) {
  auto scopes = parse_scopes("referrals:write, persons:read persons:read,journeys:write");
  ASSERT_TRUE(scopes);
  EXPECT_EQ(*scopes,
            (std::vector<std::string>{"persons:read", "journeys:write", "referrals:write"}));
  EXPECT_TRUE(grants(*scopes, "persons", Access::kRead));
  EXPECT_FALSE(grants(*scopes, "persons", Access::kWrite));
  EXPECT_TRUE(grants(*scopes, "journeys", Access::kRead));
  EXPECT_TRUE(grants(*scopes, "journeys", Access::kWrite));
  EXPECT_FALSE(grants(*scopes, "team", Access::kRead));
  for (const char* bad : {"", "persons", "persons:admin", "people:read", "persons:read,x:write"}) {
    auto refused = parse_scopes(bad);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().field, "scopes");
  }
  Caller caller{
      .organisation_id = 4, .territory_id = 2, .account_id = 9, .scopes = {"orientation:write"}};
  auto actor = caller.actor();
  EXPECT_EQ(actor.user_id, 9);
  ASSERT_EQ(actor.grants.size(), 1u);
  EXPECT_EQ(actor.grants[0].role, security::Role::kProfessional);
  EXPECT_EQ(actor.grants[0].organisation_id, 4);
  EXPECT_TRUE(actor.grants[0].orientation);
  EXPECT_FALSE(Caller{.scopes = {"orientation:read"}}.actor().grants[0].orientation);
}

TEST_P(ApiTokensTest, BadFieldsAreNamedAndNothingIsWritten) {
  auto conn = db().acquire();
  const auto& world = world_;
  pin_clock_for_tests(1'800'000'000);  // 2027-01-15
  struct Case {
    TokenForm form;
    const char* field;
  };
  for (const auto& c :
       {Case{{.organisation_id = world.ccas, .name = " ", .scopes = "persons:read"}, "name"},
        Case{
            {.organisation_id = world.ccas, .name = std::string(81, 'x'), .scopes = "persons:read"},
            "name"},
        Case{{.organisation_id = world.ccas, .name = "A", .scopes = "tout"}, "scopes"},
        Case{{.organisation_id = world.ccas,
        .name = "A",
        .scopes = "persons:read",
        .expires = "31/02/2027"},
             "expires"},
        Case{{.organisation_id = world.ccas,
        .name = "A",
        .scopes = "persons:read",
        .expires = "2027-01-14"},
             "expires"}}) {
    auto refused = create_token(*conn, c.form, {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, c.field) << refused.error().message;
  }
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM api_tokens"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM journal"), 0);
}

TEST_P(ApiTokensTest, ExpiryIsTheEndOfTheDayInParis) {
  auto conn = db().acquire();
  const auto& world = world_;
  pin_clock_for_tests(1'800'000'000);  // 2027-01-15 08:00 UTC
  auto made = create_token(*conn,
                           {.organisation_id = world.ccas,
                            .name = "Essai",
                            .scopes = "persons:read",
                            .expires = "16/01/2027"},
                           {});
  ASSERT_TRUE(made) << made.error().message;
  // 17 January 2027 00:00 in Paris (UTC+1) is 16 January 23:00 UTC.
  EXPECT_EQ(made->token.expires_at, 1'800'000'000 - 8 * 3600 + 24 * 3600 + 23 * 3600);
  EXPECT_TRUE(made->token.usable(now_seconds()));
  EXPECT_TRUE(made->token.usable(*made->token.expires_at - 1));
  EXPECT_FALSE(made->token.usable(*made->token.expires_at));
}

TEST_P(ApiTokensTest, RevocationIsJournaledAndFinal) {
  auto conn = db().acquire();
  const auto& world = world_;
  auto made = create_token(
      *conn, {.organisation_id = world.ccas, .name = "Logiciel RSA", .scopes = "persons:read"}, {});
  ASSERT_TRUE(made);
  // Another organisation cannot revoke it.
  auto refused = revoke_token(*conn, world.mission_locale, made->token.id, {});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(revoke_token(*conn, world.ccas, made->token.id, {}));
  ASSERT_TRUE(revoke_token(*conn, world.ccas, made->token.id, {}));  // a no-op
  auto found = find_token_by_secret(*conn, made->secret);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->revoked_at);
  EXPECT_FALSE(found->usable(now_seconds()));
  auto events = store::read_events(*conn, {.kind_prefix = "api_token."});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "api_token.created");
  EXPECT_EQ(events[0].territory_id, world.ardennes);
  EXPECT_EQ(events[1].kind, "api_token.revoked");
  EXPECT_EQ(list_tokens(*conn, world.ccas).size(), 1u);
  EXPECT_TRUE(list_tokens(*conn, world.mission_locale).empty());
}

TEST_P(ApiTokensTest, UseIsRecordedAtMostOnceAMinute) {
  auto conn = db().acquire();
  const auto& world = world_;
  auto made = create_token(
      *conn, {.organisation_id = world.ccas, .name = "Logiciel RSA", .scopes = "persons:read"}, {});
  ASSERT_TRUE(made);
  touch_token(*conn, made->token, 1000);
  auto token = *find_token(*conn, made->token.id);
  EXPECT_EQ(token.last_used_at, 1000);
  touch_token(*conn, token, 1030);
  EXPECT_EQ(find_token(*conn, token.id)->last_used_at, 1000);
  touch_token(*conn, token, 1061);
  EXPECT_EQ(find_token(*conn, token.id)->last_used_at, 1061);
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiTokensTest, test::kEngines, test::engine_name);

TEST(ApiRateLimit, BucketRefillsAtTheRateAndSaysHowLongToWait) {
  configure_rate_limit(2, 3);  // 2 a second, burst 3
  EXPECT_FALSE(take_request(1, 0));
  EXPECT_FALSE(take_request(1, 0));
  EXPECT_FALSE(take_request(1, 0));
  auto wait = take_request(1, 0);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 1);
  EXPECT_FALSE(take_request(2, 0));  // another token has its own bucket
  EXPECT_TRUE(take_request(1, 400));
  EXPECT_FALSE(take_request(1, 500));  // one request back after half a second
  EXPECT_TRUE(take_request(1, 500));
  configure_rate_limit(0.1, 1);
  EXPECT_FALSE(take_request(1, 0));
  EXPECT_EQ(take_request(1, 0), 10);
  configure_rate_limit(20, 100);
}

}  // namespace
}  // namespace parcours::api
