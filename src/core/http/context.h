// Everything a handler needs for one request: the request, a database connection of its
// worker, the settings, the signed-in account (if any) and its session. Built by the app's
// request pipeline (src/app), which loads the session, checks CSRF and picks the route.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/http/request.h"
#include "core/security/actor.h"
#include "core/store/db.h"

namespace parcours::http {

struct Session {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::optional<std::int64_t> acting_organisation_id;
};

// A session of the person's own space (/mon-espace): a person accompanied, not an account.
// Kept apart from staff sessions (its own table and cookie); it never grants an Actor.
struct PersonSession {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string csrf_token;
};

struct Context {
  Request& request;
  store::Connection& db;
  const Config& config;
  std::optional<Session> session;
  std::optional<security::Actor> actor;
  std::optional<PersonSession> person_session;
  bool demo = false;  // the database is a demonstration one: every page shows a banner
  // Set-Cookie and other headers that the pipeline adds to whatever response the handler returns.
  std::vector<std::pair<std::string, std::string>> response_headers;
  // One-shot message shown on the next page (after a redirect), e.g. "Structure créée."
  std::optional<std::string> flash;

  bool signed_in() const { return actor.has_value(); }
  // The CSRF token to put in forms (of the session, or of the anonymous visitor cookie).
  std::string csrf_token;
};

}  // namespace parcours::http
