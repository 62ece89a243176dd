// The demonstration catalogue of the Ardennes: several dozen services over every category of
// thématiques, offered by the demo organisations and by a few structures without an account
// (source "demo", as if imported), in real communes of the Ardennes, with zones by commune, EPCI,
// département and France, some at a distance, some not updated for more than 6 months (stale).
// Deterministic (fixed identifiers "parcours--demo-…"; dates counted back from the first seeding)
// and idempotent: a service that already exists is left as is.
#pragma once

#include <cstdint>
#include <vector>

#include "core/store/db.h"

namespace parcours::catalogue {

// `organisation_ids`: the demo organisations in the order of demo/seed.cpp. Returns the number
// of services created.
int seed_demo_catalogue(store::Connection& conn, std::int64_t territory_id,
                        const std::vector<std::int64_t>& organisation_ids);

}  // namespace parcours::catalogue
