#include "features/orientation/calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

namespace parcours::orientation {
namespace {

using namespace std::chrono;

Day ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

// Unix time of the last Sunday of `month` at 01:00 UTC (European summer time changes).
std::int64_t last_sunday_0100_utc(int y, unsigned m) {
  Day first_next = m == 12 ? ymd(y + 1, 1, 1) : ymd(y, m + 1, 1);
  Day last = first_next - days{1};
  Day sunday = last - (weekday{last} - Sunday);
  return duration_cast<seconds>(sunday.time_since_epoch()).count() + 3600;
}

}  // namespace

Day easter(int y) {
  // The package's arithmetic (integer divisions truncate toward zero, as its parseInt does).
  int a = y % 19;
  int b = y / 100;
  int c = y % 100;
  // parseInt(b - (b + 8) / 25): a real division, then truncated.
  int g = static_cast<int>(b - (b + 8) / 25.0);
  int d = (19 * a + b - b / 4 - (g + 1) / 3 + 15) % 30;
  int e = (32 + 2 * (b % 4) + 2 * (c / 4) - d - (c % 4)) % 7;
  int f = d + e - 7 * ((a + 11 * d + 22 * e) / 451) + 114;
  return ymd(y, static_cast<unsigned>(f / 31), static_cast<unsigned>(f % 31 + 1));
}

std::vector<Holiday> public_holidays(int y, bool alsace_moselle) {
  Day e = easter(y);
  std::vector<Holiday> out{{ymd(y, 1, 1), "Jour de l'an"},        {ymd(y, 5, 1), "Fête du travail"},
                           {ymd(y, 5, 8), "Victoire des alliés"}, {ymd(y, 7, 14), "Fête Nationale"},
                           {ymd(y, 8, 15), "Assomption"},         {ymd(y, 11, 1), "Toussaint"},
                           {ymd(y, 11, 11), "Armistice"},         {ymd(y, 12, 25), "Noël"},
                           {e + days{1}, "Lundi de Pâques"},      {e + days{39}, "Ascension"},
                           {e + days{50}, "Lundi de Pentecôte"}};
  if (alsace_moselle) {
    out.push_back({e - days{2}, "Vendredi Saint"});
    out.push_back({ymd(y, 12, 26), "Saint Étienne"});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& l, const Holiday& r) { return l.day < r.day; });
  return out;
}

bool is_public_holiday(Day d, bool alsace_moselle) {
  int y = static_cast<int>(year_month_day{d}.year());
  for (const auto& h : public_holidays(y, alsace_moselle)) {
    if (h.day == d) return true;
  }
  return false;
}

bool is_working_day(Day d, bool alsace_moselle) {
  weekday w{d};
  if (w == Saturday || w == Sunday) return false;
  return !is_public_holiday(d, alsace_moselle);
}

bool alsace_moselle_departement(std::string_view code) {
  return code == "57" || code == "67" || code == "68";
}

Day paris_day(std::int64_t unix_seconds) {
  Day utc_day = floor<days>(sys_seconds{seconds{unix_seconds}});
  int y = static_cast<int>(year_month_day{utc_day}.year());
  bool summer =
      unix_seconds >= last_sunday_0100_utc(y, 3) && unix_seconds < last_sunday_0100_utc(y, 10);
  std::int64_t local = unix_seconds + (summer ? 7200 : 3600);
  return floor<days>(sys_seconds{seconds{local}});
}

std::string iso_date(Day d) {
  year_month_day v{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(v.year()),
                     static_cast<unsigned>(v.month()), static_cast<unsigned>(v.day()));
}

std::string french_date(Day d) {
  year_month_day v{d};
  return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(v.day()),
                     static_cast<unsigned>(v.month()), static_cast<int>(v.year()));
}

Day deadline_day(Day entry, const DeadlineRule& rule) {
  if (!rule.working_days) return entry + days{rule.days};
  Day d = entry;
  // Holidays of the years crossed are looked up once per year, not once per day.
  int counted = 0;
  int cached_year = 0;
  std::vector<Holiday> holidays;
  while (counted < rule.days) {
    d += days{1};
    weekday w{d};
    if (w == Saturday || w == Sunday) continue;
    int y = static_cast<int>(year_month_day{d}.year());
    if (y != cached_year) {
      holidays = public_holidays(y, rule.alsace_moselle);
      cached_year = y;
    }
    bool holiday =
        std::any_of(holidays.begin(), holidays.end(), [&](const Holiday& h) { return h.day == d; });
    if (!holiday) ++counted;
  }
  return d;
}

DeadlineStatus deadline_status(Day today, Day deadline) {
  if (today > deadline) return DeadlineStatus::kLate;
  if (deadline - today <= days{kDueSoonDays}) return DeadlineStatus::kDueSoon;
  return DeadlineStatus::kOnTime;
}

const char* status_code(DeadlineStatus s) {
  switch (s) {
    case DeadlineStatus::kOnTime:
      return "on_time";
    case DeadlineStatus::kDueSoon:
      return "due_soon";
    case DeadlineStatus::kLate:
      return "late";
  }
  return "on_time";
}

const char* status_label(DeadlineStatus s) {
  switch (s) {
    case DeadlineStatus::kOnTime:
      return "Dans les délais";
    case DeadlineStatus::kDueSoon:
      return "Échéance sous 7 jours";
    case DeadlineStatus::kLate:
      return "En retard";
  }
  return "";
}

}  // namespace parcours::orientation
