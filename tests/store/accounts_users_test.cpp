// Accounts service on both engines: creation, roles (several per account), the actor loader and
// password tokens.
#include <gtest/gtest.h>

#include "core/http/sessions.h"
#include "core/security/password.h"
#include "core/store/journal.h"
#include "features/accounts/actor.h"
#include "features/accounts/users.h"
#include "store/accounts_fixture.h"

namespace parcours::accounts {
namespace {

using security::Role;
constexpr std::int64_t kNow = 1'800'000'000;

class AccountsUsersTest : public test::AccountsTest {};

TEST_P(AccountsUsersTest, CreatesAnAccountWithTheEmailTrimmedAndLowercasedAndJournalsIt) {
  auto conn = db().acquire();
  auto id = create_user(*conn, {"  Zoe.Martin@Exemple.FR ", "Zoé Martin", std::nullopt}, 42);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_EQ(find_user_by_email(*conn, "zoe.martin@exemple.fr"), *id);
  EXPECT_EQ(find_user_by_email(*conn, "ZOE.MARTIN@exemple.fr "), *id);
  auto row =
      conn->query_one("SELECT email, name, password_hash, active FROM users WHERE id = $1", {*id});
  EXPECT_EQ(row->text(0), "zoe.martin@exemple.fr");
  EXPECT_EQ(row->text(1), "Zoé Martin");
  EXPECT_TRUE(row->is_null(2));
  EXPECT_TRUE(row->boolean(3));

  auto events = store::read_events(*conn, {.kind_prefix = "account.created"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor_id, 42);
  EXPECT_NE(events[0].payload_json.find("zoe.martin@exemple.fr"), std::string::npos);
}

TEST_P(AccountsUsersTest, StoresAnArgon2HashOfTheGivenPassword) {
  auto conn = db().acquire();
  auto id = create_user(*conn, {"a@exemple.fr", "A", "une phrase de passe"}, std::nullopt);
  ASSERT_TRUE(id.has_value());
  auto hash = conn->query_one("SELECT password_hash FROM users WHERE id = $1", {*id})->text(0);
  EXPECT_TRUE(security::verify_password(hash, "une phrase de passe"));
  auto events = store::read_events(*conn, {});
  for (const auto& e : events) EXPECT_EQ(e.payload_json.find("phrase"), std::string::npos);
}

TEST_P(AccountsUsersTest, RefusesASecondAccountForTheSameEmailWhateverItsCase) {
  auto conn = db().acquire();
  ASSERT_TRUE(create_user(*conn, {"a@exemple.fr", "A", std::nullopt}, std::nullopt));
  auto again = create_user(*conn, {"A@Exemple.fr", "B", std::nullopt}, std::nullopt);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "email");
  EXPECT_NE(again.error().message.find("existe déjà"), std::string::npos);
}

TEST_P(AccountsUsersTest, RejectsBadInputNamingTheField) {
  auto conn = db().acquire();
  struct Case {
    NewUser user;
    const char* field;
  };
  for (const Case& c :
       {Case{{"pas-une-adresse", "A", std::nullopt}, "email"},
        Case{{"a@exemple", "A", std::nullopt}, "email"},
        Case{{"a b@exemple.fr", "A", std::nullopt}, "email"},
        Case{{"", "A", std::nullopt}, "email"}, Case{{"a@exemple.fr", "  ", std::nullopt}, "name"},
        Case{{"a@exemple.fr", "A", "court"}, "password"}}) {
    auto result = create_user(*conn, c.user, std::nullopt);
    ASSERT_FALSE(result.has_value()) << c.user.email;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(result.error().field, c.field) << c.user.email;
  }
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM users")->integer(0), 0);
}

TEST_P(AccountsUsersTest, OneAccountHoldsRolesInSeveralOrganisationsAndTerritories) {
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"multi@exemple.fr", "Multi", std::nullopt}, std::nullopt);
  ASSERT_TRUE(grant_role(
      *conn, id,
      {.role = Role::kProfessional, .organisation_id = world_.mission_locale, .referent = true},
      std::nullopt));
  ASSERT_TRUE(grant_role(*conn, id, {.role = Role::kOrgAdmin, .organisation_id = world_.caf_marne},
                         std::nullopt));
  ASSERT_TRUE(grant_role(
      *conn, id, {.role = Role::kTerritoryManager, .territory_id = world_.ardennes}, std::nullopt));

