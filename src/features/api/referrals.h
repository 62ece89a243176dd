// Referrals in the partner API (see referrals.cpp).
#pragma once

#include "core/http/router.h"

namespace parcours::api {

void register_referral_routes(http::Router& router);

}  // namespace parcours::api
