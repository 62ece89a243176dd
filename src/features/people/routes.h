// The pages and API of the dossier unique (see each *_routes.cpp for the routes and who may
// call them).
#pragma once

#include "core/http/router.h"

namespace parcours::people {

void register_routes(http::Router& router);

// One group per file.
void register_search_routes(http::Router& router);
void register_person_routes(http::Router& router);
void register_team_routes(http::Router& router);
void register_merge_routes(http::Router& router);

}  // namespace parcours::people
