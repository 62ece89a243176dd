// Who may do what with accounts: one function per action, each answering yes or no for an
// Actor, denying by default (no actor, or no grant that allows it). Handlers ask these and never
// decide access themselves; tests/unit/accounts_policy_test.cpp checks them as a role × action
// table.
#pragma once

#include <cstdint>
#include <optional>

#include "core/security/actor.h"

namespace parcours::accounts {

// The role being granted or removed, with the territory it applies to: the territory itself
// for a territory manager, the territory of the organisation for organisation roles.
struct RoleTarget {
  security::Role role;
  std::optional<std::int64_t> territory_id;
  std::optional<std::int64_t> organisation_id;
};

// Seeing one's own account page (name, email, roles) and changing one's password.
bool may_view_own_account(const std::optional<security::Actor>& actor);

// Acting for `organisation_id`: only for an organisation the account belongs to.
bool may_act_for_organisation(const std::optional<security::Actor>& actor,
                              std::int64_t organisation_id);

// Inviting a person into an organisation (creating an account there): national admins, the
// manager of the organisation's territory, the organisation's admins.
bool may_invite_to_organisation(const std::optional<security::Actor>& actor,
                                std::int64_t organisation_id,
                                std::int64_t organisation_territory_id);

// Granting or removing a role. National admins grant every role; a territory manager grants
// organisation roles in its territory; an organisation admin grants organisation roles in its
// organisation. Only national admins make admins or territory managers.
bool may_grant_role(const std::optional<security::Actor>& actor, const RoleTarget& target);

}  // namespace parcours::accounts
