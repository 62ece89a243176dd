// The NIR is stored protected: `nir_hash`, a keyed BLAKE2b of its first 13 characters (so that
// the same person is found again without keeping the number in clear), and `nir_sealed`, the NIR
// as given encrypted with libsodium's secretbox (shown to the roles that need it). Both use
// subkeys derived from one 32-byte data key:
//   1. PARCOURS_DATA_KEY (64 hexadecimal characters) when set — the way to run several servers
//      on one PostgreSQL database: they must all share it;
//   2. otherwise a key file created on first use with mode 0600: `<database>.key` next to a
//      SQLite database file, `var/parcours-data.key` (from the working directory) for
//      PostgreSQL or an in-memory database.
// Losing the key makes the stored NIRs unreadable and unmatchable: back it up with the database.
//
//   auto protected_nir = protect_nir(conn, "184057512345654");  // {hash, sealed}
//   reveal_nir(conn, protected_nir.sealed) == "184057512345654"
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::people {

using DataKey = std::array<unsigned char, 32>;

// 64 hexadecimal characters as a key; kInvalid otherwise.
Result<DataKey> parse_data_key(std::string_view hex);

// Uses `key` from now on in this process (tests, or a command that resolved it itself).
void set_data_key(const DataKey& key);

// The key file used for a database when PARCOURS_DATA_KEY is unset.
std::string data_key_file(store::Connection& conn);

// The process's data key: the one set, else PARCOURS_DATA_KEY, else the key file (created when
// missing). Throws std::runtime_error when PARCOURS_DATA_KEY is malformed or the file cannot be
// read or written: infrastructure, not user input.
const DataKey& data_key(store::Connection& conn);

struct ProtectedNir {
  std::string hash;    // hex; identical for the 13- and 15-character forms of one NIR
  std::string sealed;  // base64 of nonce + ciphertext
};

// `nir` is a normalised NIR (normalise_nir).
ProtectedNir protect_nir(store::Connection& conn, std::string_view nir);
std::string nir_hash(store::Connection& conn, std::string_view nir);

// The NIR in clear; nullopt when it cannot be opened (another key).
std::optional<std::string> reveal_nir(store::Connection& conn, std::string_view sealed);

// Any other secret kept sealed with the same key (webhook signing secrets): base64 of nonce +
// ciphertext, and back; nullopt when it cannot be opened (another key, not a sealed value).
std::string seal_text(store::Connection& conn, std::string_view text);
std::optional<std::string> open_sealed(store::Connection& conn, std::string_view sealed);

// "2 84 05 2A 123 456 21": the NIR grouped the usual way for reading.
std::string display_nir(std::string_view nir);

// What is shown instead of a NIR to those who may not see it.
inline constexpr const char* kMaskedNir = "Renseigné (masqué)";

}  // namespace parcours::people
