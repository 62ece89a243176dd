// Throttling rules, kept free of storage and clock so that they can be tested with pinned times.
//
// `locked_until` reads a history of failed attempts (stored by the caller, e.g. in
// `login_attempts`): once `max_failures` failures fall within `window_seconds`, further attempts
// are refused for `lockout_seconds` from the failure that reached the limit. Callers count an
// attempt refused during a lockout as a failure, so hammering keeps the lock on.
//
// `WindowLimiter` is an in-memory counter per key (an IP address) for actions that leave no other
// trace to count, such as asking for a password reset mail.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

namespace parcours::security {

struct ThrottleRule {
  int max_failures;
  std::int64_t window_seconds;
  std::int64_t lockout_seconds;

  // How far back failures can matter: a lock can start at most `lockout` ago, and its window
  // reaches `window` further back.
  std::int64_t lookback_seconds() const { return window_seconds + lockout_seconds; }
};

inline constexpr ThrottleRule kAccountLoginRule{5, 15 * 60, 15 * 60};
inline constexpr ThrottleRule kIpLoginRule{30, 15 * 60, 15 * 60};

// The time (Unix seconds) from which attempts are accepted again, or nothing when they are
// accepted now. `failures` are the times of failed attempts in ascending order.
std::optional<std::int64_t> locked_until(std::span<const std::int64_t> failures, std::int64_t now,
                                         const ThrottleRule& rule);

class WindowLimiter {
 public:
  WindowLimiter(int limit, std::int64_t window_seconds)
      : limit_(limit), window_seconds_(window_seconds) {}

  // Records an event for `key` at `now` and says whether it is within the limit; refused events
  // are not recorded. Thread-safe.
  bool allow(const std::string& key, std::int64_t now);

 private:
  void forget_stale_keys(std::int64_t now);

  int limit_;
  std::int64_t window_seconds_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::int64_t>> events_;
  std::int64_t last_sweep_ = 0;
};

}  // namespace parcours::security
