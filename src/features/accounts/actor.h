// Loading the Actor (account and roles) of a signed-in session.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/config.h"
#include "core/http/context.h"
#include "core/http/sessions.h"
#include "core/security/actor.h"
#include "core/store/db.h"

namespace parcours::accounts {

// The active account `user_id` with its active roles; empty when the account is unknown or
// deactivated. `acting_organisation_id` is kept only if the account belongs to it; otherwise
// the first organisation of the account is chosen.
std::optional<security::Actor> load_actor(store::Connection& conn, std::int64_t user_id,
                                          std::optional<std::int64_t> acting_organisation_id);

struct SignedIn {
  http::Session session;
  security::Actor actor;
};

// The live session of a session cookie's token and its account as load_actor gives it, read in
// one query (it runs on every page). Empty when the token is unknown or the session expired (it
// is then deleted, as by http::load_session), or when the account was deactivated or deleted
// since sign-in (the session is then deleted too).
std::optional<SignedIn> load_signed_in(store::Connection& conn, const std::string& token,
                                       const Config& config);

}  // namespace parcours::accounts
