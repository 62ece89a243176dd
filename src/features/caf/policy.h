// Who may import CAF flux files and read their reports: territory managers, for their own
// territory. Deny by default (a visitor, a professional, an org admin, the national admin).
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"

namespace parcours::caf {

using MaybeActor = std::optional<security::Actor>;

// The import pages at all (the list and the upload form).
bool may_import(const MaybeActor& actor);
// An upload into `territory_id`, or the report of an import made there.
bool may_import_into(const MaybeActor& actor, std::int64_t territory_id);

}  // namespace parcours::caf
