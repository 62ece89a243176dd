// ROME job titles on both engines: the CSV parser's French report on bad lines, the idempotent
// load (from a small file and from the real data/reference/rome/appellations.csv) and the search
// by any word, in any order, accents and case ignored, by prefixes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/config.h"
#include "features/rome/appellations.h"
#include "support/test_db.h"

namespace parcours::rome {
namespace {

class RomeTest : public test::EngineTest {};

class TempCsv {
 public:
  explicit TempCsv(const std::string& content) {
    std::random_device random;
    path_ = (std::filesystem::temp_directory_path() /
             ("parcours-rome-" + std::to_string(random()) + ".csv"))
                .string();
    write(content);
  }
  ~TempCsv() { std::filesystem::remove(path_); }
  void write(const std::string& content) { std::ofstream(path_, std::ios::binary) << content; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

constexpr const char* kSmallFile =
    "code_rome,appellation\n"
    "A1101,Chauffeur / Chauffeuse de machines agricoles\n"
    "J1501,Aide-soignant / Aide-soignante\n"
    "J1501,Aide-soignant / Aide-soignante en gériatrie\n"
    "K2204,Agent / Agente d'entretien\n"
    "B1603,\"Modéliste en bijouterie, orfèvrerie, joaillerie\"\n"
    "N4101,Conducteur / Conductrice de poids lourd\n"
    "H2909,Électricien / Électricienne d'équipements\n";

std::int64_t count(store::Connection& conn, const std::string& table) {
  return conn.query_one("SELECT COUNT(*) FROM " + table)->integer(0);
}

std::vector<std::string> labels(const Result<std::vector<Appellation>>& hits) {
  std::vector<std::string> out;
  if (hits) {
    for (const auto& a : *hits) out.push_back(a.label);
  }
  return out;
}

TEST(RomeCsv, ReadsQuotedFieldsWithCommas) {
  auto parsed = parse_appellations_csv(kSmallFile);
  EXPECT_TRUE(parsed.bad_lines.empty());
  ASSERT_EQ(parsed.rows.size(), 7u);
  EXPECT_EQ(parsed.rows[4].code_rome, "B1603");
  EXPECT_EQ(parsed.rows[4].label, "Modéliste en bijouterie, orfèvrerie, joaillerie");
}

TEST(RomeCsv, ReportsEveryBadLineInFrenchWithItsNumber) {
  auto parsed = parse_appellations_csv(
      "code_rome,appellation\n"
      "A1101,Chauffeur\n"
      "a11,Mauvais code\n"
      "A1102,\n"
      "A1103,un,deux\n"
      "A1101,Chauffeur\n"
      "A1104,\"jamais fermé\n");
  EXPECT_EQ(parsed.rows.size(), 1u);
  ASSERT_EQ(parsed.bad_lines.size(), 5u);
  EXPECT_EQ(parsed.bad_lines[0].line, 3u);
  EXPECT_NE(parsed.bad_lines[0].reason.find("code ROME « a11 » invalide"), std::string::npos);
  EXPECT_EQ(parsed.bad_lines[1].line, 4u);
  EXPECT_EQ(parsed.bad_lines[1].reason, "appellation vide");
  EXPECT_EQ(parsed.bad_lines[2].line, 5u);
  EXPECT_NE(parsed.bad_lines[2].reason.find("3 colonnes au lieu de 2"), std::string::npos);
  EXPECT_EQ(parsed.bad_lines[3].line, 6u);
  EXPECT_EQ(parsed.bad_lines[3].reason, "doublon de la ligne 2");
  EXPECT_EQ(parsed.bad_lines[4].line, 7u);
  EXPECT_NE(parsed.bad_lines[4].reason.find("guillemet"), std::string::npos);
}

TEST(RomeCsv, RefusesAFileWithoutItsHeader) {
  auto parsed = parse_appellations_csv("A1101,Chauffeur\n");
  ASSERT_EQ(parsed.bad_lines.size(), 1u);
  EXPECT_EQ(parsed.bad_lines[0].line, 1u);
  EXPECT_NE(parsed.bad_lines[0].reason.find("en-tête"), std::string::npos);
}

TEST(RomeCsv, TermsAreFoldedWordsWithoutSlashesOrDuplicates) {
  EXPECT_EQ(search_terms("Aide-soignant / Aide-soignante"),
            (std::vector<std::string>{"aide", "soignant", "soignante"}));
  EXPECT_EQ(search_terms("Électricien d'équipements"),
            (std::vector<std::string>{"electricien", "d", "equipements"}));
}

TEST_P(RomeTest, LoadsTheFileAndLoadingItAgainChangesNothing) {
  auto conn = db().acquire();
  TempCsv csv(kSmallFile);
  auto first = load_appellations(*conn, csv.path());
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->total, 7);
  EXPECT_EQ(first->added, 7);
  std::int64_t terms = count(*conn, "rome_terms");
  EXPECT_GT(terms, 20);
  auto second = load_appellations(*conn, csv.path());
  ASSERT_TRUE(second);
  EXPECT_EQ(second->added, 0);
  EXPECT_EQ(second->removed, 0);
  EXPECT_EQ(count(*conn, "rome_appellations"), 7);
  EXPECT_EQ(count(*conn, "rome_terms"), terms);
}

TEST_P(RomeTest, ANewVersionOfTheFileAddsAndRemovesTitles) {
  auto conn = db().acquire();
  TempCsv csv(kSmallFile);
  ASSERT_TRUE(load_appellations(*conn, csv.path()));
  csv.write(
      "code_rome,appellation\nA1101,Chauffeur / Chauffeuse de machines agricoles\n"
      "M1607,Secrétaire\n");
  auto report = load_appellations(*conn, csv.path());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->added, 1);
  EXPECT_EQ(report->removed, 6);
  EXPECT_EQ(count(*conn, "rome_appellations"), 2);
  EXPECT_TRUE(labels(search_appellations(*conn, "aide")).empty());
  EXPECT_EQ(labels(search_appellations(*conn, "secr")), std::vector<std::string>{"Secrétaire"});
}

TEST_P(RomeTest, AFileWithABadLineWritesNothingAndNamesTheLine) {
  auto conn = db().acquire();
  TempCsv csv(std::string(kSmallFile) + "Z99,Bad\n");
  auto loaded = load_appellations(*conn, csv.path());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("ligne 9 : code ROME « Z99 » invalide"), std::string::npos);
  EXPECT_EQ(count(*conn, "rome_appellations"), 0);
  EXPECT_EQ(count(*conn, "rome_terms"), 0);
}

TEST_P(RomeTest, AMissingFileIsAFrenchError) {
  auto conn = db().acquire();
  auto loaded = load_appellations(*conn, "/nonexistent/appellations.csv");
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("Fichier introuvable"), std::string::npos);
}

