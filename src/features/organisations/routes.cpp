#include "features/organisations/routes.h"

namespace parcours::organisations {

void register_routes(http::Router& /*router*/) {}

}  // namespace parcours::organisations
