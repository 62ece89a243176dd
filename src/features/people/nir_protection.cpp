#include "features/people/nir_protection.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "features/people/identity.h"

namespace parcours::people {
namespace {

// Subkeys of the data key, one per use (libsodium's KDF, 8-character contexts).
constexpr std::uint64_t kHashSubkey = 1;
constexpr std::uint64_t kSealSubkey = 2;
constexpr char kContext[crypto_kdf_CONTEXTBYTES] = {'p', 'a', 'r', 'c', 'o', 'u', 'r', 's'};

struct KeyState {
  std::mutex mutex;
  std::optional<DataKey> key;
  std::array<unsigned char, 32> hash_key{};
  std::array<unsigned char, crypto_secretbox_KEYBYTES> seal_key{};
};

KeyState& state() {
  static KeyState s;
  return s;
}

void install(KeyState& s, const DataKey& key) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium ne s’initialise pas");
  s.key = key;
  crypto_kdf_derive_from_key(s.hash_key.data(), s.hash_key.size(), kHashSubkey, kContext,
                             key.data());
  crypto_kdf_derive_from_key(s.seal_key.data(), s.seal_key.size(), kSealSubkey, kContext,
                             key.data());
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

// Reads the key file, or creates it (mode 0600, exclusive) with a fresh random key.
DataKey key_from_file(const std::string& path) {
  std::filesystem::path file(path);
  if (!std::filesystem::exists(file)) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    DataKey key;
    randombytes_buf(key.data(), key.size());
    std::string hex = to_hex(key.data(), key.size()) + "\n";
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      bool written = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size());
      ::close(fd);
      if (!written) throw std::runtime_error("écriture impossible de la clé " + path);
      return key;
    }
    if (errno != EEXIST) throw std::runtime_error("création impossible de la clé " + path);
    // Another process created it first: read theirs.
  }
  std::ifstream in(path);
  std::string hex;
  in >> hex;
  auto key = parse_data_key(hex);
  if (!key) throw std::runtime_error("clé de chiffrement illisible dans " + path);
  return *key;
}

}  // namespace

Result<DataKey> parse_data_key(std::string_view hex) {
  DataKey key{};
  std::size_t length = 0;
  if (hex.size() != 64 ||
      // cppcheck-suppress invalidLifetime ; false positive: the caller's string outlives the call
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) !=
          0 ||
      length != key.size()) {
    return fail(ErrorCode::kInvalid,
                "La clé de chiffrement doit comporter 64 caractères hexadécimaux.",
                "PARCOURS_DATA_KEY");
  }
  return key;
}

void set_data_key(const DataKey& key) {
  KeyState& s = state();
  std::lock_guard lock(s.mutex);
  install(s, key);
}

std::string data_key_file(store::Connection& conn) {
  if (conn.dialect() == store::Dialect::kSqlite) {
    for (const auto& row : conn.query("PRAGMA database_list")) {
      if (row.text(1) == "main" && !row.text(2).empty()) return row.text(2) + ".key";
    }
  }
  return "var/parcours-data.key";
}

const DataKey& data_key(store::Connection& conn) {
  KeyState& s = state();
  std::lock_guard lock(s.mutex);
  if (s.key) return *s.key;
  const char* env = std::getenv("PARCOURS_DATA_KEY");
  if (env && *env) {
    auto key = parse_data_key(env);
    if (!key) throw std::runtime_error("PARCOURS_DATA_KEY : " + key.error().message);
    install(s, *key);
  } else {
    install(s, key_from_file(data_key_file(conn)));
  }
  return *s.key;
}

std::string nir_hash(store::Connection& conn, std::string_view nir) {
  data_key(conn);
  const KeyState& s = state();
  std::string first13 = nir_first13(nir);
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(first13.data()),
                     first13.size(), s.hash_key.data(), s.hash_key.size());
  return to_hex(out, sizeof out);
}

ProtectedNir protect_nir(store::Connection& conn, std::string_view nir) {
  ProtectedNir out;
  out.hash = nir_hash(conn, nir);
  out.sealed = seal_text(conn, nir);
  return out;
}

std::string seal_text(store::Connection& conn, std::string_view text) {
  data_key(conn);
  const KeyState& s = state();
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + text.size(), '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(bytes, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(bytes + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(text.data()), text.size(), bytes,
                        s.seal_key.data());
  std::string b64(sodium_base64_encoded_len(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), bytes, box.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.pop_back();
  return b64;
}

std::optional<std::string> reveal_nir(store::Connection& conn, std::string_view sealed) {
  return open_sealed(conn, sealed);
}

std::optional<std::string> open_sealed(store::Connection& conn, std::string_view sealed) {
  data_key(conn);
  const KeyState& s = state();
  std::string box(sealed.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), sealed.data(),
                        sealed.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(box.data());
  std::string nir(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(nir.data()), bytes + crypto_secretbox_NONCEBYTES,
          length - crypto_secretbox_NONCEBYTES, bytes, s.seal_key.data()) != 0) {
    return std::nullopt;
  }
  return nir;
}

std::string display_nir(std::string_view nir) {
  // sex, year, month, département, commune, order, key
  static constexpr int kGroups[] = {1, 2, 2, 2, 3, 3, 2};
  std::string out;
  std::size_t at = 0;
  for (int size : kGroups) {
    if (at >= nir.size()) break;
    if (!out.empty()) out += ' ';
    out += nir.substr(at, static_cast<std::size_t>(size));
    at += static_cast<std::size_t>(size);
  }
  return out;
}

}  // namespace parcours::people
