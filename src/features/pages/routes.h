// The home page and the pages every French public service owes its users: accessibility
// declaration, personal data, legal notice. Public (no sign-in needed).
#pragma once

#include "core/http/router.h"

namespace parcours::pages {
void register_routes(http::Router& router);
}  // namespace parcours::pages
