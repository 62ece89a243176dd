#include "core/clock.h"

#include <fmt/compile.h>
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

// Calendar arithmetic with std::chrono rather than gmtime_r and timegm: those take glibc's
// time-zone lock, on which the worker threads queued (a journey page formats 250 dates).
struct Civil {
  int year;
  unsigned month, day;  // 1-12, 1-31
  long hour, minute, second;
};

Civil civil(std::int64_t unix_seconds) {
  using namespace std::chrono;
  sys_seconds t{seconds{unix_seconds}};
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  return {static_cast<int>(ymd.year()),
          static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day()),
          hms.hours().count(),
          hms.minutes().count(),
          static_cast<long>(hms.seconds().count())};
}

// Unix time of the last Sunday of `month` (1-12) of `year`, at 01:00 UTC: the instant
// European summer time starts (March) or ends (October).
std::int64_t last_sunday_0100_utc(int year, unsigned month) {
  using namespace std::chrono;
  sys_days last_sunday{std::chrono::year{year} / std::chrono::month{month} / Sunday[last]};
  return duration_cast<seconds>(last_sunday.time_since_epoch() + hours{1}).count();
}

// Offset of Europe/Paris from UTC at a given instant, in seconds.
std::int64_t paris_offset(std::int64_t unix_seconds) {
  int year = civil(unix_seconds).year;
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
  Civil c = civil(unix_seconds + paris_offset(unix_seconds));
  return fmt::format(FMT_COMPILE("{} {} {} à {:02}:{:02}"), c.day, kMonths[c.month - 1], c.year,
                     c.hour, c.minute);
}

std::int64_t paris_offset_seconds(std::int64_t unix_seconds) { return paris_offset(unix_seconds); }

std::int64_t paris_local_to_unix(std::int64_t days_since_epoch, int hour, int minute) {
  std::int64_t local = days_since_epoch * 86400 + hour * 3600 + minute * 60;
  std::int64_t summer = local - 7200;
  if (paris_offset(summer) == 7200) return summer;
  return local - 3600;
}

std::string format_iso8601(std::int64_t unix_seconds) {
  Civil c = civil(unix_seconds);
  return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z"), c.year, c.month, c.day,
                     c.hour, c.minute, c.second);
}

}  // namespace parcours
