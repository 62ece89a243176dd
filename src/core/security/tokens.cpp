#include "core/security/tokens.h"

#include <sodium.h>

#include "core/security/password.h"

namespace parcours::security {
namespace {
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kHashBytes = 32;
}  // namespace

std::string random_token() {
  init_sodium();
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char text[sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  return text;
}

std::string token_hash(std::string_view token) {
  init_sodium();
  unsigned char digest[kHashBytes];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[kHashBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool constant_time_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace parcours::security
