// The pages of matching and referrals (see routes.cpp and public_routes.cpp: each handler names
// its method, path and who may call it).
#pragma once

#include "core/http/router.h"

namespace parcours::referrals {

void register_routes(http::Router& router);

// The public pages: the no-account answer link and the person's space (public_routes.cpp).
void register_public_routes(http::Router& router);

}  // namespace parcours::referrals
