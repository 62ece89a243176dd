// Password hashing with argon2id (libsodium `crypto_pwhash_str`, interactive limits). One hash
// costs about 64 MiB and a fraction of a second of one core, so at most kMaxConcurrentHashes run
// at once: a burst of logins waits instead of exhausting memory.
//
//   if (auto ok = check_new_password(pw); !ok) return std::unexpected(ok.error());
//   std::string stored = hash_password(pw);    ...    verify_password(stored, typed);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parcours::security {

inline constexpr std::size_t kMinPasswordLength = 12;   // characters, not bytes
inline constexpr std::size_t kMaxPasswordLength = 256;  // bounds the work an attacker can ask for
inline constexpr int kMaxConcurrentHashes = 4;

// Starts libsodium once (thread-safe, idempotent); throws std::runtime_error if it cannot.
void init_sodium();

// Rules for a password chosen by a user; the error names `field` and says what to do, in French.
Result<void> check_new_password(std::string_view password, std::string_view field = "password");

// The argon2id hash string to store ("$argon2id$v=19$..."). Throws std::runtime_error when the
// memory for hashing cannot be obtained.
std::string hash_password(std::string_view password);

// True when `password` matches `stored_hash`; false for a wrong password or a malformed hash.
bool verify_password(const std::string& stored_hash, std::string_view password);

// Spends the time of one verification against a fixed hash, and returns false. Used when the
// account is unknown, inactive or has no password yet, so that the answer time does not reveal
// which accounts exist.
bool verify_dummy_password(std::string_view password);

}  // namespace parcours::security
