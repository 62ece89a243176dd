// Routes of the change feed and webhooks: the pages (/structures/{id}/webhooks) and the partner
// API (/api/v1/events, /api/v1/webhooks).
#pragma once

#include "core/http/router.h"

namespace parcours::feed {

void register_pages(http::Router& router);
void register_api(http::Router& router);

inline void register_routes(http::Router& router) {
  register_pages(router);
  register_api(router);
}

}  // namespace parcours::feed
