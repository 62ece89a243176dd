// Server-side sessions, stored in the `sessions` table by the SHA-256/BLAKE2b hash of their
// token (the token itself is only in the visitor's cookie). A session expires after an idle
// period and after an absolute lifetime, both from the Config. Anonymous visitors get no
// session; their CSRF token lives in a separate cookie (see csrf.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/config.h"
#include "core/http/context.h"
#include "core/store/db.h"

namespace parcours::http {

inline constexpr const char* kSessionCookie = "parcours_session";

struct NewSession {
  std::string token;  // to put in the cookie
  Session session;
};

// Creates a session for `user_id`; the caller sets the cookie (see session_cookie()).
NewSession create_session(store::Connection& conn, std::int64_t user_id,
                          std::optional<std::int64_t> acting_organisation_id);

// The live session for a cookie token, refreshing its last-seen time; empty when unknown or
// expired (an expired session is deleted).
std::optional<Session> load_session(store::Connection& conn, const std::string& token,
                                    const Config& config);

// For a session row read by another query (accounts::load_signed_in reads it with the account):
// whether it is still live. An expired session is deleted; a live one has its last-seen time
// refreshed.
bool keep_alive(store::Connection& conn, const Session& session, std::int64_t created_at,
                std::int64_t last_seen_at, const Config& config);

void destroy_session(store::Connection& conn, std::int64_t session_id);
void destroy_user_sessions(store::Connection& conn, std::int64_t user_id);
void set_acting_organisation(store::Connection& conn, std::int64_t session_id,
                             std::optional<std::int64_t> organisation_id);

// "parcours_session=...; Path=/; HttpOnly; SameSite=Lax[; Secure]"; an empty token clears it.
std::string session_cookie(const std::string& token, const Config& config);

}  // namespace parcours::http
