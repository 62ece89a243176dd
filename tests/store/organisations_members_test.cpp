// Members of an organisation on both engines: invitations (new and existing accounts, with the
// mail and its link), roles, deactivation (the roles no longer load into the Actor), the
// journal, and refusals that name the field and write nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/store/journal.h"
#include "features/accounts/actor.h"
#include "features/accounts/users.h"
#include "features/organisations/members.h"
#include "features/territories/territory.h"
#include "store/geo_fixture.h"
#include "support/test_db.h"

namespace parcours::organisations {
namespace {

using security::Role;

class MembersTest : public test::EngineTest {
 protected:
  void SetUp() override {
    test::EngineTest::SetUp();
    auto conn = db().acquire();
    test::load_fixture_geography(*conn);
    auto territory = territories::create_territory(*conn,
                                                   {.name = "Ardennes",
                                                    .departements = "08",
                                                    .orientation_deadline_days = "30",
                                                    .deadline_mode = "calendar",
                                                    .retention_months = "24"},
                                                   std::nullopt);
    ASSERT_TRUE(territory);
    auto id = create_organisation(*conn,
                                  {.territory_id = std::to_string(*territory),
                                   .name = "Mission locale de Sedan",
                                   .kind = "mission_locale",
                                   .commune = "08409"},
                                  std::nullopt);
    ASSERT_TRUE(id);
    org_ = *find_organisation(*conn, *id);
    auto admin = accounts::create_user(
        *conn, {.email = "chef@ml.test", .name = "Chef", .password = "un mot de passe long"},
        std::nullopt);
    ASSERT_TRUE(admin);
    admin_id_ = *admin;
    ASSERT_TRUE(accounts::grant_role(
        *conn, admin_id_, {.role = Role::kOrgAdmin, .organisation_id = org_.id}, std::nullopt));
  }

  InviteForm invitation(const std::string& email) const {
    return {.email = email,
            .name = "Rose Référente",
            .roles = {.role = "professional", .referent = true}};
  }

  std::int64_t count(store::Connection& conn, const std::string& sql) {
    return conn.query_one(sql)->integer(0);
  }

  Organisation org_;
  std::int64_t admin_id_ = 0;
};

TEST_P(MembersTest, InvitingANewPersonCreatesTheAccountGrantsTheRoleAndQueuesAMailWithALink) {
  auto conn = db().acquire();
  auto invited =
      invite_member(*conn, org_, invitation(" Rose@ML.test "), "https://parcours.test", admin_id_);
  ASSERT_TRUE(invited) << invited.error().message;
  EXPECT_TRUE(invited->new_account);
  auto member = find_member(*conn, org_.id, invited->user_id);
  ASSERT_TRUE(member);
  EXPECT_EQ(member->email, "rose@ml.test");
  EXPECT_EQ(member->role, Role::kProfessional);
  EXPECT_TRUE(member->referent);
  EXPECT_FALSE(member->orientation);
  EXPECT_FALSE(member->password_set);

  auto mail = conn->query_one("SELECT to_address, subject, body FROM outbox");
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->text(0), "rose@ml.test");
  EXPECT_NE(mail->text(1).find("Mission locale de Sedan"), std::string::npos);
  EXPECT_NE(mail->text(2).find("https://parcours.test/mot-de-passe/"), std::string::npos);

  auto journal = store::read_events(*conn, {.kind_prefix = "member.invited"});
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].territory_id, org_.territory_id);
  EXPECT_EQ(journal[0].actor_id, admin_id_);
}

TEST_P(MembersTest, InvitingAnExistingAccountAddsTheRoleWithoutAPasswordLink) {
  auto conn = db().acquire();
  auto existing = accounts::create_user(
      *conn, {.email = "ailleurs@caf.test", .name = "Déjà Là", .password = "un mot de passe long"},
      std::nullopt);
  ASSERT_TRUE(existing);
  auto invited =
      invite_member(*conn, org_, {.email = "ailleurs@caf.test", .roles = {.role = "org_admin"}},
                    "https://parcours.test", admin_id_);
  ASSERT_TRUE(invited) << invited.error().message;
  EXPECT_FALSE(invited->new_account);
  EXPECT_EQ(invited->user_id, *existing);
  EXPECT_EQ(find_member(*conn, org_.id, *existing)->role, Role::kOrgAdmin);
  auto body = conn->query_one("SELECT body FROM outbox")->text(0);
  EXPECT_EQ(body.find("/mot-de-passe/"), std::string::npos);
  EXPECT_NE(body.find("/connexion"), std::string::npos);
}

TEST_P(MembersTest, RefusesAnActiveMemberTwiceAndBadInputWritingNothing) {
  auto conn = db().acquire();
  auto again =
      invite_member(*conn, org_, {.email = "chef@ml.test", .roles = {.role = "professional"}},
                    "https://parcours.test", admin_id_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "email");

  auto no_name = invitation("nouveau@ml.test");
  no_name.name = " ";
  EXPECT_EQ(invite_member(*conn, org_, no_name, "https://parcours.test", admin_id_).error().field,
            "name");
  auto bad_role = invitation("nouveau@ml.test");
  bad_role.roles.role = "admin";
  EXPECT_EQ(invite_member(*conn, org_, bad_role, "https://parcours.test", admin_id_).error().field,
            "role");
  auto bad_email = invitation("pas une adresse");
  EXPECT_FALSE(invite_member(*conn, org_, bad_email, "https://parcours.test", admin_id_));

  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM users"), 1);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_TRUE(store::read_events(*conn, {.kind_prefix = "member."}).empty());
}

