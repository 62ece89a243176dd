#include "features/api/tokens.h"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "core/clock.h"
#include "core/http/tokens.h"
#include "core/store/journal.h"
#include "core/text.h"

namespace parcours::api {
namespace {

constexpr std::string_view kSecretPrefix = "prc_";
constexpr std::size_t kShownPrefix = 12;  // "prc_" + 8 characters
constexpr std::size_t kMaxName = 80;

std::vector<std::string> split_scopes(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '\n' || c == '\t' || c == ';') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

// "2027-03-12" or "12/03/2027" → days since the epoch; empty when not a real date.
std::optional<std::int64_t> parse_day(std::string_view text) {
  int y = 0, m = 0, d = 0;
  std::string s(text);
  char extra = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 &&
      std::sscanf(s.c_str(), "%2d/%2d/%4d%c", &d, &m, &y, &extra) != 3) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || y < 2000 || y > 2200) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

constexpr const char* kColumns =
    "t.id, t.organisation_id, o.territory_id, t.account_id, t.name, t.prefix, t.scopes, "
    "t.expires_at, t.created_by, COALESCE(u.name, ''), t.created_at, t.last_used_at, "
    "t.revoked_at FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id "
    "LEFT JOIN users u ON u.id = t.created_by";

Token token_of(const store::Row& r) {
  Token t;
  t.id = r.integer(0);
  t.organisation_id = r.integer(1);
  t.territory_id = r.integer(2);
  t.account_id = r.integer(3);
  t.name = r.text(4);
  t.prefix = r.text(5);
  t.scopes = split_scopes(r.text(6));
  t.expires_at = r.opt_integer(7);
  t.created_by = r.opt_integer(8);
  t.created_by_name = r.text(9);
  t.created_at = r.integer(10);
  t.last_used_at = r.opt_integer(11);
  t.revoked_at = r.opt_integer(12);
  return t;
}

}  // namespace

const std::vector<Resource>& resources() {
  static const std::vector<Resource> kResources{
      {"persons", "Personnes"},
      {"journeys", "Parcours"},
      {"team", "Équipes"},
      {"diagnostic", "Diagnostics"},
      {"orientation", "Orientations"},
      {"plan", "Plans d’action"},
      {"appointments", "Rendez-vous"},
      {"referrals", "Prescriptions"},
      {"events", "Flux des événements"},
      {"webhooks", "Webhooks"},
      {"exports", "Exports"},
  };
  return kResources;
}

Result<std::vector<std::string>> parse_scopes(std::string_view text) {
  auto items = split_scopes(text);
  if (items.empty()) {
    return fail(ErrorCode::kInvalid, "Portées : choisissez au moins une portée.", "scopes");
  }
  const auto& all = resources();
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& item : items) {
    auto colon = item.find(':');
    std::string resource = item.substr(0, colon);
    std::string access = colon == std::string::npos ? "" : item.substr(colon + 1);
    auto it =
        std::find_if(all.begin(), all.end(), [&](const Resource& r) { return resource == r.code; });
    if (it == all.end() || (access != "read" && access != "write")) {
      return fail(ErrorCode::kInvalid,
                  "Portées : « " + item +
                      " » n’est pas une portée connue (ressource:read ou ressource:write, par "
                      "exemple persons:read).",
                  "scopes");
    }
    std::size_t rank = static_cast<std::size_t>(it - all.begin()) * 2 + (access == "write");
    ranked.emplace_back(rank, item);
  }
  std::sort(ranked.begin(), ranked.end());
  ranked.erase(std::unique(ranked.begin(), ranked.end()), ranked.end());
  std::vector<std::string> out;
  out.reserve(ranked.size());
  for (auto& [rank, item] : ranked) out.push_back(std::move(item));
  return out;
}

bool grants(const std::vector<std::string>& scopes, std::string_view resource, Access access) {
  std::string write = std::string(resource) + ":write";
  std::string read = std::string(resource) + ":read";
  for (const auto& s : scopes) {
    if (s == write) return true;
    if (access == Access::kRead && s == read) return true;
  }
  return false;
}

