// Identity rules of the dossier unique: NIR keys (with Corsica's 2A/2B), CAF/MSA matricules,
// France Travail ids, phones in any French format, emails, birth dates, and the search terms of
// names. Expected keys were computed independently (97 - n mod 97 with Python's integers).
#include <gtest/gtest.h>

#include "core/clock.h"
#include "features/people/identity.h"
#include "features/people/persons.h"

namespace parcours::people {
namespace {

TEST(NirKey, IsNinetySevenMinusTheNumberModuloNinetySeven) {
  EXPECT_EQ(nir_key("1840575123456"), 25);
  EXPECT_EQ(nir_key("2840508123456"), 38);
  EXPECT_EQ(nir_key("1930699123456"), 19);
}

TEST(NirKey, CountsCorsica2AAs19And2BAs18) {
  EXPECT_EQ(nir_key("185052A123456"), 33);
  EXPECT_EQ(nir_key("285052B123456"), 10);
}

TEST(NirKey, RefusesWhatIsNotANir) {
  EXPECT_FALSE(nir_key("184057512345"));   // 12 characters
  EXPECT_FALSE(nir_key("5840575123456"));  // no such first digit
  EXPECT_FALSE(nir_key("18405751234X6"));  // a letter outside the département
  EXPECT_FALSE(nir_key("185052C123456"));  // neither 2A nor 2B
}

TEST(NormaliseNir, AcceptsThirteenCharactersOrFifteenWithTheRightKey) {
  EXPECT_EQ(normalise_nir("1 84 05 75 123 456").value(), "1840575123456");
  EXPECT_EQ(normalise_nir("1 84 05 75 123 456 25").value(), "184057512345625");
  EXPECT_EQ(normalise_nir("1.85.05.2a.123.456.33").value(), "185052A12345633");
  EXPECT_EQ(normalise_nir("2 85 05 2B 123 456 10").value(), "285052B12345610");
}

TEST(NormaliseNir, RejectsAWrongKeyNamingTheField) {
  auto wrong = normalise_nir("1 84 05 75 123 456 26", "nir");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(wrong.error().field, "nir");
  EXPECT_NE(wrong.error().message.find("clé"), std::string::npos);
  EXPECT_FALSE(normalise_nir("2 85 05 2B 123 456 11"));
  EXPECT_FALSE(normalise_nir("1 85 05 2A 123 456 34"));
}

TEST(NormaliseNir, RejectsOtherLengthsAndShapes) {
  auto short_one = normalise_nir("18405751234");
  ASSERT_FALSE(short_one);
  EXPECT_NE(short_one.error().message.find("13 caractères"), std::string::npos);
  EXPECT_FALSE(normalise_nir("18405751234567"));   // 14
  EXPECT_FALSE(normalise_nir("9840575123456"));    // first digit
  EXPECT_FALSE(normalise_nir("1840575123456AB"));  // key not digits
  EXPECT_EQ(nir_first13("184057512345625"), "1840575123456");
}

TEST(CafNumber, IsSevenDigitsWithFilePaddingRemoved) {
  EXPECT_EQ(normalise_caf_number("1234567").value(), "1234567");
  EXPECT_EQ(normalise_caf_number("000000001234567").value(), "1234567");
  EXPECT_EQ(normalise_caf_number("12345").value(), "0012345");
  EXPECT_EQ(normalise_caf_number("123 45 67").value(), "1234567");
  EXPECT_FALSE(normalise_caf_number("12345678"));
  EXPECT_FALSE(normalise_caf_number("0000000"));
  auto letters = normalise_caf_number("12A4567", "caf_number");
  ASSERT_FALSE(letters);
  EXPECT_EQ(letters.error().field, "caf_number");
}

TEST(FranceTravailId, IsEightLettersOrDigitsUppercased) {
  EXPECT_EQ(normalise_ft_id("1234567a").value(), "1234567A");
  EXPECT_EQ(normalise_ft_id(" 12345678 ").value(), "12345678");
  EXPECT_FALSE(normalise_ft_id("1234567"));
  EXPECT_FALSE(normalise_ft_id("1234567é"));
  EXPECT_EQ(normalise_ft_id("123", "ft_id").error().field, "ft_id");
}

TEST(Phone, AnyFrenchFormBecomesPlus33) {
  for (const char* typed :
       {"06 12 34 56 78", "06.12.34.56.78", "0612345678", "06-12-34-56-78", "+33 6 12 34 56 78",
        "+33612345678", "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78"}) {
    auto phone = normalise_phone(typed);
    ASSERT_TRUE(phone) << typed;
    EXPECT_EQ(*phone, "+33612345678") << typed;
  }
  EXPECT_EQ(normalise_phone("03 24 56 78 90").value(), "+33324567890");
  EXPECT_EQ(normalise_phone("+262 692 12 34 56").value(), "+262692123456");
  EXPECT_EQ(display_phone("+33612345678"), "06 12 34 56 78");
}

TEST(Phone, RejectsWhatIsNotAFrenchNumber) {
  for (const char* typed : {"0612", "06123456789", "6123456789", "00 00 00 00 00",
                            "+44 20 7946 0000", "06 12 34 56 7a"}) {
    auto phone = normalise_phone(typed, "phone2");
    ASSERT_FALSE(phone) << typed;
    EXPECT_EQ(phone.error().field, "phone2");
  }
}

TEST(Email, IsLowercaseAndShapedLikeAnAddress) {
  EXPECT_EQ(normalise_email("  Sofia.Martin@Exemple.FR ").value(), "sofia.martin@exemple.fr");
  EXPECT_FALSE(normalise_email("sofia.martin"));
  EXPECT_FALSE(normalise_email("sofia@exemple"));
  EXPECT_FALSE(normalise_email("so fia@exemple.fr"));
  EXPECT_FALSE(normalise_email("a@b@c.fr"));
}

TEST(BirthDate, AcceptsFrenchAndIsoFormsOfARealPastDate) {
  pin_clock_for_tests(1'800'000'000);  // January 2027
  EXPECT_EQ(normalise_birth_date("12/03/1984").value(), "1984-03-12");
  EXPECT_EQ(normalise_birth_date("1984-03-12").value(), "1984-03-12");
  EXPECT_FALSE(normalise_birth_date("31/02/1984"));
  EXPECT_FALSE(normalise_birth_date("12/03/2030"));
  EXPECT_FALSE(normalise_birth_date("12/03/1850"));
  EXPECT_FALSE(normalise_birth_date("hier"));
  EXPECT_EQ(display_date("1984-03-12"), "12 mars 1984");
  EXPECT_EQ(display_date("1984-03-01"), "1er mars 1984");
  pin_clock_for_tests(0);
}

TEST(NameTerms, AreFoldedWordsPlusTheJoinedCompoundNames) {
  auto terms = name_terms("Lefèvre-Martin", "N'Diaye", "Marie Éloïse");
  std::vector<std::string> expected{"lefevre", "martin", "lefevremartin", "n",          "diaye",
                                    "ndiaye",  "marie",  "eloise",        "marieeloise"};
  EXPECT_EQ(terms, expected);
  EXPECT_EQ(name_terms("DUPONT", "", "Jean").size(), 2u);
}

}  // namespace
}  // namespace parcours::people
