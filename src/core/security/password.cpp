#include "core/security/password.h"

#include <sodium.h>

#include <mutex>
#include <semaphore>
#include <stdexcept>

namespace parcours::security {
namespace {

std::counting_semaphore<kMaxConcurrentHashes> hash_slots{kMaxConcurrentHashes};

// Holds one of the hashing slots for the time of one argon2id computation.
class HashSlot {
 public:
  HashSlot() { hash_slots.acquire(); }
  ~HashSlot() { hash_slots.release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

// Number of Unicode code points of UTF-8 text (continuation bytes are not counted), which is
// what a user means by "12 caractères".
std::size_t count_characters(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

const std::string& dummy_hash() {
  // A hash of a random password nobody knows, computed on first use.
  static const std::string hash = [] {
    init_sodium();
    unsigned char secret[32];
    randombytes_buf(secret, sizeof secret);
    return hash_password(std::string_view(reinterpret_cast<const char*>(secret), sizeof secret));
  }();
  return hash;
}

}  // namespace

void init_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium ne peut pas démarrer");
  });
}

Result<void> check_new_password(std::string_view password, std::string_view field) {
  std::size_t length = count_characters(password);
  if (length < kMinPasswordLength) {
    return fail(ErrorCode::kInvalid,
                "Le mot de passe doit comporter au moins 12 caractères. Une phrase de plusieurs "
                "mots est facile à retenir et difficile à deviner.",
                std::string(field));
  }
  if (length > kMaxPasswordLength) {
    return fail(ErrorCode::kInvalid, "Le mot de passe doit comporter au plus 256 caractères.",
                std::string(field));
  }
  return {};
}

std::string hash_password(std::string_view password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  HashSlot slot;
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("mémoire insuffisante pour calculer l'empreinte du mot de passe");
  }
  return out;
}

bool verify_password(const std::string& stored_hash, std::string_view password) {
  init_sodium();
  HashSlot slot;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool verify_dummy_password(std::string_view password) {
  verify_password(dummy_hash(), password);
  return false;
}

}  // namespace parcours::security
