// Pages of the CSV exports: /territoires/{id}/exports (a territory manager of that territory).
#pragma once

#include "core/http/router.h"

namespace parcours::exports {

void register_routes(http::Router& router);

}  // namespace parcours::exports
