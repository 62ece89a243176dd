#include "core/security/password.h"

#include <gtest/gtest.h>

#include <string>

namespace parcours::security {
namespace {

TEST(Password, HashIsArgon2idAndVerifiesOnlyTheSamePassword) {
  std::string hash = hash_password("une phrase de passe solide");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password(hash, "une phrase de passe solide"));
  EXPECT_FALSE(verify_password(hash, "une phrase de passe solidE"));
  EXPECT_FALSE(verify_password(hash, ""));
}

TEST(Password, TwoHashesOfTheSamePasswordDifferBySalt) {
  EXPECT_NE(hash_password("une phrase de passe solide"),
            hash_password("une phrase de passe solide"));
}

TEST(Password, MalformedStoredHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", "une phrase de passe solide"));
  EXPECT_FALSE(verify_password("$argon2id$v=19$garbage", "une phrase de passe solide"));
}

TEST(Password, DummyVerificationAlwaysFails) {
  EXPECT_FALSE(verify_dummy_password("une phrase de passe solide"));
  EXPECT_FALSE(verify_dummy_password(""));
}

TEST(Password, RejectsElevenCharactersWithAFrenchMessageNamingTheField) {
  auto result = check_new_password("onze-caract", "new_password");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(result.error().field, "new_password");
  EXPECT_NE(result.error().message.find("au moins 12 caractères"), std::string::npos);
}

TEST(Password, AcceptsTwelveCharacters) {
  EXPECT_TRUE(check_new_password("douze-caract").has_value());
}

TEST(Password, CountsAccentedLettersAsOneCharacterEach) {
  // "éééééééééééé" is 12 characters but 24 bytes; "ééééééééééé" is 11 characters, 22 bytes.
  EXPECT_TRUE(check_new_password("éééééééééééé").has_value());
  EXPECT_FALSE(check_new_password("ééééééééééé").has_value());
}

TEST(Password, RejectsPasswordsLongerThanTheLimit) {
  EXPECT_TRUE(check_new_password(std::string(kMaxPasswordLength, 'a')).has_value());
  EXPECT_FALSE(check_new_password(std::string(kMaxPasswordLength + 1, 'a')).has_value());
}

}  // namespace
}  // namespace parcours::security