std::string hash_secret(std::string_view secret) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(sizeof digest * 2);
  for (unsigned char b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

Result<CreatedToken> create_token(store::Connection& conn, const TokenForm& form,
                                  std::optional<std::int64_t> by) {
  std::string name = text::trim(form.name);
  if (name.empty()) {
    return fail(ErrorCode::kInvalid, "Nom : indiquez le nom du jeton (le logiciel qui l’utilise).",
                "name");
  }
  if (name.size() > kMaxName) {
    return fail(ErrorCode::kInvalid, "Nom : 80 caractères au plus.", "name");
  }
  auto scopes = parse_scopes(form.scopes);
  if (!scopes) return std::unexpected(scopes.error());
  std::optional<std::int64_t> expires_at;
  std::int64_t now = now_seconds();
  if (auto e = text::trim(form.expires); !e.empty()) {
    auto day = parse_day(e);
    if (!day) {
      return fail(ErrorCode::kInvalid,
                  "Date d’expiration : une date est attendue (AAAA-MM-JJ ou JJ/MM/AAAA).",
                  "expires");
    }
    expires_at = paris_local_to_unix(*day + 1, 0, 0);  // valid through that day, Paris time
    if (*expires_at <= now) {
      return fail(ErrorCode::kInvalid, "Date d’expiration : elle doit être dans le futur.",
                  "expires");
    }
  }
  return store::with_transaction(conn, [&]() -> Result<CreatedToken> {
    auto org = conn.query_one("SELECT name, territory_id FROM organisations WHERE id = $1",
                              {form.organisation_id});
    if (!org) return fail(ErrorCode::kNotFound, "Structure introuvable.");
    std::string secret = std::string(kSecretPrefix) + http::random_token();
    std::string hash = hash_secret(secret);
    // The technical account: inactive and without password, it can never sign in.
    auto account = conn.query_one(
        "INSERT INTO users (email, name, password_hash, active, created_at, updated_at) "
        "VALUES ($1, $2, NULL, 0, $3, $3) RETURNING id",
        {"jeton-" + hash.substr(0, 20) + "@api.invalid",
         "Jeton API « " + name + " » — " + org->text(0), now});
    auto row = conn.query_one(
        "INSERT INTO api_tokens (organisation_id, account_id, name, prefix, secret_hash, scopes, "
        "expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
        "RETURNING id",
        {form.organisation_id, account->integer(0), name, secret.substr(0, kShownPrefix), hash,
         join(*scopes), store::opt(expires_at), store::opt(by), now});
    std::int64_t id = row->integer(0);
    boost::json::array scope_list;
    for (const auto& s : *scopes) scope_list.emplace_back(s);
    boost::json::object payload{{"token_id", id},
                                {"organisation_id", form.organisation_id},
                                {"name", name},
                                {"scopes", std::move(scope_list)}};
    if (expires_at) payload["expires_at"] = format_iso8601(*expires_at);
    store::append_event(conn, {.kind = "api_token.created",
                               .territory_id = org->integer(1),
                               .actor_id = by,
                               .payload_json = boost::json::serialize(payload)});
    auto token = find_token(conn, id);
    return CreatedToken{std::move(*token), std::move(secret)};
  });
}

std::optional<Token> find_token_by_secret(store::Connection& conn, std::string_view secret) {
  if (!secret.starts_with(kSecretPrefix) ||
      secret.size() != kSecretPrefix.size() + http::kTokenLength) {
    return std::nullopt;
  }
  auto row = conn.query_one(std::string("SELECT ") + kColumns + " WHERE t.secret_hash = $1",
                            {hash_secret(secret)});
  if (!row) return std::nullopt;
  return token_of(*row);
}

std::optional<Token> find_token(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(std::string("SELECT ") + kColumns + " WHERE t.id = $1", {id});
  if (!row) return std::nullopt;
  return token_of(*row);
}

std::vector<Token> list_tokens(store::Connection& conn, std::int64_t organisation_id) {
  std::vector<Token> out;
  for (const auto& row : conn.query(
           std::string("SELECT ") + kColumns + " WHERE t.organisation_id = $1 ORDER BY t.id DESC",
           {organisation_id})) {
    out.push_back(token_of(row));
  }
  return out;
}

Result<void> revoke_token(store::Connection& conn, std::int64_t organisation_id,
                          std::int64_t token_id, std::optional<std::int64_t> by) {
  return store::with_transaction(conn, [&]() -> Result<void> {
    auto token = find_token(conn, token_id);
    if (!token || token->organisation_id != organisation_id) {
      return fail(ErrorCode::kNotFound, "Jeton introuvable.");
    }
    if (token->revoked_at) return {};
    std::int64_t now = now_seconds();
    conn.execute("UPDATE api_tokens SET revoked_at = $1, revoked_by = $2 WHERE id = $3",
                 {now, store::opt(by), token_id});
    boost::json::object payload{
        {"token_id", token_id}, {"organisation_id", organisation_id}, {"name", token->name}};
    store::append_event(conn, {.kind = "api_token.revoked",
                               .territory_id = token->territory_id,
                               .actor_id = by,
                               .payload_json = boost::json::serialize(payload)});
    return {};
  });
}

void touch_token(store::Connection& conn, const Token& token, std::int64_t now) {
  if (token.last_used_at && *token.last_used_at > now - 60) return;
  conn.execute(
      "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND "
      "(last_used_at IS NULL OR last_used_at <= $3)",
      {now, token.id, now - 60});
}

}  // namespace parcours::api
