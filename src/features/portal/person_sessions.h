// Sessions of the person's own space (/mon-espace), kept apart from staff sessions: their own
// table (person_sessions, by the hash of the token) and their own cookie, so that a person
// signed in never holds an account's rights and signing out of one never ends the other. Same
// lifetimes as staff sessions (Config: idle and absolute), same cookie flags (HttpOnly,
// SameSite=Lax, Secure over https). A session ends when its person is merged into another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/config.h"
#include "core/http/context.h"
#include "core/store/db.h"

namespace parcours::portal {

inline constexpr const char* kPersonSessionCookie = "parcours_espace";

struct NewPersonSession {
  std::string token;  // to put in the cookie
  http::PersonSession session;
};

// Creates a session for `person_id`; the caller sets the cookie (person_session_cookie()).
NewPersonSession create_person_session(store::Connection& conn, std::int64_t person_id);

// The live session for a cookie token, refreshing its last-seen time; empty when unknown,
// expired (then deleted) or when the person's record was merged into another.
std::optional<http::PersonSession> load_person_session(store::Connection& conn,
                                                       const std::string& token,
                                                       const Config& config);

void destroy_person_session(store::Connection& conn, std::int64_t session_id);

// "parcours_espace=...; Path=/; HttpOnly; SameSite=Lax[; Secure]"; an empty token clears it.
std::string person_session_cookie(const std::string& token, const Config& config);

}  // namespace parcours::portal
