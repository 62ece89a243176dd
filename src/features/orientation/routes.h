// The pages of orientation (see routes.cpp: each handler names its method, path and who may call
// it).
#pragma once

#include "core/http/router.h"

namespace parcours::orientation {

void register_routes(http::Router& router);

}  // namespace parcours::orientation
