// The caseload of a professional ("Les personnes que vous suivez"), on both engines.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "features/people/caseload.h"
#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "store/people_fixture.h"

namespace parcours::people {
namespace {

class PeopleCaseloadTest : public test::PeopleTest {
 protected:
  // A person followed in the Ardennes since `at`, with `user` in the team
  // (as référent when `referent`).
  std::int64_t follow(const char* birth_name, std::int64_t at, std::int64_t user, bool referent) {
    pin_clock_for_tests(at);
    auto conn = db().acquire();
    PersonForm form;
    form.identity = {.birth_name = birth_name, .first_names = "Alex", .sex = "M"};
    auto person = create_person(*conn, world_.ardennes, form,
                                Provenance::professional(world_.referent, world_.cd08));
    EXPECT_TRUE(person) << (person ? "" : person.error().message);
    // Opened without an author (as an import would), so that the team is only `user`.
    auto journey = open_journey(*conn, {.person_id = *person, .territory_id = world_.ardennes});
    EXPECT_TRUE(journey);
    EXPECT_TRUE(add_member(
        *conn, {.journey_id = *journey,
                .user_id = user,
                .organisation_id = user == world_.colleague ? world_.mission_locale : world_.cd08,
                .referent = referent}));
    return *journey;
  }

  std::vector<std::string> names(const CaseloadPage& page) {
    std::vector<std::string> out;
    for (const auto& e : page.entries) out.push_back(e.birth_name);
    return out;
  }
};

TEST_P(PeopleCaseloadTest, ListsTheActiveJourneysOfTheTeamsTheProfessionalIsIn) {
  follow("Ancien", 1'800'000'000, world_.referent, true);
  std::int64_t left = follow("Parti", 1'800'000'100, world_.colleague, false);
  follow("Récent", 1'800'000'200, world_.referent, false);
  std::int64_t closed = follow("Fermé", 1'800'000'300, world_.referent, true);
  follow("Autre", 1'800'000'400, world_.colleague, true);
  auto conn = db().acquire();
  ASSERT_TRUE(add_member(
      *conn, {.journey_id = left, .user_id = world_.referent, .organisation_id = world_.cd08}));
  ASSERT_TRUE(leave_team(*conn, left, world_.referent, "Relais pris par la mission locale",
                         {world_.referent, world_.cd08}));
  conn->execute("UPDATE journeys SET status = 'closed' WHERE id = $1", {closed});

  auto all = list_caseload(*conn, {.user_id = world_.referent, .territory_id = world_.ardennes});
  ASSERT_TRUE(all);
  EXPECT_EQ(names(*all), (std::vector<std::string>{"Récent", "Ancien"}));
  EXPECT_FALSE(all->entries[0].referent);
  EXPECT_TRUE(all->entries[1].referent);
  EXPECT_EQ(all->entries[0].journey_status, "to_orient");
  EXPECT_FALSE(all->next_cursor);

  auto referent = list_caseload(
      *conn, {.user_id = world_.referent, .territory_id = world_.ardennes, .referent_only = true});
  ASSERT_TRUE(referent);
  EXPECT_EQ(names(*referent), (std::vector<std::string>{"Ancien"}));

  auto elsewhere = list_caseload(*conn, {.user_id = world_.referent, .territory_id = world_.marne});
  ASSERT_TRUE(elsewhere);
  EXPECT_TRUE(elsewhere->entries.empty());
}

TEST_P(PeopleCaseloadTest, PagesByCursorWithoutGapsOrRepeatsEvenOnEqualActivityTimes) {
  // Seven journeys, three of them active at the same second.
  for (int i = 0; i < 7; ++i) {
    follow(("Personne" + std::string(1, static_cast<char>('A' + i))).c_str(),
           1'800'000'000 + (i < 3 ? 0 : i), world_.referent, false);
  }
  auto conn = db().acquire();
  std::vector<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page = list_caseload(*conn, {.user_id = world_.referent,
                                      .territory_id = world_.ardennes,
                                      .cursor = cursor,
                                      .limit = 2});
    ASSERT_TRUE(page);
    for (const auto& name : names(*page)) seen.push_back(name);
    cursor = page->next_cursor.value_or("");
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 4);
  EXPECT_EQ(seen, (std::vector<std::string>{"PersonneG", "PersonneF", "PersonneE", "PersonneD",
                                            "PersonneC", "PersonneB", "PersonneA"}));
}

TEST_P(PeopleCaseloadTest, RefusesAForgedCursorInFrench) {
  auto conn = db().acquire();
  for (const char* forged : {"abc", "12", "12-", "-3", "1-2-3", "99999999999999999999-1"}) {
    auto page = list_caseload(
        *conn, {.user_id = world_.referent, .territory_id = world_.ardennes, .cursor = forged});
    ASSERT_FALSE(page) << forged;
    EXPECT_EQ(page.error().field, "cursor");
    EXPECT_NE(page.error().message.find("curseur"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, PeopleCaseloadTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::people
