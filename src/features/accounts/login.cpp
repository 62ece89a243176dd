#include "features/accounts/login.h"

#include <algorithm>
#include <boost/json.hpp>
#include <vector>

#include "core/clock.h"
#include "core/security/password.h"
#include "core/security/rate_limit.h"
#include "core/store/journal.h"
#include "features/accounts/users.h"

namespace parcours::accounts {
namespace {

using security::ThrottleRule;

// Times of the failed attempts matching `column` = `key` since `since`, oldest first. Only the
// latest 2 × max_failures can decide a lock when the lockout is not longer than the window.
std::vector<std::int64_t> recent_failures(store::Connection& conn, const char* column,
                                          const std::string& key, std::int64_t since,
                                          const ThrottleRule& rule) {
  std::string sql = std::string("SELECT at FROM login_attempts WHERE ") + column +
                    " = $1 AND success = 0 AND at > $2 ORDER BY at DESC, id DESC LIMIT $3";
  auto rows = conn.query(sql, {key, since, std::int64_t{2} * rule.max_failures});
  std::vector<std::int64_t> times;
  times.reserve(rows.size());
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) times.push_back(it->integer(0));
  return times;
}

std::optional<std::int64_t> throttled_until(store::Connection& conn, const std::string& email,
                                            const std::string& ip, std::int64_t now) {
  using security::kAccountLoginRule;
  using security::kIpLoginRule;
  // A success ends the account's run of failures (it proves the password is known); it does
  // not clear the address's count, or one valid account would unlock guessing on all others.
  auto last_success = conn.query_one(
      "SELECT MAX(at) FROM login_attempts WHERE email = $1 AND success = 1 AND at > $2",
      {email, now - kAccountLoginRule.lookback_seconds()});
  std::int64_t account_since = std::max(now - kAccountLoginRule.lookback_seconds(),
                                        last_success ? last_success->integer(0) : 0);
  auto account = security::locked_until(
      recent_failures(conn, "email", email, account_since, kAccountLoginRule), now,
      kAccountLoginRule);
  auto address = security::locked_until(
      recent_failures(conn, "ip", ip, now - kIpLoginRule.lookback_seconds(), kIpLoginRule), now,
      kIpLoginRule);
  if (!account && !address) return std::nullopt;
  return std::max(account.value_or(0), address.value_or(0));
}

void record_attempt(store::Connection& conn, std::int64_t now, const std::string& email,
                    const std::string& ip, bool success) {
  conn.execute("INSERT INTO login_attempts (at, email, ip, success) VALUES ($1, $2, $3, $4)",
               {now, email, ip, store::boolean(success)});
}

void journal(store::Connection& conn, const char* kind, std::optional<std::int64_t> user_id,
             const boost::json::object& payload) {
  store::append_event(
      conn, {.kind = kind, .actor_id = user_id, .payload_json = boost::json::serialize(payload)});
}

}  // namespace

LoginOutcome log_in(store::Connection& conn, const LoginRequest& request) {
  const std::string email = normalise_email(request.email);
  const std::int64_t now = now_seconds();
  LoginOutcome outcome;

  if (auto until = throttled_until(conn, email, request.ip, now)) {
    // Recorded as a failure: an attempt refused during a lock keeps the lock on.
    store::with_transaction(conn, [&] {
      record_attempt(conn, now, email, request.ip, false);
      journal(conn, "account.login_throttled", std::nullopt,
              {{"email", email}, {"ip", request.ip}, {"retry_at", *until}});
    });
    outcome.status = LoginStatus::kThrottled;
    outcome.retry_at = *until;
    return outcome;
  }

  auto user =
      conn.query_one("SELECT id, password_hash, active FROM users WHERE email = $1", {email});
  bool can_sign_in = user && user->boolean(2) && !user->is_null(1);
  bool verified = can_sign_in ? security::verify_password(user->text(1), request.password)
                              : security::verify_dummy_password(request.password);

  store::with_transaction(conn, [&] {
    record_attempt(conn, now, email, request.ip, verified);
    if (!verified) {
      journal(conn, "account.login_failed", std::nullopt, {{"email", email}, {"ip", request.ip}});
      return;
    }
    std::int64_t user_id = user->integer(0);
    conn.execute("UPDATE users SET last_login_at = $1 WHERE id = $2", {now, user_id});
    if (request.previous_session_id) http::destroy_session(conn, *request.previous_session_id);
    outcome.session = http::create_session(conn, user_id, std::nullopt);
    outcome.user_id = user_id;
    outcome.status = LoginStatus::kSucceeded;
    journal(conn, "account.login_succeeded", user_id, {{"email", email}, {"ip", request.ip}});
  });
  return outcome;
}

}  // namespace parcours::accounts
