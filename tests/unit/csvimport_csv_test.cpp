// The CSV reader without a database: detection of the encoding and separator, RFC 4180 quoting,
// line numbers, French dates, header guessing.
#include "features/csvimport/csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "features/csvimport/mapping.h"

namespace parcours::csvimport {
namespace {

std::string fixture(const std::string& name) {
  return std::string(PARCOURS_SOURCE_DIR) + "/tests/fixtures/csvimport/" + name;
}

std::vector<Record> read_all(const std::string& path) {
  auto format = detect_format(path);
  EXPECT_TRUE(format.has_value());
  CsvReader reader(path, *format);
  std::vector<Record> out;
  while (auto r = reader.next()) out.push_back(*r);
  return out;
}

std::string write_temp(const std::string& bytes) {
  auto path = std::filesystem::temp_directory_path() /
              ("csvimport-" + std::to_string(::getpid()) + "-" +
               std::to_string(std::hash<std::string>{}(bytes)) + ".csv");
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

TEST(CsvImportCsv, DetectsEachEncodingAndSeparator) {
  struct Case {
    const char* file;
    Encoding encoding;
    char separator;
  };
  for (const auto& c : {Case{"personnes-utf8.csv", Encoding::kUtf8, ';'},
                        Case{"personnes-utf8-bom.csv", Encoding::kUtf8Bom, ','},
                        Case{"personnes-windows-1252.csv", Encoding::kWindows1252, ';'},
                        Case{"personnes-tabulation.tsv", Encoding::kUtf8, '\t'}}) {
    auto format = detect_format(fixture(c.file));
    ASSERT_TRUE(format.has_value()) << c.file;
    EXPECT_EQ(format->encoding, c.encoding) << c.file;
    EXPECT_EQ(format->separator, c.separator) << c.file;
    // Every file reads the same: the header, then four persons, accents as UTF-8.
    auto records = read_all(fixture(c.file));
    ASSERT_EQ(records.size(), 5u) << c.file;
    EXPECT_EQ(records[0].fields[0], "NOM") << c.file;  // no BOM left in the first header
    EXPECT_EQ(records[0].fields[1], "Prénom") << c.file;
    EXPECT_EQ(records[1].fields[1], "Hélène") << c.file;
    EXPECT_EQ(records[1].fields[8], "12 rue de la Paix; bât. B") << c.file;
    EXPECT_EQ(records[2].fields[8], "3 place \"Ducale\"\nAppartement 4") << c.file;
    EXPECT_EQ(records[3].fields[0], "LEFÈVRE") << c.file;
    EXPECT_EQ(records[3].fields[8], "Cœur de ville, l’Église") << c.file;
    EXPECT_EQ(records[4].fields[1], "Zoé") << c.file;
    // Lines: the second person spans lines 3 and 4.
    EXPECT_EQ(records[1].line, 2) << c.file;
    EXPECT_EQ(records[2].line, 3) << c.file;
    EXPECT_EQ(records[3].line, 5) << c.file;
    for (const auto& r : records) EXPECT_EQ(r.fields.size(), 15u) << c.file << " " << r.line;
  }
}

TEST(CsvImportCsv, QuotesSeparatorsAndLineEnds) {
  auto path = write_temp("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\rlines\"\r\n\r\nlast,,\n");
  auto records = read_all(path);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"x,1", "say \"hi\"", "two\rlines"}));
  EXPECT_EQ(records[2].line, 5);  // the blank line 4 is skipped
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"last", "", ""}));
  auto open = write_temp("a;b\n1;\"never closed\n2;3\n");
  auto broken = read_all(open);
  ASSERT_EQ(broken.size(), 2u);
  EXPECT_TRUE(broken[1].unterminated);
  std::filesystem::remove(path);
  std::filesystem::remove(open);
}

TEST(CsvImportCsv, FrenchDates) {
  EXPECT_EQ(parse_french_date("12/03/1984", 2026), "1984-03-12");
  EXPECT_EQ(parse_french_date("12-03-1984", 2026), "1984-03-12");
  EXPECT_EQ(parse_french_date("12.03.1984", 2026), "1984-03-12");
  EXPECT_EQ(parse_french_date("1984-03-12", 2026), "1984-03-12");
  EXPECT_EQ(parse_french_date("1984-03-12 00:00:00", 2026), "1984-03-12");
  EXPECT_EQ(parse_french_date("2/3/1984", 2026), "1984-03-02");
  // Two-digit years: this century unless that would be in the future.
  EXPECT_EQ(parse_french_date("03/04/98", 2026), "1998-04-03");
  EXPECT_EQ(parse_french_date("03/04/05", 2026), "2005-04-03");
  EXPECT_EQ(parse_french_date("03/04/26", 2026), "2026-04-03");
  EXPECT_EQ(parse_french_date("03/04/27", 2026), "1927-04-03");
  EXPECT_FALSE(parse_french_date("31/02/1990", 2026));
  EXPECT_FALSE(parse_french_date("1985-13-01", 2026));
  EXPECT_FALSE(parse_french_date("12/03/984", 2026));
  EXPECT_FALSE(parse_french_date("hier", 2026));
  EXPECT_FALSE(parse_french_date("", 2026));
}

TEST(CsvImportCsv, GuessesTheUsualHeaders) {
  auto m = guess_mapping({"NOM", "Prénom", "DATE_NAISSANCE", "Sexe", "N° allocataire", "NIR",
                          "Identifiant Pôle emploi", "Code postal", "Ville", "Courriel", "Tél",
                          "Nom d'usage", "Autre"});
  EXPECT_EQ(m["birth_name"], "NOM");
  EXPECT_EQ(m["first_names"], "Prénom");
  EXPECT_EQ(m["birth_date"], "DATE_NAISSANCE");
  EXPECT_EQ(m["caf_number"], "N° allocataire");
  EXPECT_EQ(m["nir"], "NIR");
  EXPECT_EQ(m["ft_id"], "Identifiant Pôle emploi");
  EXPECT_EQ(m["postcode"], "Code postal");
  EXPECT_EQ(m["commune"], "Ville");
  EXPECT_EQ(m["email"], "Courriel");
  EXPECT_EQ(m["phone"], "Tél");
  EXPECT_EQ(m["usage_name"], "Nom d'usage");
  EXPECT_FALSE(m.contains("internal_id"));
  EXPECT_EQ(fold_header("  Date-de_Naissance "), "date de naissance");
}

}  // namespace
}  // namespace parcours::csvimport
