// The persons and journeys of the partner API (see persons.cpp).
#pragma once

#include <optional>

#include "core/http/context.h"
#include "core/http/response.h"
#include "core/http/router.h"

namespace parcours::api {

void register_person_routes(http::Router& router);
// GET /api/v1/persons with a bearer token (the route belongs to the people feature, which
// serves signed-in pages): the answer, or nothing when the call has no bearer token.
std::optional<http::Response> bearer_persons_search(http::Context& ctx);

}  // namespace parcours::api
