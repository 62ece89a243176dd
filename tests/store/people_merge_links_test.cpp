// A merge carries what points at the merged record beyond its fields and journeys: the
// referrals made for it, the appointments, commitments and outcomes of its journeys, the CAF spouse
// relation (both ways) and the role in the RSA file; the undo puts them back. Both engines.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "features/people/merge.h"
#include "features/people/persons.h"
#include "store/referrals_fixture.h"

namespace parcours::people {
namespace {

class PeopleMergeLinksTest : public test::PeopleTest {
 protected:
  std::int64_t person(store::Connection& conn, const std::string& name, const char* birth,
                      store::Value caf_role, store::Value spouse) {
    return conn
        .query_one(
            "INSERT INTO persons (territory_id, birth_name, first_names, birth_date, caf_role, "
            "spouse_id, created_at, updated_at) VALUES ($1, $2, 'Camille', $3, $4, $5, 0, 0) "
            "RETURNING id",
            {world_.ardennes, name, birth, caf_role, spouse})
        .value()
        .integer(0);
  }
  std::optional<std::int64_t> spouse_of(store::Connection& conn, std::int64_t id) {
    return conn.query_one("SELECT spouse_id FROM persons WHERE id = $1", {id})->opt_integer(0);
  }
  std::optional<std::string> role_of(store::Connection& conn, std::int64_t id) {
    return conn.query_one("SELECT caf_role FROM persons WHERE id = $1", {id})->opt_text(0);
  }
};

TEST_P(PeopleMergeLinksTest, ReferralsSpouseAndRoleFollowTheMergeAndComeBackOnUndo) {
  pin_clock_for_tests(1'800'000'000);
  auto conn = db().acquire();
  // The kept record, typed by a professional: no role, no spouse. The duplicate came from the
  // CAF flux: applicant, married to Dominique, who points back at it.
  auto kept = person(*conn, "Petit", "1985-01-02", nullptr, nullptr);
  auto dup = person(*conn, "Petit", "1985-01-02", "DEM", nullptr);
  auto spouse = person(*conn, "Petit", "1983-07-08", "CJT", dup);
  conn->execute("UPDATE persons SET spouse_id = $2 WHERE id = $1", {dup, spouse});
  auto journey = conn->query_one(
                         "INSERT INTO journeys (person_id, territory_id, status, entry, opened_at, "
                         "last_activity_at) VALUES ($1, $2, 'accompanied', 'professional', 0, 0) "
                         "RETURNING id",
                         {dup, world_.ardennes})
                     ->integer(0);
  auto structure = test::insert_structure(*conn, "ml", world_.mission_locale, "Mission locale");
  auto service = test::insert_service(*conn, structure, "ml-mob", "Aide au permis", "[]",
                                      R"(["08"])", "08105", "Charleville-Mézières");
  auto referral = conn->query_one(
                          "INSERT INTO referrals (journey_id, person_id, service_id, "
                          "sender_user_id, sender_organisation_id, message, consent_mode, "
                          "consent_at, sent_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'Bonjour', "
                          "'in_person', 0, 0, 0) RETURNING id",
                          {journey, dup, service, world_.referent, world_.cd08})
                      ->integer(0);

  // An appointment, a commitment and an outcome of the same journey.
  auto appointment =
      conn->query_one(
              "INSERT INTO appointments (journey_id, person_id, territory_id, professional_id, "
              "organisation_id, starts_at, duration_minutes, ends_at, place_kind, place, purpose, "
              "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1800100000, 30, 1800101800, "
              "'phone', '03 24 00 00 00', 'Point', 0, 0) RETURNING id",
              {journey, dup, world_.ardennes, world_.referent, world_.cd08})
          ->integer(0);
  auto commitment =
      conn->query_one(
              "INSERT INTO commitments (journey_id, person_id, territory_id, kind, start_date, "
              "end_date, rights_and_duties, created_at, updated_at) VALUES ($1, $2, $3, 'cer', "
              "'2027-01-01', '2027-06-30', 'Venir aux rendez-vous', 0, 0) RETURNING id",
              {journey, dup, world_.ardennes})
          ->integer(0);
  auto outcome = conn->query_one(
                         "INSERT INTO outcomes (journey_id, person_id, territory_id, kind, title, "
                         "start_date, created_at, updated_at) VALUES ($1, $2, $3, 'job', "
                         "'Cariste', '2027-02-01', 0, 0) RETURNING id",
                         {journey, dup, world_.ardennes})
                     ->integer(0);
  auto person_of = [&](const char* table, std::int64_t id) {
    return conn->query_one(std::string("SELECT person_id FROM ") + table + " WHERE id = $1", {id})
        ->integer(0);
  };

  auto merge = merge_persons(*conn, kept, dup, world_.manager);
  ASSERT_TRUE(merge) << merge.error().message;
  EXPECT_EQ(
      conn->query_one("SELECT person_id FROM referrals WHERE id = $1", {referral})->integer(0),
      kept);
  EXPECT_EQ(person_of("appointments", appointment), kept);
  EXPECT_EQ(person_of("commitments", commitment), kept);
  EXPECT_EQ(person_of("outcomes", outcome), kept);
  EXPECT_EQ(spouse_of(*conn, kept), spouse);
  EXPECT_EQ(spouse_of(*conn, spouse), kept);
  EXPECT_EQ(role_of(*conn, kept), "DEM");

  ASSERT_TRUE(unmerge(*conn, *merge, world_.manager));
  EXPECT_EQ(
      conn->query_one("SELECT person_id FROM referrals WHERE id = $1", {referral})->integer(0),
      dup);
  EXPECT_EQ(person_of("appointments", appointment), dup);
  EXPECT_EQ(person_of("commitments", commitment), dup);
  EXPECT_EQ(person_of("outcomes", outcome), dup);
  EXPECT_FALSE(spouse_of(*conn, kept));
  EXPECT_EQ(spouse_of(*conn, spouse), dup);
  EXPECT_EQ(spouse_of(*conn, dup), spouse);
  EXPECT_FALSE(role_of(*conn, kept));
  EXPECT_EQ(role_of(*conn, dup), "DEM");
}

TEST_P(PeopleMergeLinksTest, AKeptRecordWithASpouseKeepsIt) {
  auto conn = db().acquire();
  auto other = person(*conn, "Martin", "1980-01-01", nullptr, nullptr);
  auto kept = person(*conn, "Petit", "1985-01-02", "CJT", other);
  auto third = person(*conn, "Leroy", "1981-01-01", nullptr, nullptr);
  auto dup = person(*conn, "Petit", "1985-01-02", "DEM", third);
  auto merge = merge_persons(*conn, kept, dup, world_.manager);
  ASSERT_TRUE(merge) << merge.error().message;
  EXPECT_EQ(spouse_of(*conn, kept), other);
  EXPECT_EQ(role_of(*conn, kept), "CJT");
}

INSTANTIATE_TEST_SUITE_P(Engines, PeopleMergeLinksTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::people
