// Secret tokens of links, sessions and forms: their shape, their randomness, their hash.
#include "core/http/tokens.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace parcours::http {
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
  EXPECT_EQ(hash_hex(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(hash_hex("abc").size(), 64u);
  EXPECT_NE(hash_hex("abc"), hash_hex("abd"));
}

TEST(Tokens, SameSecretComparesContentAndLengthAndNeverMatchesEmpty) {
  EXPECT_TRUE(same_secret("secret", "secret"));
  EXPECT_FALSE(same_secret("secret", "secreT"));
  EXPECT_FALSE(same_secret("secret", "secrets"));
  EXPECT_FALSE(same_secret("", ""));
}

}  // namespace
}  // namespace parcours::http
