#include "features/geo/routes.h"

namespace parcours::geo {

void register_routes(http::Router& /*router*/) {}

}  // namespace parcours::geo
