// "Qui a consulté mon dossier": reads by professionals with their organisation and role at the
// time of the read, grouped within the hour; the person's own reads and other persons' records
// are not listed. On both engines.
#include <gtest/gtest.h>

#include "core/store/journal.h"
#include "features/portal/accesses.h"
#include "store/portal_fixture.h"

namespace parcours::portal {
namespace {

class PortalAccessesTest : public test::PortalTest {
 protected:
  void read(std::int64_t user_id, std::int64_t at, std::int64_t person_id = 0) {
    pin_clock_for_tests(at);
    store::log_access(*db().acquire(), {.actor_id = user_id,
                                        .person_id = person_id ? person_id : sofia_,
                                        .part = "journey",
                                        .purpose = "/personnes/1"});
  }
};

TEST_P(PortalAccessesTest, ListsReadsByOrganisationAndRoleNewestFirstWithoutTheirOwn) {
  read(world_.referent, kStart + 100);
  read(world_.orienter, kStart + 20'000);
  read(world_.manager, kStart + 40'000);
  log_own_read(*db().acquire(), sofia_, "home");

  auto accesses = list_accesses(*db().acquire(), sofia_);
  ASSERT_EQ(accesses.size(), 3u);
  EXPECT_EQ(accesses[0].at, kStart + 40'000);
  EXPECT_EQ(accesses[0].organisation, "Territoire Ardennes");
  EXPECT_EQ(accesses[0].role, "Responsable du territoire");
  EXPECT_EQ(accesses[1].organisation, "CD 08");
  EXPECT_EQ(accesses[1].role, "Chargé(e) d'orientation");
  EXPECT_EQ(accesses[2].organisation, "CD 08");
  EXPECT_EQ(accesses[2].role, "Référent(e) de votre parcours");
  for (const auto& access : accesses) {
    EXPECT_EQ(access.organisation.find("Sofia Martin"), std::string::npos);
    EXPECT_EQ(access.role.find("Claire"), std::string::npos);
  }
}

// On SQLite the index by person is copied behind the log (store::index_accesses): the reads
// already copied and those past the copy are listed together, each once.
TEST_P(PortalAccessesTest, ReadsCopiedIntoTheIndexAndReadsPastItAreListedTogetherOnce) {
  read(world_.referent, kStart + 100);
  read(world_.orienter, kStart + 20'000);
  EXPECT_EQ(store::index_accesses(*db().acquire()),
            db().dialect() == store::Dialect::kSqlite ? 2 : 0);
  read(world_.manager, kStart + 40'000);
  read(world_.manager, kStart + 60'000, sofia_ + 1000);  // another person's record

  auto accesses = list_accesses(*db().acquire(), sofia_);
  ASSERT_EQ(accesses.size(), 3u);
  EXPECT_EQ(accesses[0].at, kStart + 40'000);
  EXPECT_EQ(accesses[1].at, kStart + 20'000);
  EXPECT_EQ(accesses[2].at, kStart + 100);
  for (const auto& access : accesses) EXPECT_EQ(access.count, 1);

  store::index_accesses(*db().acquire());
  EXPECT_EQ(list_accesses(*db().acquire(), sofia_).size(), 3u);
  EXPECT_EQ(list_accesses(*db().acquire(), sofia_ + 1000).size(), 1u);
}

TEST_P(PortalAccessesTest, TheRoleIsTheOneHeldAtTheTimeOfTheRead) {
  read(world_.colleague, kStart + 100);
  pin_clock_for_tests(kStart + 5'000);
  auto left =
      people::leave_team(*db().acquire(), journey_, world_.colleague, "Fin de l’accompagnement",
                         {world_.colleague, world_.mission_locale});
  ASSERT_TRUE(left.has_value()) << left.error().message;
  read(world_.colleague, kStart + 10'000);

  auto accesses = list_accesses(*db().acquire(), sofia_);
  ASSERT_EQ(accesses.size(), 2u);
  EXPECT_EQ(accesses[0].organisation, "Mission locale");
  EXPECT_EQ(accesses[0].role, "Référent(e) de parcours");  // their account's role, not the team's
  EXPECT_EQ(accesses[1].organisation, "Mission locale");
  EXPECT_EQ(accesses[1].role, "Membre de votre équipe de suivi");
}

TEST_P(PortalAccessesTest, ReadsCloseInTimeBySameOrganisationAndRoleAreGrouped) {
  read(world_.referent, kStart + 100);
  read(world_.referent, kStart + 1'000);
  read(world_.referent, kStart + 3'000);
  read(world_.outsider, kStart + 3'100);
  read(world_.referent, kStart + 3'200);
  read(world_.referent, kStart + 20'000);

  auto accesses = list_accesses(*db().acquire(), sofia_);
  ASSERT_EQ(accesses.size(), 4u);
  EXPECT_EQ(accesses[0].count, 1);  // 20'000: more than an hour after the group below
  EXPECT_EQ(accesses[1].count, 1);  // 3'200
  EXPECT_EQ(accesses[2].organisation, "CCAS de Sedan");
  EXPECT_EQ(accesses[2].role, "Professionnel(le)");
  EXPECT_EQ(accesses[3].count, 3);  // 100, 1'000, 3'000
  EXPECT_EQ(accesses[3].at, kStart + 3'000);
}

TEST_P(PortalAccessesTest, ReadsOfAnotherPersonAreNotListed) {
  auto other = people::create_person(*db().acquire(), world_.ardennes,
                                     {.identity = {.birth_name = "Autre", .first_names = "Anne"}},
                                     people::Provenance::public_form());
  ASSERT_TRUE(other.has_value());
  read(world_.referent, kStart + 100, *other);
  EXPECT_TRUE(list_accesses(*db().acquire(), sofia_).empty());
  EXPECT_EQ(list_accesses(*db().acquire(), *other).size(), 1u);
}

TEST_P(PortalAccessesTest, OwnReadsAreLoggedWithoutAnAccount) {
  log_own_read(*db().acquire(), sofia_, "export");
  EXPECT_EQ(count("SELECT COUNT(*) FROM access_log WHERE person_id = $1 AND actor_id = $2 AND "
                  "part = 'export'",
                  {sofia_, kPersonReader}),
            1);
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalAccessesTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::portal
