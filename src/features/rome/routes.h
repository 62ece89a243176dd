// The ROME job titles API (autocomplete of the diagnostic's job projects).
#pragma once

#include "core/http/router.h"

namespace parcours::rome {

void register_routes(http::Router& router);

}  // namespace parcours::rome
