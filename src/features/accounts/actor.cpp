#include "features/accounts/actor.h"

namespace parcours::accounts {

// Placeholder until the accounts feature lands: nobody is signed in.
std::optional<security::Actor> load_actor(store::Connection& /*conn*/, std::int64_t /*user_id*/,
                                          std::optional<std::int64_t> /*acting_organisation_id*/) {
  return std::nullopt;
}

}  // namespace parcours::accounts
