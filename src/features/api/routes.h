// The partner API v1 (/api/v1/...): partner tokens pages (org page section "Accès API"), the
// OpenAPI 3.1 document (docs/api/openapi.json, served at /api/v1/openapi.json) and the
// resources (persons, journeys, team, appointments, referrals...), each read and written through
// the features' own services and policies.
#pragma once

#include "core/http/router.h"

namespace parcours::api {

void register_routes(http::Router& router);

}  // namespace parcours::api
