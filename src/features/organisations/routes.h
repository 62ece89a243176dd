// Routes of the organisations feature.
#pragma once

#include "core/http/router.h"

namespace parcours::organisations {
void register_routes(http::Router& router);
}  // namespace parcours::organisations