  auto actor = load_actor(*conn, id, std::nullopt);
  ASSERT_TRUE(actor.has_value());
  ASSERT_EQ(actor->grants.size(), 3u);
  EXPECT_EQ(actor->grants[0].role, Role::kProfessional);
  EXPECT_TRUE(actor->grants[0].referent);
  EXPECT_FALSE(actor->grants[0].orientation);
  EXPECT_EQ(actor->grants[0].organisation_territory_id, world_.ardennes);
  EXPECT_EQ(actor->grants[1].organisation_territory_id, world_.marne);
  EXPECT_TRUE(actor->administers_organisation(world_.caf_marne));
  EXPECT_TRUE(actor->manages_territory(world_.ardennes));
  EXPECT_EQ(actor->organisation_ids(),
            (std::vector<std::int64_t>{world_.mission_locale, world_.caf_marne}));
  // Without a choice, the account acts for its first organisation.
  EXPECT_EQ(actor->acting_organisation_id, world_.mission_locale);
  EXPECT_EQ(load_actor(*conn, id, world_.caf_marne)->acting_organisation_id, world_.caf_marne);
  // An organisation the account does not belong to is not kept.
  EXPECT_EQ(load_actor(*conn, id, world_.ccas)->acting_organisation_id, world_.mission_locale);
}

TEST_P(AccountsUsersTest, RoleGrantedEventCarriesTheTerritoryOfTheOrganisation) {
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", std::nullopt}, std::nullopt);
  ASSERT_TRUE(
      grant_role(*conn, id, {.role = Role::kProfessional, .organisation_id = world_.ccas}, 7));
  auto events = store::read_events(*conn, {.kind_prefix = "account.role_granted"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].territory_id, world_.ardennes);
  EXPECT_EQ(events[0].actor_id, 7);
  EXPECT_NE(events[0].payload_json.find("\"role\":\"professional\""), std::string::npos);
}

TEST_P(AccountsUsersTest, GrantingTheSameRoleAgainReactivatesAndUpdatesIt) {
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", std::nullopt}, std::nullopt);
  auto first = *grant_role(*conn, id, {.role = Role::kProfessional, .organisation_id = world_.ccas},
                           std::nullopt);
  conn->execute("UPDATE user_roles SET active = 0 WHERE id = $1", {first});
  EXPECT_TRUE(load_actor(*conn, id, std::nullopt)->grants.empty());
  auto second = *grant_role(
      *conn, id, {.role = Role::kProfessional, .organisation_id = world_.ccas, .orientation = true},
      std::nullopt);
  EXPECT_EQ(second, first);
  auto actor = load_actor(*conn, id, std::nullopt);
  ASSERT_EQ(actor->grants.size(), 1u);
  EXPECT_TRUE(actor->grants[0].orientation);
}

TEST_P(AccountsUsersTest, RolesNeedTheirScopeAndOnlyTheirScope) {
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", std::nullopt}, std::nullopt);
  EXPECT_FALSE(grant_role(*conn, id, {.role = Role::kProfessional}, std::nullopt));
  EXPECT_FALSE(grant_role(*conn, id, {.role = Role::kTerritoryManager}, std::nullopt));
  EXPECT_FALSE(
      grant_role(*conn, id, {.role = Role::kAdmin, .organisation_id = world_.ccas}, std::nullopt));
  EXPECT_FALSE(grant_role(
      *conn, id,
      {.role = Role::kTerritoryManager, .territory_id = world_.ardennes, .orientation = true},
      std::nullopt));
  auto unknown =
      grant_role(*conn, id, {.role = Role::kOrgAdmin, .organisation_id = 999999}, std::nullopt);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().field, "organisation_id");
  EXPECT_TRUE(grant_role(*conn, id, {.role = Role::kAdmin}, std::nullopt));
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM user_roles")->integer(0), 1);
}

