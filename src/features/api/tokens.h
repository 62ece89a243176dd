// Partner tokens of an organisation: a name, scopes per resource (read or write), an optional
// expiry, revocation. The secret ("prc_" + 43 base64url characters, 256 random bits) is given
// once at creation; the database keeps its SHA-256 (see docs/decisions/0016-api-tokens.md) and
// a short prefix to recognise it in lists. Each token acts through its own technical account
// (an inactive users row without password, never able to sign in), which the journal and the
// access log name as the actor. Creation and revocation are journaled (api_token.created,
// api_token.revoked) in the same transaction.
//
//   auto made = create_token(conn, {.organisation_id = 3, .name = "Logiciel RSA",
//                                   .scopes = "persons:read,journeys:read"}, user_id);
//   std::cout << made->secret;  // shown once
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::api {

enum class Access { kRead, kWrite };

// The resources a scope names, in the order the pages list them, with their French labels.
struct Resource {
  const char* code;   // "persons"
  const char* label;  // "Personnes"
};
const std::vector<Resource>& resources();

// "persons:read persons:write" (comma or space separated, any order): each scope checked,
// duplicates removed, sorted as resources() then read before write. Field "scopes".
Result<std::vector<std::string>> parse_scopes(std::string_view text);
// Whether `scopes` grant `access` to `resource` (write includes read).
bool grants(const std::vector<std::string>& scopes, std::string_view resource, Access access);

struct Token {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t territory_id = 0;  // of the organisation
  std::int64_t account_id = 0;    // the technical account the token acts through
  std::string name;
  std::string prefix;
  std::vector<std::string> scopes;
  std::optional<std::int64_t> expires_at;
  std::optional<std::int64_t> created_by;
  std::string created_by_name;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> revoked_at;

  bool expired(std::int64_t now) const { return expires_at && *expires_at <= now; }
  bool usable(std::int64_t now) const { return !revoked_at && !expired(now); }
};

struct TokenForm {
  std::int64_t organisation_id = 0;
  std::string name;     // field "name", 1-80 characters
  std::string scopes;   // field "scopes"
  std::string expires;  // field "expires": "" (none), YYYY-MM-DD or JJ/MM/AAAA, in the future
};

struct CreatedToken {
  Token token;
  std::string secret;  // the only time it exists in clear
};

// SHA-256 of the secret, lowercase hex.
std::string hash_secret(std::string_view secret);

Result<CreatedToken> create_token(store::Connection& conn, const TokenForm& form,
                                  std::optional<std::int64_t> by);
// The token of `secret` (revoked and expired ones too: the caller tells them apart).
std::optional<Token> find_token_by_secret(store::Connection& conn, std::string_view secret);
std::optional<Token> find_token(store::Connection& conn, std::int64_t id);
// The organisation's tokens, newest first.
std::vector<Token> list_tokens(store::Connection& conn, std::int64_t organisation_id);
// Revokes a token of the organisation (not found otherwise; revoking twice is a no-op).
Result<void> revoke_token(store::Connection& conn, std::int64_t organisation_id,
                          std::int64_t token_id, std::optional<std::int64_t> by);
// Records a use; writes at most once a minute per token so that calls stay reads.
void touch_token(store::Connection& conn, const Token& token, std::int64_t now);

}  // namespace parcours::api
