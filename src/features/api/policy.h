// Who manages an organisation's partner API tokens (create, list, revoke): its organisation
// admins and the managers of its territory — deny by default (a professional, a national admin
// without one of those roles, a visitor: no). Tested as a matrix (tests/unit/api_policy_test.cpp).
// What a token may do with the resources is the features' own policies (see auth.h).
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"

namespace parcours::api {

bool may_manage_tokens(const std::optional<security::Actor>& actor, std::int64_t organisation_id,
                       std::int64_t territory_id);

}  // namespace parcours::api
