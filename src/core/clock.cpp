#include "core/clock.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>

namespace parcours {
namespace {

std::atomic<std::int64_t> pinned_now{0};

std::int64_t env_pinned_now() {
  static const std::int64_t value = [] {
    const char* text = std::getenv("PARCOURS_FAKE_NOW");
    return text ? std::atoll(text) : 0;
  }();
  return value;
}

// Unix time of the last Sunday of `month` (1-12) of `year`, at 01:00 UTC: the instant
// European summer time starts (March) or ends (October).
std::int64_t last_sunday_0100_utc(int year, int month) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month;  // first day of the next month...
  tm.tm_mday = 1;
  tm.tm_hour = 1;
  std::int64_t first_of_next = timegm(&tm);
  std::int64_t last_day = first_of_next - 86400;  // ...minus one day
  std::tm last{};
  std::time_t t = static_cast<std::time_t>(last_day);
  gmtime_r(&t, &last);
  return last_day - static_cast<std::int64_t>(last.tm_wday) * 86400;
}

// Offset of Europe/Paris from UTC at a given instant, in seconds.
std::int64_t paris_offset(std::int64_t unix_seconds) {
  std::tm utc{};
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  gmtime_r(&t, &utc);
  int year = utc.tm_year + 1900;
  bool summer = unix_seconds >= last_sunday_0100_utc(year, 3) &&
                unix_seconds < last_sunday_0100_utc(year, 10);
  return summer ? 7200 : 3600;
}

constexpr const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                                   "mai",       "juin",    "juillet",  "août",
                                   "septembre", "octobre", "novembre", "décembre"};

}  // namespace

std::int64_t now_seconds() {
  if (auto pinned = pinned_now.load(); pinned != 0) return pinned;
  if (auto pinned = env_pinned_now(); pinned != 0) return pinned;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void pin_clock_for_tests(std::int64_t unix_seconds) { pinned_now.store(unix_seconds); }

std::string format_datetime_fr(std::int64_t unix_seconds) {
  std::time_t local = static_cast<std::time_t>(unix_seconds + paris_offset(unix_seconds));
  std::tm tm{};
  gmtime_r(&local, &tm);
  return fmt::format("{} {} {} à {:02}:{:02}", tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900,
                     tm.tm_hour, tm.tm_min);
}

std::string format_iso8601(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

}  // namespace parcours
