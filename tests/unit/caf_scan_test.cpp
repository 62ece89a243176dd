// Cutting the CAF flux into households without parsing it (caf::scan_flux): comments, CDATA
// sections, processing instructions and attribute values that hold markup do not cut it; each
// household keeps its line, its MATRICULE and its persons; parse_household decodes its bytes in
// the file's encoding.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "features/caf/flux.h"

namespace parcours {
namespace {

std::string write_file(const std::string& name, const std::string& bytes) {
  auto path = std::filesystem::temp_directory_path() /
              ("caf-scan-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

constexpr const char* kFlux =
    "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"
    "<Racine note=\"a > b\">\n"
    "<IdentificationFlux><TYPEFLUX>M</TYPEFLUX><DTCREAFLUX>2022-03-05</DTCREAFLUX>"
    "<HEUCREAFLUX>01:18:36.0000</HEUCREAFLUX><DTREF>2022-02-28</DTREF></IdentificationFlux>\n"
    "<!-- <InfosFoyerRSA><MATRICULE>999</MATRICULE></InfosFoyerRSA> -->\n"
    "<InfosFoyerRSA><IdentificationRSA><Organisme><FONORG>CAF</FONORG>"
    "<MATRICULE> 100000000000000 </MATRICULE></Organisme></IdentificationRSA>\n"
    "<Personne><Identification><NOM><![CDATA[</InfosFoyerRSA>]]></NOM>"
    "<PRENOM>H\xc9L\xc8NE</PRENOM></Identification></Personne><?pi </InfosFoyerRSA>?>"
    "<Personne><Identification><NOM>B</NOM></Identification></Personne><Vide/>"
    "</InfosFoyerRSA>\n"
    "<InfosFoyerRSA><IdentificationRSA><Organisme><MATRICULEORGCEDMUT>7</MATRICULEORGCEDMUT>"
    "<MATRICULE>200000000000000</MATRICULE></Organisme></IdentificationRSA></InfosFoyerRSA>\n"
    "</Racine>";

TEST(CafScan, CutsTheHouseholdsWhateverMarkupTheirTextHolds) {
  auto path = write_file("flux.xml", kFlux);
  caf::Header header;
  std::vector<caf::RawHousehold> households;
  auto scanned = caf::scan_flux(
      path, [&](const caf::Header& h) { header = h; },
      [&](caf::RawHousehold&& raw) {
        households.push_back(std::move(raw));
        return true;
      });
  std::filesystem::remove(path);
  ASSERT_TRUE(scanned) << scanned.error().message;
  EXPECT_EQ(header.encoding, "windows-1252");
  EXPECT_EQ(header.flux_type, "M");
  EXPECT_EQ(header.reference_date, "2022-02-28");
  EXPECT_EQ(header.created_on, "2022-03-05T01:18:36");
  ASSERT_EQ(households.size(), 2u);
  EXPECT_EQ(households[0].line, 5);
  EXPECT_EQ(households[0].matricule, "100000000000000");
  EXPECT_EQ(households[0].persons, 2);
  EXPECT_TRUE(households[0].bytes.starts_with("<InfosFoyerRSA>"));
  EXPECT_TRUE(households[0].bytes.ends_with("</InfosFoyerRSA>"));
  EXPECT_EQ(households[1].line, 7);
  EXPECT_EQ(households[1].matricule, "200000000000000");
  EXPECT_EQ(households[1].persons, 0);
  EXPECT_NE(households[0].digest(), households[1].digest());

  auto household = caf::parse_household(households[0], header.encoding);
  ASSERT_TRUE(household);
  EXPECT_EQ(household->line, 5);
  EXPECT_EQ(household->matricule, "100000000000000");
  ASSERT_EQ(household->persons.size(), 2u);
  EXPECT_EQ(household->persons[0].usage_name, "</InfosFoyerRSA>");
  EXPECT_EQ(household->persons[0].first_names, "HÉLÈNE");
  EXPECT_EQ(household->persons[1].usage_name, "B");
}

TEST(CafScan, AFileOfManyBlocksKeepsEveryLine) {
  // Read in blocks of 1 MiB: households cut across blocks, lines counted across them.
  std::string flux = "<?xml version=\"1.0\"?>\n<Racine>\n";
  constexpr int kHouseholds = 6000;
  for (int i = 0; i < kHouseholds; ++i) {
    flux += "<InfosFoyerRSA><!-- " + std::string(static_cast<std::size_t>(i % 700), 'x') +
            " -->\n<Organisme><MATRICULE>" + std::to_string(i) +
            "</MATRICULE></Organisme></InfosFoyerRSA>\n";
  }
  flux += "</Racine>\n";
  ASSERT_GT(flux.size(), 2u << 20);
  auto path = write_file("blocks.xml", flux);
  int seen = 0;
  auto scanned = caf::scan_flux(
      path, [](const caf::Header&) {},
      [&](caf::RawHousehold&& raw) {
        EXPECT_EQ(raw.line, 3 + 2 * seen);
        EXPECT_EQ(raw.matricule, std::to_string(seen));
        ++seen;
        return true;
      });
  std::filesystem::remove(path);
  ASSERT_TRUE(scanned);
  EXPECT_EQ(seen, kHouseholds);
}

TEST(CafScan, AnElementLeftOpenIsAnError) {
  std::string flux = kFlux;
  auto path = write_file("cut.xml", flux.substr(0, flux.find("</InfosFoyerRSA>\n<InfosFoyerRSA>")));
  auto scanned = caf::scan_flux(
      path, [](const caf::Header&) {}, [](caf::RawHousehold&&) { return true; });
  std::filesystem::remove(path);
  ASSERT_FALSE(scanned);
  EXPECT_EQ(scanned.error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace parcours
