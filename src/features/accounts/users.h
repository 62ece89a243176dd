// Accounts: creation, roles, password tokens (reset and invitation). Used by the login pages,
// by `parcours user add`, by member management (invitations) and by the demo seed.
// Every change is journaled in the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/security/actor.h"
#include "core/store/db.h"

namespace parcours::accounts {

struct NewUser {
  std::string email;  // normalised to lowercase; validated
  std::string name;
  std::optional<std::string> password;  // empty: the account sets it through an invitation
};

// Creates an account; kConflict (French message) if the email is taken, kInvalid on bad input.
Result<std::int64_t> create_user(store::Connection& conn, const NewUser& user,
                                 std::optional<std::int64_t> actor_id);

std::optional<std::int64_t> find_user_by_email(store::Connection& conn, std::string_view email);

struct NewRole {
  security::Role role;
  std::optional<std::int64_t> territory_id;     // territory_manager
  std::optional<std::int64_t> organisation_id;  // org_admin, professional
  bool orientation = false;
  bool referent = false;
};

// Grants a role (or reactivates and updates the same one). kInvalid when the role lacks its
// territory/organisation.
Result<std::int64_t> grant_role(store::Connection& conn, std::int64_t user_id, const NewRole& role,
                                std::optional<std::int64_t> actor_id);

// Issues a single-use token to set a password: purpose "reset" (valid 30 minutes) or
// "invitation" (valid 7 days). Returns the raw token, to put in the emailed link
// `<public_url>/mot-de-passe/<token>`.
std::string issue_password_token(store::Connection& conn, std::int64_t user_id,
                                 std::string_view purpose);

}  // namespace parcours::accounts
