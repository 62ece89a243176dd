// Who may do what with organisations and their members. One function per action, deny by
// default (an anonymous visitor is always refused):
//   - admins: everything;
//   - territory managers: the organisations of their territory (create, edit, deactivate,
//     members);
//   - organisation admins: see their organisation and manage its members;
//   - professionals: see the organisations they belong to.
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"

namespace parcours::organisations {

using MaybeActor = std::optional<security::Actor>;

struct OrganisationRef {
  std::int64_t id = 0;
  std::int64_t territory_id = 0;
};

bool may_list_organisations(const MaybeActor& actor);
bool may_create_organisation(const MaybeActor& actor, std::int64_t territory_id);
bool may_view_organisation(const MaybeActor& actor, const OrganisationRef& org);
bool may_edit_organisation(const MaybeActor& actor, const OrganisationRef& org);
bool may_move_organisation(const MaybeActor& actor);  // to another territory
bool may_deactivate_organisation(const MaybeActor& actor, const OrganisationRef& org);
bool may_view_members(const MaybeActor& actor, const OrganisationRef& org);
bool may_manage_members(const MaybeActor& actor, const OrganisationRef& org);

}  // namespace parcours::organisations
