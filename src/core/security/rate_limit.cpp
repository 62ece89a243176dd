#include "core/security/rate_limit.h"

#include <algorithm>

namespace parcours::security {

std::optional<std::int64_t> locked_until(std::span<const std::int64_t> failures, std::int64_t now,
                                         const ThrottleRule& rule) {
  if (rule.max_failures <= 0) return std::nullopt;
  const auto limit = static_cast<std::size_t>(rule.max_failures);
  std::optional<std::int64_t> until;
  // Failure i reaches the limit when it and the (limit - 1) failures before it fit in the window.
  for (std::size_t i = limit - 1; i < failures.size(); ++i) {
    if (failures[i] - failures[i - (limit - 1)] < rule.window_seconds) {
      until = std::max(until.value_or(0), failures[i] + rule.lockout_seconds);
    }
  }
  if (until && *until > now) return until;
  return std::nullopt;
}

bool WindowLimiter::allow(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  forget_stale_keys(now);
  auto& times = events_[key];
  while (!times.empty() && times.front() <= now - window_seconds_) times.pop_front();
  if (times.size() >= static_cast<std::size_t>(limit_)) return false;
  times.push_back(now);
  return true;
}

void WindowLimiter::forget_stale_keys(std::int64_t now) {
  // Sweeping once per window keeps memory bounded by the keys seen in the last two windows.
  if (now - last_sweep_ < window_seconds_) return;
  last_sweep_ = now;
  std::erase_if(events_, [&](const auto& entry) {
    return entry.second.empty() || entry.second.back() <= now - window_seconds_;
  });
}

}  // namespace parcours::security
