// The team and appointments of a journey in the partner API (see journeys.cpp).
#pragma once

#include "core/http/router.h"

namespace parcours::api {

void register_journey_routes(http::Router& router);

}  // namespace parcours::api
