// Who may search the ROME job titles: reference data, but the API is not public (it serves the
// diagnostic forms): a signed-in professional account, or a person signed in to their space
// (their own part of the diagnostic lists job projects too). Deny by default.
#pragma once

#include <optional>

#include "core/security/actor.h"

namespace parcours::rome {

bool may_search_appellations(const std::optional<security::Actor>& actor, bool person_signed_in);

}  // namespace parcours::rome
