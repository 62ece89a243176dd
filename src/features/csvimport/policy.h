// Who may import person files for an organisation, choose its column mapping, and read its
// imports: the organisation's admins and the managers of its territory. Deny by default (a
// visitor, a professional, an orientation officer, an admin of another organisation, a manager
// of another territory, the national admin).
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"

namespace parcours::csvimport {

using MaybeActor = std::optional<security::Actor>;

bool may_import_for(const MaybeActor& actor, std::int64_t organisation_id,
                    std::int64_t organisation_territory_id);

}  // namespace parcours::csvimport