TEST_P(RomeTest, FindsTitlesByAnyWordInAnyOrderIgnoringAccentsAndCase) {
  auto conn = db().acquire();
  TempCsv csv(kSmallFile);
  ASSERT_TRUE(load_appellations(*conn, csv.path()));
  EXPECT_EQ(labels(search_appellations(*conn, "agricoles machines")),
            std::vector<std::string>{"Chauffeur / Chauffeuse de machines agricoles"});
  EXPECT_EQ(labels(search_appellations(*conn, "ELECTRICIEN")),
            std::vector<std::string>{"Électricien / Électricienne d'équipements"});
  EXPECT_EQ(labels(search_appellations(*conn, "orfevrerie")),
            std::vector<std::string>{"Modéliste en bijouterie, orfèvrerie, joaillerie"});
  EXPECT_EQ(labels(search_appellations(*conn, "gériatrie SOIGN")),
            std::vector<std::string>{"Aide-soignant / Aide-soignante en gériatrie"});
}

TEST_P(RomeTest, MatchesPrefixesOfWordsAndRanksTitlesStartingWithTheQueryFirst) {
  auto conn = db().acquire();
  TempCsv csv(kSmallFile);
  ASSERT_TRUE(load_appellations(*conn, csv.path()));
  EXPECT_EQ(labels(search_appellations(*conn, "chauf agri")),
            std::vector<std::string>{"Chauffeur / Chauffeuse de machines agricoles"});
  // "aide" starts two titles: the shorter first.
  EXPECT_EQ(labels(search_appellations(*conn, "aide")),
            (std::vector<std::string>{"Aide-soignant / Aide-soignante",
                                      "Aide-soignant / Aide-soignante en gériatrie"}));
  // Any word of the title, not only the first: "ge" starts "gériatrie" (and no other word).
  EXPECT_EQ(labels(search_appellations(*conn, "ge")),
            std::vector<std::string>{"Aide-soignant / Aide-soignante en gériatrie"});
  EXPECT_TRUE(labels(search_appellations(*conn, "plombier")).empty());
  EXPECT_EQ(labels(search_appellations(*conn, "a", 2)).size(), 2u);
}

TEST_P(RomeTest, RefusesAnEmptyOrOverlongQueryInFrench) {
  auto conn = db().acquire();
  auto empty = search_appellations(*conn, " / - ");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "q");
  EXPECT_NE(empty.error().message.find("au moins une lettre"), std::string::npos);
  auto longer = search_appellations(*conn, std::string(101, 'a'));
  ASSERT_FALSE(longer);
  EXPECT_NE(longer.error().message.find("100 caractères"), std::string::npos);
}

TEST_P(RomeTest, LoadsTheRealFileOfTheRepository) {
  auto conn = db().acquire();
  auto report =
      load_appellations(*conn, resource_dir("", "data/reference/rome") + "/appellations.csv");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->total, 10876);
  EXPECT_EQ(count(*conn, "rome_appellations"), 10876);
  auto hits = search_appellations(*conn, "soignant aide", 50);
  ASSERT_TRUE(hits);
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().code_rome, "J1501");
  EXPECT_TRUE(appellations_loaded(*conn));
}

INSTANTIATE_TEST_SUITE_P(Engines, RomeTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::rome
