// Who may do what with territories. One function per action, deny by default: an anonymous
// visitor (empty actor) is always refused. Admins manage every territory; a territory manager
// sees and edits the settings of their own territory but not its name, identifier or
// départements.
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"

namespace parcours::territories {

using MaybeActor = std::optional<security::Actor>;

bool may_list_territories(const MaybeActor& actor);
bool may_create_territory(const MaybeActor& actor);
bool may_view_territory(const MaybeActor& actor, std::int64_t territory_id);
bool may_edit_territory(const MaybeActor& actor,
                        std::int64_t territory_id);  // name, slug, départements
bool may_edit_territory_settings(const MaybeActor& actor, std::int64_t territory_id);

}  // namespace parcours::territories
