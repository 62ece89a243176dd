// The "Accès API" page of an organisation: its partner tokens (see pages.cpp).
#pragma once

#include "core/http/router.h"

namespace parcours::api {

void register_token_pages(http::Router& router);

}  // namespace parcours::api
