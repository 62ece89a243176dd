// Members of an organisation: accounts holding a role in it, `org_admin` (administrateur de la
// structure) or `professional`, with the flags orientation (chargé·e d'orientation) and referent
// (référent·e de parcours). A member holds one active role per organisation; the other one is
// deactivated when the role changes. Deactivating a member deactivates their roles in the
// organisation: the next request of any of their sessions no longer grants them.
// Every change is journaled (`member.invited`, `member.roles_updated`, `member.deactivated`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/security/actor.h"
#include "core/store/db.h"
#include "features/organisations/organisation.h"

namespace parcours::organisations {

struct Member {
  std::int64_t user_id = 0;
  std::string email;
  std::string name;
  bool account_active = true;
  bool password_set = false;  // false: invitation not accepted yet
  security::Role role = security::Role::kProfessional;
  bool orientation = false;
  bool referent = false;
  bool active = true;  // the role in this organisation
};

// Active members first, then by name.
std::vector<Member> list_members(store::Connection& conn, std::int64_t organisation_id);
std::optional<Member> find_member(store::Connection& conn, std::int64_t organisation_id,
                                  std::int64_t user_id);

// Roles as a form sends them: role "org_admin" or "professional", checkboxes "1" or empty.
struct RolesForm {
  std::string role;
  bool orientation = false;
  bool referent = false;
};

struct InviteForm {
  std::string email;
  std::string name;
  RolesForm roles;
};

struct Invitation {
  std::int64_t user_id = 0;
  bool new_account = false;
};

// Adds (or re-adds) a member: creates the account when needed, grants the role, and queues a
// French mail — with a link to choose a password (`<public_url>/mot-de-passe/<token>`, valid 7
// days) for an account without one. One transaction.
Result<Invitation> invite_member(store::Connection& conn, const Organisation& org,
                                 const InviteForm& form, const std::string& public_url,
                                 std::optional<std::int64_t> actor_id);

Result<void> set_member_roles(store::Connection& conn, const Organisation& org,
                              std::int64_t user_id, const RolesForm& form,
                              std::optional<std::int64_t> actor_id);

// `actor_id` may not deactivate themselves (an organisation would lose its last admin).
Result<void> deactivate_member(store::Connection& conn, const Organisation& org,
                               std::int64_t user_id, std::optional<std::int64_t> actor_id);

}  // namespace parcours::organisations
