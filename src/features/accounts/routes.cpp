#include "features/accounts/routes.h"

namespace parcours::accounts {

void register_routes(http::Router& /*router*/) {}

}  // namespace parcours::accounts
