// Secret tokens (password links, sessions): 32 random bytes written in base64url, so they fit in
// a URL or a cookie as is. Only their BLAKE2b hash is stored, so a copy of the database does not
// give working links or sessions.
//
//   std::string token = random_token();              // goes to the user, never stored
//   conn.execute("INSERT ... token_hash ...", {token_hash(token)});
#pragma once

#include <string>
#include <string_view>

namespace parcours::security {

// 32 bytes from the system's secure random source, base64url without padding (43 characters).
std::string random_token();

// BLAKE2b-256 of the token, 64 lowercase hexadecimal characters.
std::string token_hash(std::string_view token);

// Compares two secrets in time that depends only on their lengths.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace parcours::security
