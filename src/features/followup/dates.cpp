#include "features/followup/dates.h"

#include <fmt/format.h>

#include <chrono>

#include "core/clock.h"
#include "core/text.h"

namespace parcours::followup {
namespace {

using namespace std::chrono;

constexpr const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                                   "mai",       "juin",    "juillet",  "août",
                                   "septembre", "octobre", "novembre", "décembre"};

std::optional<std::int64_t> from_parts(std::string_view y, std::string_view m, std::string_view d) {
  if (!text::all_digits(y) || !text::all_digits(m) || !text::all_digits(d)) return std::nullopt;
  year_month_day ymd{year{std::stoi(std::string(y))},
                     month{static_cast<unsigned>(std::stoi(std::string(m)))},
                     day{static_cast<unsigned>(std::stoi(std::string(d)))}};
  if (!ymd.ok() || ymd.year() < year{1900} || ymd.year() > year{2200}) return std::nullopt;
  return sys_days{ymd}.time_since_epoch().count();
}

}  // namespace

std::optional<std::int64_t> parse_date(std::string_view typed) {
  std::string s = text::trim(typed);
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    return from_parts(std::string_view(s).substr(0, 4), std::string_view(s).substr(5, 2),
                      std::string_view(s).substr(8, 2));
  }
  if (s.size() == 10 && s[2] == '/' && s[5] == '/') {
    return from_parts(std::string_view(s).substr(6, 4), std::string_view(s).substr(3, 2),
                      std::string_view(s).substr(0, 2));
  }
  return std::nullopt;
}

std::string iso_date(std::int64_t d) {
  year_month_day ymd{sys_days{days{d}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string french_date(std::int64_t d) {
  year_month_day ymd{sys_days{days{d}}};
  unsigned dd = static_cast<unsigned>(ymd.day());
  return fmt::format("{}{} {} {}", dd, dd == 1 ? "er" : "",
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::string french_date(std::string_view iso) {
  auto d = parse_date(iso);
  return d ? french_date(*d) : std::string(iso);
}

std::int64_t add_months(std::int64_t d, int months) {
  year_month_day ymd{sys_days{days{d}}};
  year_month_day moved = ymd + std::chrono::months{months};
  if (!moved.ok()) moved = year_month_day_last{moved.year(), month_day_last{moved.month()}};
  return sys_days{moved}.time_since_epoch().count();
}

std::int64_t today() {
  std::int64_t now = now_seconds();
  std::int64_t local = now + paris_offset_seconds(now);
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

}  // namespace parcours::followup
