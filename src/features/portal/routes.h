// Routes of the person's own space (/mon-espace) and of the public request form.
#pragma once

#include "core/http/router.h"

namespace parcours::portal {
void register_routes(http::Router& router);
}  // namespace parcours::portal
