// Signing in with an email and a password, throttled per account and per IP address from the
// `login_attempts` table (see core/security/rate_limit.h for the rules). Every attempt is
// recorded there and journaled (`account.login_succeeded`, `account.login_failed`,
// `account.login_throttled`), never with the password.
//
// The answer to a wrong password, an unknown address, a deactivated account or an invited
// account without a password is the same, and takes the same time (a dummy hash is checked),
// so that the login form does not tell which accounts exist. The password is checked outside any
// transaction, so that a write lock is never held while hashing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/http/sessions.h"
#include "core/store/db.h"

namespace parcours::accounts {

struct LoginRequest {
  std::string email;  // as typed
  std::string password;
  std::string ip;
  std::optional<std::int64_t> previous_session_id;  // ended on success (no session fixation)
};

enum class LoginStatus { kSucceeded, kFailed, kThrottled };

struct LoginOutcome {
  LoginStatus status = LoginStatus::kFailed;
  std::int64_t user_id = 0;                 // kSucceeded
  std::int64_t retry_at = 0;                // kThrottled: Unix seconds from which to retry
  std::optional<http::NewSession> session;  // kSucceeded: its token goes in the cookie
};

// Runs its own transactions on `conn`, which must not be in one.
LoginOutcome log_in(store::Connection& conn, const LoginRequest& request);

}  // namespace parcours::accounts
