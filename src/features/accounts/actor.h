// Loading the Actor (account and roles) of a signed-in session.
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"
#include "core/store/db.h"

namespace parcours::accounts {

// The active account `user_id` with its active roles; empty when the account is unknown or
// deactivated. `acting_organisation_id` is kept only if the account belongs to it; otherwise
// the first organisation of the account is chosen.
std::optional<security::Actor> load_actor(store::Connection& conn, std::int64_t user_id,
                                          std::optional<std::int64_t> acting_organisation_id);

}  // namespace parcours::accounts
