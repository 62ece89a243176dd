// Protection against cross-site request forgery, two checks on every unsafe method
// (POST, PUT, PATCH, DELETE) of a page:
//  1. the Origin header (or Referer when Origin is absent) must be our public origin;
//  2. the form field `csrf_token` must equal the token of the session (a staff session first,
//     else a person's session of /mon-espace), or for anonymous
//     visitors the token of the `parcours_csrf` cookie (double-submit), compared in constant time.
// API calls authenticated by a bearer token are exempt (no ambient credentials).
#pragma once

#include <string>

#include "core/config.h"
#include "core/error.h"
#include "core/http/context.h"

namespace parcours::http {

inline constexpr const char* kCsrfCookie = "parcours_csrf";
inline constexpr const char* kCsrfField = "csrf_token";

// Makes sure ctx.csrf_token is set (from the session, the cookie, or a new random one that is
// then sent as a cookie through ctx.response_headers).
void ensure_csrf_token(Context& ctx);

// Checks an unsafe request; an error says in French what is wrong (403).
Result<void> check_csrf(const Context& ctx);
// The first check alone (the Origin), for a request whose body is not read yet (upload.h).
Result<void> check_origin(const Context& ctx);

}  // namespace parcours::http
