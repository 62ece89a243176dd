// Routes of the accounts feature.
#pragma once

#include "core/http/router.h"

namespace parcours::accounts {
void register_routes(http::Router& router);
}  // namespace parcours::accounts
