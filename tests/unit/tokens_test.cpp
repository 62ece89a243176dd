#include "core/security/tokens.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace parcours::security {
namespace {

TEST(Tokens, RandomTokenIs43Base64UrlCharacters) {
  std::string token = random_token();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos)
      << token;
}

TEST(Tokens, RandomTokensDoNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(random_token());
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Tokens, HashIsBlake2b256InLowercaseHex) {
  // BLAKE2b-256 of the empty string (RFC 7693 parameters, 32-byte digest).
  EXPECT_EQ(token_hash(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(token_hash("abc").size(), 64u);
  EXPECT_NE(token_hash("abc"), token_hash("abd"));
}

TEST(Tokens, ConstantTimeEqualsComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equals("secret", "secret"));
  EXPECT_FALSE(constant_time_equals("secret", "secreT"));
  EXPECT_FALSE(constant_time_equals("secret", "secrets"));
  EXPECT_TRUE(constant_time_equals("", ""));
}

}  // namespace
}  // namespace parcours::security
