// Search on both engines: names in any order, accent-, case- and hyphen-insensitive, by prefix;
// identifiers; the actor's territory only; objections; cursor pagination that never repeats or
// skips a person.
#include <gtest/gtest.h>

#include <set>

#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/search.h"
#include "store/people_fixture.h"

namespace parcours::people {
namespace {

class PeopleSearchTest : public test::PeopleTest {
 protected:
  std::int64_t add(const char* birth, const char* usage, const char* first, std::int64_t territory,
                   IdentityForm extra = {}, ContactForm contact = {}) {
    auto conn = db().acquire();
    PersonForm f;
    f.identity = extra;
    f.identity.birth_name = birth;
    f.identity.usage_name = usage;
    f.identity.first_names = first;
    f.contact = contact;
    auto id = create_person(*conn, territory, f, Provenance::public_form());
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(0);
  }

  std::vector<std::int64_t> find(const std::string& q, std::int64_t territory = 0) {
    auto conn = db().acquire();
    auto page = search_persons(
        *conn, {.territory_id = territory ? territory : world_.ardennes, .text = q, .limit = 100});
    EXPECT_TRUE(page) << q << " : " << page.error().message;
    std::vector<std::int64_t> ids;
    if (page) {
      for (const auto& h : page->hits) ids.push_back(h.person_id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }
};

using Ids = std::vector<std::int64_t>;

TEST_P(PeopleSearchTest, FindsNamesInAnyOrderWhateverAccentsCaseAndHyphens) {
  auto dupont_marie = add("Dupont", "", "Marie", world_.ardennes);
  auto dupont_marc = add("DUPONT", "", "Marc-Antoine", world_.ardennes);
  auto dupond = add("Dupond", "", "Martine", world_.ardennes);
  auto ndiaye = add("N'Diaye", "", "Aïssatou", world_.ardennes);
  auto lefevre = add("Durand", "Lefèvre-Martin", "Sofia", world_.ardennes);
  auto marne = add("Dupont", "", "Marie", world_.marne);

  EXPECT_EQ(find("dupont mar"), (Ids{dupont_marie, dupont_marc}));
  EXPECT_EQ(find("MAR dupont"), (Ids{dupont_marie, dupont_marc}));
  EXPECT_EQ(find("dupon"), (Ids{dupont_marie, dupont_marc, dupond}));
  EXPECT_EQ(find("Dupont Marc-Antoine"), (Ids{dupont_marc}));
  EXPECT_EQ(find("antoine"), (Ids{dupont_marc}));
  EXPECT_EQ(find("N'Diaye"), (Ids{ndiaye}));
  EXPECT_EQ(find("ndiaye"), (Ids{ndiaye}));
  EXPECT_EQ(find("n’diaye aissatou"), (Ids{ndiaye}));
  EXPECT_EQ(find("Lefèvre-Martin"), (Ids{lefevre}));
  EXPECT_EQ(find("lefevre martin"), (Ids{lefevre}));
  EXPECT_EQ(find("LEFEVRE"), (Ids{lefevre}));
  EXPECT_EQ(find("durand sofia"), (Ids{lefevre}));
  EXPECT_EQ(find("martin"), (Ids{dupond, lefevre}));  // Martine, Lefèvre-Martin
  EXPECT_TRUE(find("dupont zoe").empty());
  EXPECT_EQ(find("dupont marie", world_.marne), (Ids{marne}));
}

TEST_P(PeopleSearchTest, FindsIdentifiersTypedInAnyForm) {
  auto sofia = add("Durand", "", "Sofia", world_.ardennes,
                   {.nir = "284050812345638",
                    .caf_number = "1234567",
                    .ft_id = "1234567A",
                    .internal_id = "CD08-42"},
                   {.email = "sofia@exemple.fr", .phone = "06 12 34 56 78"});
  add("Autre", "", "Personne", world_.ardennes, {}, {.phone = "0700000000"});
  EXPECT_EQ(find("2 84 05 08 123 456"), (Ids{sofia}));
  EXPECT_EQ(find("2840508123456 38"), (Ids{sofia}));
  EXPECT_EQ(find("000000001234567"), (Ids{sofia}));
  EXPECT_EQ(find("1234567a"), (Ids{sofia}));
  EXPECT_EQ(find("+33 6 12 34 56 78"), (Ids{sofia}));
  EXPECT_EQ(find("06.12.34.56.78"), (Ids{sofia}));
  EXPECT_EQ(find("SOFIA@exemple.fr"), (Ids{sofia}));
  EXPECT_EQ(find("CD08-42"), (Ids{sofia}));
  EXPECT_TRUE(find("06 12 34 56 78", world_.marne).empty());  // not followed in the Marne
}

TEST_P(PeopleSearchTest, RefusesBadQueriesNamingTheField) {
  auto conn = db().acquire();
  for (const std::string& q :
       {std::string(""), std::string("   "), std::string(201, 'a'), std::string("--"),
        std::string("2 84 05 08 123 456 39"), std::string("sofia@")}) {
    auto page = search_persons(*conn, {.territory_id = world_.ardennes, .text = q});
    ASSERT_FALSE(page) << q;
    EXPECT_EQ(page.error().field, "q") << q;
    EXPECT_EQ(page.error().code, ErrorCode::kInvalid);
  }
  for (const std::string& cursor : {"abc", "12-zz", "12-6162", "-"}) {
    auto page = search_persons(
        *conn, {.territory_id = world_.ardennes, .text = "martin", .cursor = cursor});
    ASSERT_FALSE(page) << cursor;
    EXPECT_EQ(page.error().field, "cursor");
  }
}

TEST_P(PeopleSearchTest, PagesByCursorWithoutRepeatingOrSkippingAnyone) {
  std::set<std::int64_t> expected;
  const char* firsts[] = {"Marie", "Martin", "Marc", "Marius", "Marine", "Maryse", "Marcel"};
  for (int i = 0; i < 23; ++i) {
    // Several terms of one person match "mar": each must come once.
    expected.insert(add("Martinez", "Marchal", firsts[i % 7], world_.ardennes));
  }
  add("Dupont", "", "Paul", world_.ardennes);
  auto conn = db().acquire();
  std::set<std::int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page = search_persons(
        *conn, {.territory_id = world_.ardennes, .text = "mar", .cursor = cursor, .limit = 5});
    ASSERT_TRUE(page) << page.error().message;
    for (const auto& hit : page->hits) {
      EXPECT_TRUE(seen.insert(hit.person_id).second) << "repeated " << hit.person_id;
    }
    // A person created between two pages does not shift the next ones.
    if (pages == 1) add("Aaron", "", "Marc", world_.ardennes);
    cursor = page->next_cursor.value_or("");
    ++pages;
  } while (!cursor.empty() && pages < 20);
  for (auto id : expected) EXPECT_TRUE(seen.contains(id)) << "skipped " << id;
  EXPECT_GE(pages, 5);
}

TEST_P(PeopleSearchTest, ARarerWordDrivesTheSearchWithoutChangingItsResultsOrOrder) {
  // "martin meh": "martin" (the longest word) begins 35 terms, "meh" 4: "meh" drives the scan,
  // the results stay in the order of each person's first term beginning with "martin".
  auto martineau = add("Martineau", "", "Mehdi", world_.ardennes);
  auto martin = add("Martin", "", "Mehdi", world_.ardennes);
  auto martinez = add("Martinez", "Martin", "Mehmet", world_.ardennes);  // under "martin"
  add("Martin", "", "Paul", world_.ardennes);
  add("Dupont", "", "Mehdi", world_.ardennes);
  for (int i = 0; i < 30; ++i) add("Martinot", "", "Paul", world_.ardennes);
  add("Martin", "", "Mehdi", world_.marne);  // another territory
  auto conn = db().acquire();
  EXPECT_EQ(internal::driving_word(*conn, world_.ardennes, {"martin", "meh"}), 1u);
  EXPECT_EQ(internal::driving_word(*conn, world_.ardennes, {"martin", "paul"}), 0u);  // 31 terms
  EXPECT_EQ(internal::driving_word(*conn, world_.ardennes, {"martinot", "paul"}), 0u);
  EXPECT_EQ(internal::driving_word(*conn, world_.ardennes, {"martin"}), 0u);

  std::vector<std::int64_t> listed;
  std::string cursor;
  for (int page = 0; page < 3; ++page) {
    auto found = search_persons(
        *conn,
        {.territory_id = world_.ardennes, .text = "Meh MARTIN", .cursor = cursor, .limit = 2});
    ASSERT_TRUE(found) << found.error().message;
    for (const auto& hit : found->hits) listed.push_back(hit.person_id);
    cursor = found->next_cursor.value_or("");
    if (cursor.empty()) break;
  }
  EXPECT_EQ(listed, (Ids{martin, martinez, martineau}));
  EXPECT_TRUE(cursor.empty());
  // Objections still hide a person when the rarer word drives.
  conn->execute("INSERT INTO person_objections (person_id, organisation_id, at) VALUES ($1, $2, 0)",
                {martinez, world_.ccas});
  auto hidden = search_persons(*conn, {.territory_id = world_.ardennes,
                                       .text = "martin meh",
                                       .hidden_for_organisations = {world_.ccas},
                                       .member_user_id = world_.outsider});
  ASSERT_TRUE(hidden) << hidden.error().message;
  ASSERT_EQ(hidden->hits.size(), 2u);
  EXPECT_EQ(hidden->hits[0].person_id, martin);
  EXPECT_EQ(hidden->hits[1].person_id, martineau);
}

TEST_P(PeopleSearchTest, HidesPersonsObjectingToTheSearchersOrganisationOutsideTheTeam) {
  auto id = add("Objecteur", "", "Jean", world_.ardennes);
  auto conn = db().acquire();
  conn->execute("INSERT INTO person_objections (person_id, organisation_id, at) VALUES ($1, $2, 0)",
                {id, world_.ccas});
  SearchQuery q{.territory_id = world_.ardennes,
                .text = "objecteur",
                .hidden_for_organisations = {world_.ccas},
                .member_user_id = world_.outsider};
  EXPECT_TRUE(search_persons(*conn, q)->hits.empty());
  q.hidden_for_organisations = {world_.mission_locale};
  EXPECT_EQ(search_persons(*conn, q)->hits.size(), 1u);
  // In the team, the objection does not apply.
  auto journey = open_journey(*conn, {.person_id = id,
                                      .territory_id = world_.ardennes,
                                      .opened_by = world_.outsider,
                                      .organisation_id = world_.ccas});
  ASSERT_TRUE(journey);
  q.hidden_for_organisations = {world_.ccas};
  EXPECT_EQ(search_persons(*conn, q)->hits.size(), 1u);
  EXPECT_EQ(search_persons(*conn, q)->hits[0].journey_status, "to_orient");
}

INSTANTIATE_TEST_SUITE_P(Engines, PeopleSearchTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::people
