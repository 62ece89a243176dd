#include "features/territories/routes.h"

namespace parcours::territories {

void register_routes(http::Router& /*router*/) {}

}  // namespace parcours::territories
