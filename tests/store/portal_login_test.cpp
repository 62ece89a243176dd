// Magic links of the person's space (single use, 15 minutes, the latest only, a few per person
// and window, nothing for an unknown or merged address) and person sessions (idle and absolute
// expiry, ended by a merge), on both engines.
#include <gtest/gtest.h>

#include "core/http/tokens.h"
#include "features/portal/login_links.h"
#include "features/portal/person_sessions.h"
#include "store/portal_fixture.h"

namespace parcours::portal {
namespace {

class PortalLoginTest : public test::PortalTest {};

TEST_P(PortalLoginTest, ALinkIsMailedToTheAddressOfALivePersonAndOpensTheirSpaceOnce) {
  auto conn = db().acquire();
  EXPECT_EQ(request_login_links(*conn, kSofiaEmail, "https://parcours.test/"), 1);
  std::string token = latest_link(kSofiaEmail);
  ASSERT_EQ(token.size(), http::kTokenLength);
  auto body = conn->query_one("SELECT body FROM outbox ORDER BY id DESC LIMIT 1")->text(0);
  EXPECT_NE(body.find("https://parcours.test/mon-espace/lien/" + token), std::string::npos);
  EXPECT_NE(body.find("15 minutes"), std::string::npos);
  // Only the hash is stored.
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_login_tokens WHERE token_hash = $1", {token}), 0);

  EXPECT_EQ(find_login_link(*conn, token), sofia_);
  auto used = use_login_link(*conn, token);
  ASSERT_TRUE(used.has_value());
  EXPECT_EQ(*used, sofia_);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind = 'portal.signed_in'"), 1);

  auto again = use_login_link(*conn, token);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(find_login_link(*conn, token), std::nullopt);
}

TEST_P(PortalLoginTest, ALinkExpiresAfterFifteenMinutes) {
  auto conn = db().acquire();
  std::string token = issue_login_link(*conn, sofia_);
  pin_clock_for_tests(kStart + kLinkLifetime - 1);
  EXPECT_EQ(find_login_link(*conn, token), sofia_);
  pin_clock_for_tests(kStart + kLinkLifetime);
  EXPECT_EQ(find_login_link(*conn, token), std::nullopt);
  EXPECT_FALSE(use_login_link(*conn, token).has_value());
}

TEST_P(PortalLoginTest, ANewLinkMakesTheEarlierOneStopWorking) {
  auto conn = db().acquire();
  std::string first = issue_login_link(*conn, sofia_);
  pin_clock_for_tests(kStart + 60);
  std::string second = issue_login_link(*conn, sofia_);
  EXPECT_EQ(find_login_link(*conn, first), std::nullopt);
  EXPECT_EQ(find_login_link(*conn, second), sofia_);
}

TEST_P(PortalLoginTest, AtMostThreeLinksPerPersonAndWindowWhateverTheCaller) {
  auto conn = db().acquire();
  for (int i = 0; i < kLinksPerPerson; ++i) {
    pin_clock_for_tests(kStart + i);
    EXPECT_EQ(request_login_links(*conn, kSofiaEmail, "http://x"), 1) << i;
  }
  EXPECT_EQ(request_login_links(*conn, kSofiaEmail, "http://x"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = $1", {kSofiaEmail}),
            kLinksPerPerson);
  pin_clock_for_tests(kStart + kLinkWindow + 1);
  EXPECT_EQ(request_login_links(*conn, kSofiaEmail, "http://x"), 1);
}

TEST_P(PortalLoginTest, UnknownAddressesAndMergedRecordsGetNothing) {
  auto conn = db().acquire();
  EXPECT_EQ(request_login_links(*conn, "personne@exemple.fr", "http://x"), 0);
  std::string token = issue_login_link(*conn, sofia_);
  auto other = people::create_person(*conn, world_.ardennes,
                                     {.identity = {.birth_name = "Autre", .first_names = "Anne"}},
                                     people::Provenance::public_form());
  ASSERT_TRUE(other.has_value());
  conn->execute("UPDATE persons SET merged_into = $1 WHERE id = $2", {*other, sofia_});
  EXPECT_EQ(request_login_links(*conn, kSofiaEmail, "http://x"), 0);
  EXPECT_EQ(find_login_link(*conn, token), std::nullopt);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
}

TEST_P(PortalLoginTest, APersonSessionLoadsBackByItsTokenAndEndsAfterTwoIdleHours) {
  auto conn = db().acquire();
  Config config;
  auto created = create_person_session(*conn, sofia_);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_sessions WHERE token_hash = $1",
                  {http::hash_hex(created.token)}),
            1);
  auto loaded = load_person_session(*conn, created.token, config);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->person_id, sofia_);
  EXPECT_EQ(loaded->csrf_token, created.session.csrf_token);
  EXPECT_FALSE(load_person_session(*conn, http::random_token(), config).has_value());
  EXPECT_FALSE(load_person_session(*conn, "court", config).has_value());

  pin_clock_for_tests(kStart + 2 * 3600);
  EXPECT_TRUE(load_person_session(*conn, created.token, config).has_value());
  pin_clock_for_tests(kStart + 4 * 3600 + 1);
  EXPECT_FALSE(load_person_session(*conn, created.token, config).has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_sessions"), 0);  // deleted
}

TEST_P(PortalLoginTest, AnActivePersonSessionStillEndsAfterTwelveHours) {
  auto conn = db().acquire();
  Config config;
  auto created = create_person_session(*conn, sofia_);
  for (int hour = 1; hour <= 11; ++hour) {
    pin_clock_for_tests(kStart + hour * 3600);
    ASSERT_TRUE(load_person_session(*conn, created.token, config).has_value()) << hour;
  }
  pin_clock_for_tests(kStart + 12 * 3600 + 1);
  EXPECT_FALSE(load_person_session(*conn, created.token, config).has_value());
}

TEST_P(PortalLoginTest, AMergeEndsThePersonSessionsOfTheMergedRecord) {
  auto conn = db().acquire();
  Config config;
  auto created = create_person_session(*conn, sofia_);
  auto other = people::create_person(*conn, world_.ardennes,
                                     {.identity = {.birth_name = "Autre", .first_names = "Anne"}},
                                     people::Provenance::public_form());
  ASSERT_TRUE(other.has_value());
  conn->execute("UPDATE persons SET merged_into = $1 WHERE id = $2", {*other, sofia_});
  EXPECT_FALSE(load_person_session(*conn, created.token, config).has_value());
}

TEST(PersonSessionCookie, IsHttpOnlyLaxAndSecureOnlyOverHttps) {
  Config config;
  config.public_url = "http://127.0.0.1:8080";
  EXPECT_EQ(person_session_cookie("abc", config),
            "parcours_espace=abc; Path=/; HttpOnly; SameSite=Lax");
  config.public_url = "https://parcours.gouv.fr";
  EXPECT_EQ(person_session_cookie("abc", config),
            "parcours_espace=abc; Path=/; HttpOnly; SameSite=Lax; Secure");
  EXPECT_EQ(person_session_cookie("", config),
            "parcours_espace=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalLoginTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::portal
