// The catalogue's pages: an organisation's offer of services (/structures/{id}/services), the
// service form (create, edit), its status changes, and the service's page (/services/{id}),
// public when published. /offre-de-services leads a member to their organisation's offer.
#pragma once

#include "core/http/router.h"

namespace parcours::catalogue {

void register_routes(http::Router& router);

}  // namespace parcours::catalogue
