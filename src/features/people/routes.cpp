#include "features/people/routes.h"

namespace parcours::people {

void register_routes(http::Router& router) {
  register_search_routes(router);
  register_person_routes(router);
  register_team_routes(router);
  register_merge_routes(router);
}

}  // namespace parcours::people
