// Who may see "what works, for whom" and download the open data of a territory: its managers
// and the national administrators (aggregated, anonymised figures only). Organisations and
// professionals may not: the comparisons are territorial. Deny by default.
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"

namespace parcours::impact {

enum class Action { kViewImpact, kDownloadOpenData };

bool allowed(const std::optional<security::Actor>& actor, Action action, std::int64_t territory_id);

}  // namespace parcours::impact
