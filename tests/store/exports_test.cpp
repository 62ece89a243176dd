// CSV exports on both engines: BOM, separator, CRLF, quoting, French dates, the rows of the
// territory only (persons living there or with a journey there), the journal entry.
#include "features/exports/exports.h"

#include <gtest/gtest.h>

#include <sstream>

#include "store/people_fixture.h"

namespace parcours::test {
namespace {

using exports::Kind;

class ExportsTest : public PeopleTest {
 protected:
  std::int64_t person(store::Connection& conn, std::int64_t territory, const std::string& birth,
                      const std::string& first, const std::string& birth_date = "") {
    return conn
        .query_one(
            "INSERT INTO persons (territory_id, birth_name, first_names, birth_date, address, "
            "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1764240000, 1764240000) "
            "RETURNING id",
            {territory, birth, first,
             birth_date.empty() ? store::Value{nullptr} : store::Value{birth_date},
             std::string("12 rue des Lilas; bât. \"B\"")})
        ->integer(0);
  }
  std::int64_t journey(store::Connection& conn, std::int64_t person, std::int64_t territory) {
    return conn
        .query_one(
            "INSERT INTO journeys (person_id, territory_id, entry, opened_at, last_activity_at) "
            "VALUES ($1, $2, 'professional', 1764240000, 1764240000) RETURNING id",
            {person, territory})
        ->integer(0);
  }

  static std::vector<std::string> lines(const std::string& csv) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < csv.size()) {
      auto end = csv.find("\r\n", start);
      EXPECT_NE(end, std::string::npos) << "ligne sans CRLF";
      if (end == std::string::npos) break;
      out.push_back(csv.substr(start, end - start));
      start = end + 2;
    }
    return out;
  }
};

TEST(CsvField, IsQuotedOnlyWhenNeededAndFormulasAreDefused) {
  auto field = [](std::string_view v) {
    std::string out;
    exports::append_field(out, v);
    return out;
  };
  EXPECT_EQ(field("Durand"), "Durand");
  EXPECT_EQ(field("Lefèvre-Martin"), "Lefèvre-Martin");
  EXPECT_EQ(field("a;b"), "\"a;b\"");
  EXPECT_EQ(field("dit \"Jo\""), "\"dit \"\"Jo\"\"\"");
  EXPECT_EQ(field("ligne 1\nligne 2"), "\"ligne 1\nligne 2\"");
  EXPECT_EQ(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(field("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(field("+33612345678"), "+33612345678");  // a phone number stays as it is
  EXPECT_EQ(field("-2"), "-2");
  EXPECT_EQ(field("-cmd"), "\"'-cmd\"");
  EXPECT_EQ(exports::french_date("1984-05-07"), "07/05/1984");
  EXPECT_EQ(exports::french_date(""), "");
  EXPECT_EQ(exports::french_date_of(1764284400), "28/11/2025");  // 27/11 23:00 UTC = 28/11 Paris
}

TEST_P(ExportsTest, PersonsOfTheTerritoryWithBomSemicolonsAndFrenchDates) {
  auto conn = db().acquire();
  auto sofia = person(*conn, world_.ardennes, "Durand", "Sofia", "1984-03-12");
  auto moved = person(*conn, world_.marne, "Moreau", "Léa");  // lives in the Marne...
  journey(*conn, moved, world_.ardennes);                     // ...followed in the Ardennes
  person(*conn, world_.marne, "Marnais", "Luc");              // not of the Ardennes
  std::ostringstream out;
  auto rows = exports::write_export(*conn, Kind::kPersons, world_.ardennes, world_.manager, out);
  EXPECT_EQ(rows, 2);
  std::string csv = out.str();
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  auto all = lines(csv.substr(3));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(
      all[0].starts_with("Identifiant;Nom de naissance;Nom d'usage;Prénoms;Date de naissance;"))
      << all[0];
  EXPECT_TRUE(all[1].starts_with(std::to_string(sofia) + ";Durand;;Sofia;12/03/1984;")) << all[1];
  EXPECT_NE(all[1].find(";\"12 rue des Lilas; bât. \"\"B\"\"\";"), std::string::npos) << all[1];
  EXPECT_NE(all[1].find(";27/11/2025;27/11/2025"), std::string::npos) << all[1];
  EXPECT_NE(all[2].find(";Moreau;"), std::string::npos);
  EXPECT_EQ(csv.find("Marnais"), std::string::npos);

  auto event = conn->query_one(
      "SELECT actor_id, territory_id, payload FROM journal WHERE kind = 'export.persons'");
  ASSERT_TRUE(event);
  EXPECT_EQ(event->integer(0), world_.manager);
  EXPECT_EQ(event->integer(1), world_.ardennes);
  EXPECT_NE(event->text(2).find("\"rows\":2"), std::string::npos);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM access_log WHERE part = 'export.persons' "
                            "AND actor_id = $1",
                            {world_.manager})
                ->integer(0),
            1);
}

TEST_P(ExportsTest, JourneysWithStatusReferentAndManyPages) {
  auto conn = db().acquire();
  // More than one page of 1,000 rows: the keyset reads them all, once.
  conn->begin();
  for (int i = 0; i < 1205; ++i) {
    auto p = person(*conn, world_.ardennes, "Nom" + std::to_string(i), "Prénom");
    auto j = journey(*conn, p, world_.ardennes);
    if (i == 0) {
      conn->execute(
          "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) "
          "VALUES ($1, $2, $3, 'referent', 0)",
          {j, world_.referent, world_.cd08});
    }
  }
  conn->commit();
  std::ostringstream out;
  auto rows = exports::write_export(*conn, Kind::kJourneys, world_.ardennes, world_.manager, out);
  EXPECT_EQ(rows, 1205);
  auto all = lines(out.str().substr(3));
  ASSERT_EQ(all.size(), 1206u);
  EXPECT_TRUE(all[0].starts_with("Identifiant du parcours;Identifiant de la personne;")) << all[0];
  EXPECT_NE(all[1].find(";Nom0;;Prénom;;À orienter;Ouvert par un professionnel;27/11/2025;;;Sofia "
                        "Martin;CD 08;1;"),
            std::string::npos)
      << all[1];
  EXPECT_NE(all.back().find(";Nom1204;"), std::string::npos);
  EXPECT_EQ(
      conn->query_one("SELECT COUNT(*) FROM journal WHERE kind = 'export.journeys'")->integer(0),
      1);
}

INSTANTIATE_TEST_SUITE_P(Engines, ExportsTest, kEngines, engine_name);

}  // namespace
}  // namespace parcours::test
