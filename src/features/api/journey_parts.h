// The diagnostic, orientation and plan of a journey in the partner API (see journey_parts.cpp).
#pragma once

#include "core/http/router.h"

namespace parcours::api {

void register_journey_part_routes(http::Router& router);

}  // namespace parcours::api
