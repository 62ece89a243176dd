// Pages to manage the members of an organisation (/structures/{id}/membres...): list, invite,
// set roles, deactivate. For admins, the organisation's territory managers and its org admins.
#pragma once

#include "core/http/router.h"

namespace parcours::organisations {
void register_member_routes(http::Router& router);
}  // namespace parcours::organisations
