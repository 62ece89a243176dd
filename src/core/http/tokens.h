// Random tokens and their hashes for sessions and CSRF (libsodium): a token is 32 random bytes
// written in base64url without padding (43 characters); what the database keeps is its BLAKE2b
// hash in hex, so a leaked table does not give away live sessions.
#pragma once

#include <string>
#include <string_view>

namespace parcours::http {

inline constexpr std::size_t kTokenLength = 43;

std::string random_token();
// BLAKE2b-256 of `data`, in lowercase hex.
std::string hash_hex(std::string_view data);
// Constant-time equality (the length is not secret).
bool same_secret(std::string_view a, std::string_view b);

}  // namespace parcours::http
