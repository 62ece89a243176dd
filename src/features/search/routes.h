// The search of services, public: the page /services (no login) and the APIs
// /api/v1/search/services (data·inclusion's search parameters), /api/v1/services and
// /api/v1/structures (the published catalogue in the data·inclusion format, by cursor).
#pragma once

#include "core/http/router.h"

namespace parcours::search {

void register_routes(http::Router& router);

}  // namespace parcours::search
