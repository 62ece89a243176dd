#include "core/text.h"

#include <gtest/gtest.h>

namespace parcours::text {
namespace {

TEST(FoldForSearch, RemovesAccentsAndLowercases) {
  EXPECT_EQ(fold_for_search("Charleville-Mézières"), "charleville mezieres");
  EXPECT_EQ(fold_for_search("ÉVREUX"), "evreux");
  EXPECT_EQ(fold_for_search("Besançon"), "besancon");
  EXPECT_EQ(fold_for_search("Saint-Étienne-du-Rouvray"), "saint etienne du rouvray");
}

TEST(FoldForSearch, TurnsApostrophesAndHyphensIntoSingleSpaces) {
  EXPECT_EQ(fold_for_search("L'Abergement-Clémenciat"), "l abergement clemenciat");
  EXPECT_EQ(fold_for_search("L’Haÿ-les-Roses"), "l hay les roses");
  EXPECT_EQ(fold_for_search("  Saint -- Denis  "), "saint denis");
}

TEST(FoldForSearch, ExpandsLigatures) {
  EXPECT_EQ(fold_for_search("Œuvre Cæsar"), "oeuvre caesar");
  EXPECT_EQ(fold_for_search("Straße"), "strasse");
}

TEST(FoldForSearch, FoldsLatinExtendedLettersAndDecomposedAccents) {
  EXPECT_EQ(fold_for_search("Łódź"), "lodz");
  EXPECT_EQ(fold_for_search("Ðakovo Øresund"), "dakovo oresund");
  EXPECT_EQ(fold_for_search("Ame\xCC\x81lie"), "amelie");  // e + U+0301
}

TEST(FoldForSearch, KeepsDigitsAndOtherScripts) {
  EXPECT_EQ(fold_for_search("08000"), "08000");
  EXPECT_EQ(fold_for_search("Αθήνα"), "Αθήνα");
}

TEST(FoldForSearch, SurvivesTruncatedUtf8) { EXPECT_EQ(fold_for_search("abc\xC3"), "abc\xC3"); }

TEST(Slugify, MakesUrlSafeIdentifiers) {
  EXPECT_EQ(slugify("CCAS de Sedan"), "ccas-de-sedan");
  EXPECT_EQ(slugify("Mission locale de Charleville-Mézières"),
            "mission-locale-de-charleville-mezieres");
  EXPECT_EQ(slugify("L'Atelier « Vivre ensemble »"), "l-atelier-vivre-ensemble");
  EXPECT_EQ(slugify("!!!"), "");
}

TEST(Slugify, CutsLongNamesWithoutTrailingHyphen) {
  EXPECT_EQ(slugify("abc def", 4), "abc");
  EXPECT_LE(slugify(std::string(200, 'a')).size(), 60u);
}

TEST(Trim, RemovesSurroundingWhitespace) {
  EXPECT_EQ(trim("  a b \t\n"), "a b");
  EXPECT_EQ(trim("   "), "");
}

TEST(AllDigits, RequiresAtLeastOneDigitAndNothingElse) {
  EXPECT_TRUE(all_digits("0123"));
  EXPECT_FALSE(all_digits(""));
  EXPECT_FALSE(all_digits("12a"));
}

TEST(ParseId, AcceptsOnlyPositiveDecimalNumbers) {
  EXPECT_EQ(parse_id("42"), 42);
  EXPECT_FALSE(parse_id("0"));
  EXPECT_FALSE(parse_id("-3"));
  EXPECT_FALSE(parse_id("12abc"));
  EXPECT_FALSE(parse_id(""));
  EXPECT_FALSE(parse_id("99999999999999999999"));
}

}  // namespace
}  // namespace parcours::text