TEST_P(AccountsUsersTest, DeactivatedAccountsAndOrganisationsGiveNoActor) {
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", std::nullopt}, std::nullopt);
  ASSERT_TRUE(grant_role(*conn, id, {.role = Role::kProfessional, .organisation_id = world_.ccas},
                         std::nullopt));
  conn->execute("UPDATE organisations SET active = 0 WHERE id = $1", {world_.ccas});
  auto actor = load_actor(*conn, id, std::nullopt);
  ASSERT_TRUE(actor.has_value());
  EXPECT_TRUE(actor->grants.empty());
  EXPECT_EQ(actor->acting_organisation_id, std::nullopt);
  conn->execute("UPDATE users SET active = 0 WHERE id = $1", {id});
  EXPECT_FALSE(load_actor(*conn, id, std::nullopt).has_value());
  EXPECT_FALSE(load_actor(*conn, 999999, std::nullopt).has_value());
}

TEST_P(AccountsUsersTest, ResetTokenSetsThePasswordOnceAndEndsTheSessions) {
  pin_clock_for_tests(kNow);
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", "ancien mot de passe"}, std::nullopt);
  auto session = http::create_session(*conn, id, std::nullopt);
  std::string token = issue_password_token(*conn, id, "reset");
  EXPECT_EQ(token.size(), 43u);
  // Only the hash is stored.
  EXPECT_FALSE(conn->query_one("SELECT 1 FROM password_tokens WHERE token_hash = $1", {token}));

  auto found = find_password_token(*conn, token);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user_id, id);
  EXPECT_EQ(found->purpose, "reset");
  EXPECT_EQ(found->email, "p@exemple.fr");

  auto used = use_password_token(*conn, token, security::hash_password("nouveau mot de passe"));
  ASSERT_TRUE(used.has_value());
  auto hash = conn->query_one("SELECT password_hash FROM users WHERE id = $1", {id})->text(0);
  EXPECT_TRUE(security::verify_password(hash, "nouveau mot de passe"));
  EXPECT_FALSE(http::load_session(*conn, session.token, Config{}).has_value());
  EXPECT_EQ(store::read_events(*conn, {.kind_prefix = "account.password_set"}).size(), 1u);

  auto again = use_password_token(*conn, token, security::hash_password("troisième essai!"));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(find_password_token(*conn, token).has_value());
}

TEST_P(AccountsUsersTest, ResetTokenExpiresAfterThirtyMinutes) {
  pin_clock_for_tests(kNow);
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", std::nullopt}, std::nullopt);
  std::string token = issue_password_token(*conn, id, "reset");
  pin_clock_for_tests(kNow + 30 * 60 - 1);
  EXPECT_TRUE(find_password_token(*conn, token).has_value());
  pin_clock_for_tests(kNow + 30 * 60);
  EXPECT_FALSE(find_password_token(*conn, token).has_value());
  EXPECT_FALSE(use_password_token(*conn, token, "$argon2id$x").has_value());
}

TEST_P(AccountsUsersTest, InvitationTokenIsValidSevenDays) {
  pin_clock_for_tests(kNow);
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", std::nullopt}, std::nullopt);
  std::string token = issue_password_token(*conn, id, "invitation");
  pin_clock_for_tests(kNow + 6 * 86400);
  EXPECT_EQ(find_password_token(*conn, token)->purpose, "invitation");
  pin_clock_for_tests(kNow + 7 * 86400);
  EXPECT_FALSE(find_password_token(*conn, token).has_value());
}

TEST_P(AccountsUsersTest, ANewResetLinkReplacesTheEarlierOne) {
  pin_clock_for_tests(kNow);
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", std::nullopt}, std::nullopt);
  std::string first = issue_password_token(*conn, id, "reset");
  std::string invitation = issue_password_token(*conn, id, "invitation");
  pin_clock_for_tests(kNow + 60);
  std::string second = issue_password_token(*conn, id, "reset");
  EXPECT_FALSE(find_password_token(*conn, first).has_value());
  EXPECT_TRUE(find_password_token(*conn, second).has_value());
  EXPECT_TRUE(find_password_token(*conn, invitation).has_value());
}

TEST_P(AccountsUsersTest, TokensOfADeactivatedAccountDoNotWork) {
  auto conn = db().acquire();
  auto id = *create_user(*conn, {"p@exemple.fr", "P", std::nullopt}, std::nullopt);
  std::string token = issue_password_token(*conn, id, "reset");
  conn->execute("UPDATE users SET active = 0 WHERE id = $1", {id});
  EXPECT_FALSE(find_password_token(*conn, token).has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsUsersTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::accounts
