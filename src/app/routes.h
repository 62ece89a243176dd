// Every feature adds its routes to the one router of the application.
#pragma once

#include "core/http/router.h"

namespace parcours::app {
void register_all_routes(http::Router& router);
}  // namespace parcours::app
