// What every /api/v1 route of the partner API shares: Bearer authentication by a partner token
// (tokens.h), the per-token rate limit (a token bucket in memory, 429 with Retry-After), the
// scope check (403), and errors as application/problem+json (RFC 9457) with, for validation,
// an `errors` array naming each field in French.
//
//   http::Response get_person(http::Context& ctx) {
//     auto caller = api::authenticate(ctx);
//     if (!caller) return std::move(caller.error());
//     if (auto refused = api::require_scope(*caller, "persons", api::Access::kRead)) return
//     *refused;
//     ... caller->actor() is the Actor to hand to the features' policies ...
//   }
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/http/context.h"
#include "core/http/response.h"
#include "core/security/actor.h"
#include "features/api/tokens.h"

namespace parcours::api {

// The token behind a call.
struct Caller {
  std::int64_t token_id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t territory_id = 0;  // the organisation's
  std::int64_t account_id = 0;    // the technical account: actor of the journal and access log
  std::string name;               // the token's name
  std::vector<std::string> scopes;

  bool can(std::string_view resource, Access access) const {
    return grants(scopes, resource, access);
  }
  // The Actor given to the features' policies: a professional of the token's organisation,
  // chargé d'orientation when the token may write orientations.
  security::Actor actor() const;
};

// The caller of `Authorization: Bearer <secret>`, or the problem to answer: 401 (missing,
// unknown, revoked or expired token, with WWW-Authenticate), 429 (rate limit, Retry-After).
// Records the token's use (touch_token).
std::expected<Caller, http::Response> authenticate(http::Context& ctx);

// 403 problem when the caller's scopes lack `access` to `resource`; nothing when granted.
std::optional<http::Response> require_scope(const Caller& caller, std::string_view resource,
                                            Access access);

// application/problem+json: {"type": "about:blank", "title", "status", "detail"}.
http::Response problem(unsigned status, std::string_view detail);
struct FieldError {
  std::string field;    // the JSON member or query parameter, e.g. "birth_date", "cursor"
  std::string message;  // French, names the field
};
// 422 problem with "errors": [{"field", "message"}...]; detail is the first message.
http::Response validation_problem(const std::vector<FieldError>& errors);
// The problem of a service error (validation errors name their field).
http::Response problem(const Error& error);

// The per-token limit: `rate` requests a second on average, bursts up to `burst`.
// Set at start from the configuration (defaults 20/s, burst 100); thread-safe.
void configure_rate_limit(double rate, double burst);
// Takes one request from the bucket of `token_id` at `now_ms` (steady milliseconds); the
// seconds to wait before retrying when the bucket is empty. Exposed for tests.
std::optional<int> take_request(std::int64_t token_id, std::int64_t now_ms);

}  // namespace parcours::api
