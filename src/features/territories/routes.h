// Routes of the territories feature.
#pragma once

#include "core/http/router.h"

namespace parcours::territories {
void register_routes(http::Router& router);
}  // namespace parcours::territories
