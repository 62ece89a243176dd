// Routes of the geo feature.
#pragma once

#include "core/http/router.h"

namespace parcours::geo {
void register_routes(http::Router& router);
}  // namespace parcours::geo
