// Who sees and edits the catalogue — deny by default, one function per action, tested as a
// role × action matrix (tests/unit/catalogue_policy_test.cpp):
//   - a published service is public: anyone reads it, without an account;
//   - a draft or archived service is read by the members of its organisation only;
//   - an organisation's members (administrateur de la structure, professionnel) list its
//     services and create, edit, publish, archive them; its territory's managers and national
//     admins list them (read only) to follow the territory's offer;
//   - a service without organisation (imported) is edited by nobody in Parcours.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/security/actor.h"

namespace parcours::catalogue {

using MaybeActor = std::optional<security::Actor>;

// The organisation a service belongs to, when it belongs to one.
struct OwnerRef {
  std::int64_t organisation_id = 0;
  std::int64_t territory_id = 0;
};

bool may_list_services(const MaybeActor& actor, const OwnerRef& owner);
bool may_edit_services(const MaybeActor& actor, const OwnerRef& owner);  // create, edit, status
bool may_view_service(const MaybeActor& actor, std::string_view status,
                      const std::optional<OwnerRef>& owner);

}  // namespace parcours::catalogue
