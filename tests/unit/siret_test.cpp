#include "features/organisations/siret.h"

#include <gtest/gtest.h>

#include "features/organisations/kinds.h"

namespace parcours::organisations {
namespace {

TEST(Siret, AcceptsNumbersPassingTheLuhnCheck) {
  EXPECT_TRUE(is_valid_siret("73282932000074"));
  EXPECT_TRUE(is_valid_siret("13002526500013"));
  EXPECT_TRUE(is_valid_siret("35600000000048"));  // La Poste's head office also passes Luhn
}

TEST(Siret, RejectsNumbersWithAWrongKey) {
  EXPECT_FALSE(is_valid_siret("73282932000075"));
  EXPECT_FALSE(is_valid_siret("12345678901234"));  // digit sum multiple of 5, but not La Poste
}

TEST(Siret, AcceptsLaPosteEstablishmentsWhoseDigitSumIsAMultipleOfFive) {
  EXPECT_TRUE(is_valid_siret("35600000049837"));
  EXPECT_FALSE(is_valid_siret("35600000000049"));
}

TEST(Siret, RejectsWrongLengthsAndNonDigits) {
  EXPECT_FALSE(is_valid_siret(""));
  EXPECT_FALSE(is_valid_siret("7328293200007"));
  EXPECT_FALSE(is_valid_siret("732829320000740"));
  EXPECT_FALSE(is_valid_siret("7328293200007A"));
}

TEST(Siret, NormalisesSpacesAndDotsAsTyped) {
  EXPECT_EQ(normalise_siret("732 829 320 00074"), "73282932000074");
  EXPECT_EQ(normalise_siret("732.829.320\xC2\xA0"
                            "00074"),
            "73282932000074");
  EXPECT_EQ(normalise_siret("732-829"), "732-829");
}

TEST(OrganisationKinds, ListsTheTwelveKindsWithFrenchLabels) {
  EXPECT_EQ(organisation_kinds().size(), 12u);
  EXPECT_EQ(kind_label("mission_locale"), "Mission locale");
  EXPECT_TRUE(is_known_kind("ccas"));
  EXPECT_FALSE(is_known_kind("ministere"));
}

}  // namespace
}  // namespace parcours::organisations
