// Accounts: creation, roles, password tokens (reset and invitation). Used by the login pages,
// by `parcours user add`, by member management (invitations) and by the demo seed.
// Every change is journaled in the caller's transaction. Emails are stored trimmed and in
// lowercase, so that one address is one account whatever the case it is typed in.
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
// Earlier unused tokens of the same purpose stop working: only the latest link is valid.
std::string issue_password_token(store::Connection& conn, std::int64_t user_id,
                                 std::string_view purpose);

// Trims and lowercases an address (ASCII letters only).
std::string normalise_email(std::string_view email);

// The normalised address, or kInvalid naming `field` when it cannot be an email address.
Result<std::string> validate_email(std::string_view email, std::string_view field = "email");

struct PasswordToken {
  std::int64_t user_id;
  std::string purpose;  // "reset" or "invitation"
  std::string email;
  std::string name;
};

// The account and purpose of a token that can still be used: not used, not expired, and its
// account active. Empty otherwise.
std::optional<PasswordToken> find_password_token(store::Connection& conn, std::string_view token);

// Uses a token once to set the password (`password_hash` from security::hash_password, computed
// before the transaction so that the write lock is not held while hashing) and ends the
// account's sessions. kNotFound with a French message when the token cannot be used (any more).
Result<PasswordToken> use_password_token(store::Connection& conn, std::string_view token,
                                         const std::string& password_hash);

}  // namespace parcours::accounts
