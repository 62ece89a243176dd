// Pages of "what works, for whom" and of the open data, under /pilotage (a manager of the
// territory, or a national administrator).
#pragma once

#include "core/http/router.h"

namespace parcours::impact {

void register_routes(http::Router& router);

}  // namespace parcours::impact