TEST_P(MembersTest, ChangingTheRoleDeactivatesTheOtherOneAndJournalsBeforeAndAfter) {
  auto conn = db().acquire();
  auto invited =
      invite_member(*conn, org_, invitation("rose@ml.test"), "https://x.test", admin_id_);
  ASSERT_TRUE(invited);
  ASSERT_TRUE(set_member_roles(*conn, org_, invited->user_id,
                               {.role = "org_admin", .orientation = true}, admin_id_));
  auto member = find_member(*conn, org_.id, invited->user_id);
  EXPECT_EQ(member->role, Role::kOrgAdmin);
  EXPECT_TRUE(member->orientation);
  EXPECT_FALSE(member->referent);
  EXPECT_EQ(count(*conn, "SELECT COUNT(*) FROM user_roles WHERE active = 1 AND user_id = " +
                             std::to_string(invited->user_id)),
            1);

  auto journal = store::read_events(*conn, {.kind_prefix = "member.roles_updated"});
  ASSERT_EQ(journal.size(), 1u);
  auto roles = boost::json::parse(journal[0].payload_json).at("changes").at("roles");
  EXPECT_EQ(roles.at("before").at("role").as_string(), "professional");
  EXPECT_EQ(roles.at("after").at("role").as_string(), "org_admin");
}

TEST_P(MembersTest, AnOrgAdminCannotDropTheirOwnAdminRoleNorDeactivateThemself) {
  auto conn = db().acquire();
  auto dropped = set_member_roles(*conn, org_, admin_id_, {.role = "professional"}, admin_id_);
  ASSERT_FALSE(dropped);
  EXPECT_EQ(dropped.error().field, "role");
  EXPECT_FALSE(deactivate_member(*conn, org_, admin_id_, admin_id_));
  EXPECT_EQ(find_member(*conn, org_.id, admin_id_)->role, Role::kOrgAdmin);
}

TEST_P(MembersTest, ADeactivatedMemberNoLongerHoldsTheRoleInTheirActor) {
  auto conn = db().acquire();
  auto invited =
      invite_member(*conn, org_, invitation("rose@ml.test"), "https://x.test", admin_id_);
  ASSERT_TRUE(invited);
  auto before = accounts::load_actor(*conn, invited->user_id, org_.id);
  ASSERT_TRUE(before);
  EXPECT_TRUE(before->member_of_organisation(org_.id));

  ASSERT_TRUE(deactivate_member(*conn, org_, invited->user_id, admin_id_));
  auto member = find_member(*conn, org_.id, invited->user_id);
  ASSERT_TRUE(member);
  EXPECT_FALSE(member->active);
  auto after = accounts::load_actor(*conn, invited->user_id, org_.id);
  EXPECT_TRUE(!after || !after->member_of_organisation(org_.id));
  EXPECT_EQ(store::read_events(*conn, {.kind_prefix = "member.deactivated"}).size(), 1u);

  // Inviting them again brings the role back.
  ASSERT_TRUE(invite_member(*conn, org_, invitation("rose@ml.test"), "https://x.test", admin_id_));
  EXPECT_TRUE(find_member(*conn, org_.id, invited->user_id)->active);
}

// The members page keeps its table while members_version is unchanged: the database must bump
// it on every change that the table shows, and not on a mere login.
TEST_P(MembersTest, TheMembersVersionMovesWithEveryChangeOfTheMembersAndOnlyThen) {
  auto conn = db().acquire();
  auto version = [&] { return find_organisation(*conn, org_.id)->members_version; };
  std::int64_t v0 = version();
  auto invited = invite_member(*conn, org_, invitation("rose@ml.test"), "http://x", admin_id_);
  ASSERT_TRUE(invited);
  std::int64_t v1 = version();
  EXPECT_GT(v1, v0) << "invitation";
  ASSERT_TRUE(set_member_roles(*conn, org_, invited->user_id, {.role = "org_admin"}, admin_id_));
  std::int64_t v2 = version();
  EXPECT_GT(v2, v1) << "rôles";
  conn->execute("UPDATE users SET name = 'Rose Martin' WHERE id = $1", {invited->user_id});
  std::int64_t v3 = version();
  EXPECT_GT(v3, v2) << "nom du compte";
  conn->execute("UPDATE users SET last_login_at = 1 WHERE id = $1", {invited->user_id});
  EXPECT_EQ(version(), v3) << "une connexion ne change pas la liste";
  ASSERT_TRUE(deactivate_member(*conn, org_, invited->user_id, admin_id_));
  std::int64_t v4 = version();
  EXPECT_GT(v4, v3) << "désactivation";
  conn->execute("DELETE FROM user_roles WHERE user_id = $1", {invited->user_id});
  EXPECT_GT(version(), v4) << "suppression du rôle";

  auto other = create_organisation(*conn,
                                   {.territory_id = std::to_string(org_.territory_id),
                                    .name = "CCAS de Sedan",
                                    .kind = "ccas",
                                    .commune = "08409"},
                                   std::nullopt);
  ASSERT_TRUE(other);
  std::int64_t before = version();
  ASSERT_TRUE(accounts::grant_role(
      *conn, admin_id_, {.role = Role::kProfessional, .organisation_id = *other}, std::nullopt));
  EXPECT_EQ(version(), before) << "un rôle dans une autre structure";
}

INSTANTIATE_TEST_SUITE_P(Engines, MembersTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::organisations
