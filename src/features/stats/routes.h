// The pilotage pages: /pilotage (a territory, or an organisation's scope), /pilotage/national
// (national admin), and the CSV of each of their tables.
#pragma once

#include "core/http/router.h"

namespace parcours::stats {

void register_routes(http::Router& router);

}  // namespace parcours::stats
