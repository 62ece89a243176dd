#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "features/orientation/calendar.h"

namespace parcours::orientation {
namespace {

using namespace std::chrono;

Day d(int y, unsigned m, unsigned dd) { return sys_days{year{y} / month{m} / day{dd}}; }

// Runs the npm package through tests/support/jours_feries.mjs: "france|alsace\tday\tname".
std::vector<std::string> package_lines(int from, int to) {
  std::string cmd = std::string("node ") + PARCOURS_SOURCE_DIR +
                    "/tests/support/jours_feries.mjs " + std::to_string(from) + " " +
                    std::to_string(to);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::vector<std::string> out;
  if (!pipe) return out;
  std::string text;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe.get())) text.append(buffer, n);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

TEST(OrientationCalendar, PortMatchesTheNpmPackageFrom2000To2100) {
  auto expected = package_lines(2000, 2100);
  ASSERT_EQ(expected.size(), 101u * (11 + 13)) << "node or @socialgouv/jours-feries missing?";
  std::vector<std::string> actual;
  for (int y = 2000; y <= 2100; ++y) {
    for (bool alsace : {false, true}) {
      for (const auto& h : public_holidays(y, alsace)) {
        actual.push_back(std::string(alsace ? "alsace" : "france") + "\t" + iso_date(h.day) + "\t" +
                         h.name);
      }
    }
  }
  // Same days and names; the order of two holidays on one day (Ascension on 1 May) aside.
  std::sort(expected.begin(), expected.end());
  std::sort(actual.begin(), actual.end());
  EXPECT_EQ(actual, expected);
}

TEST(OrientationCalendar, EasterSundays) {
  EXPECT_EQ(easter(2024), d(2024, 3, 31));
  EXPECT_EQ(easter(2025), d(2025, 4, 20));
  EXPECT_EQ(easter(2027), d(2027, 3, 28));
  EXPECT_EQ(easter(2038), d(2038, 4, 25));  // the latest possible
  EXPECT_EQ(easter(2285), d(2285, 3, 22));  // the earliest possible
}

TEST(OrientationCalendar, AlsaceMoselleHasTwoMoreDays) {
  EXPECT_EQ(public_holidays(2027, false).size(), 11u);
  EXPECT_EQ(public_holidays(2027, true).size(), 13u);
  EXPECT_FALSE(is_public_holiday(d(2027, 3, 26), false));  // Good Friday
  EXPECT_TRUE(is_public_holiday(d(2027, 3, 26), true));
  EXPECT_FALSE(is_public_holiday(d(2027, 12, 26), false));
  EXPECT_TRUE(is_public_holiday(d(2027, 12, 26), true));
  EXPECT_TRUE(alsace_moselle_departement("57"));
  EXPECT_TRUE(alsace_moselle_departement("67"));
  EXPECT_TRUE(alsace_moselle_departement("68"));
  EXPECT_FALSE(alsace_moselle_departement("08"));
}

TEST(OrientationCalendar, WorkingDaysSkipWeekendsAndHolidays) {
  EXPECT_TRUE(is_working_day(d(2027, 3, 12), false));   // a Friday
  EXPECT_FALSE(is_working_day(d(2027, 3, 13), false));  // Saturday
  EXPECT_FALSE(is_working_day(d(2027, 3, 14), false));  // Sunday
  EXPECT_FALSE(is_working_day(d(2027, 3, 29), false));  // Easter Monday
  EXPECT_FALSE(is_working_day(d(2027, 7, 14), false));  // a Wednesday, Fête nationale
}

TEST(OrientationCalendar, CalendarDeadlineCountsEveryDay) {
  DeadlineRule rule{.days = 30};
  EXPECT_EQ(deadline_day(d(2027, 3, 12), rule), d(2027, 4, 11));
  // Across the change of year.
  EXPECT_EQ(deadline_day(d(2026, 12, 15), rule), d(2027, 1, 14));
}

TEST(OrientationCalendar, WorkingDeadlineSkipsTheWeekend) {
  DeadlineRule rule{.days = 1, .working_days = true};
  // Entry on a Friday: the first working day after it is the Monday.
  EXPECT_EQ(deadline_day(d(2027, 3, 12), rule), d(2027, 3, 15));
  rule.days = 5;
  EXPECT_EQ(deadline_day(d(2027, 3, 8), rule), d(2027, 3, 15));  // Monday + 5 = next Monday
}

TEST(OrientationCalendar, WorkingDeadlineSkipsPublicHolidays) {
  DeadlineRule rule{.days = 1, .working_days = true};
  // Thursday before Easter 2027 (28 March): Friday is worked outside Alsace-Moselle...
  EXPECT_EQ(deadline_day(d(2027, 3, 25), rule), d(2027, 3, 26));
  // ...not there, and Easter Monday is off everywhere: Tuesday.
  rule.alsace_moselle = true;
  EXPECT_EQ(deadline_day(d(2027, 3, 25), rule), d(2027, 3, 30));
  // 1 May and 8 May 2026 are Fridays; Ascension is Thursday 14 May.
  rule = {.days = 10, .working_days = true};
  // From Thursday 30 April 2026: 4, 5, 6, 7, 11, 12, 13, 15, 18, 19 May.
  EXPECT_EQ(deadline_day(d(2026, 4, 30), rule), d(2026, 5, 19));
}

TEST(OrientationCalendar, WorkingDeadlineAcrossTheChangeOfYear) {
  DeadlineRule rule{.days = 5, .working_days = true};
  // From Wednesday 23 December 2026: 24, (25 Noël), 28, 29, 30, 31 → 31 December.
  EXPECT_EQ(deadline_day(d(2026, 12, 23), rule), d(2026, 12, 31));
  rule.days = 6;  // then (1 January 2027 is a Friday, a holiday), Monday 4 January
  EXPECT_EQ(deadline_day(d(2026, 12, 23), rule), d(2027, 1, 4));
  rule.alsace_moselle = true;  // 26 December 2026 is a Saturday: no change there
  EXPECT_EQ(deadline_day(d(2026, 12, 23), rule), d(2027, 1, 4));
  // 2027: 24 Friday, 27...31, then 1 January 2028 is a Saturday: the 7th is Monday 3 January.
  rule = {.days = 7, .working_days = true};
  EXPECT_EQ(deadline_day(d(2027, 12, 23), rule), d(2028, 1, 3));
}

TEST(OrientationCalendar, StatusOnTimeDueSoonLate) {
  Day deadline = d(2027, 4, 11);
  EXPECT_EQ(deadline_status(d(2027, 4, 3), deadline), DeadlineStatus::kOnTime);    // 8 days left
  EXPECT_EQ(deadline_status(d(2027, 4, 4), deadline), DeadlineStatus::kDueSoon);   // 7 days left
  EXPECT_EQ(deadline_status(d(2027, 4, 11), deadline), DeadlineStatus::kDueSoon);  // the day
  EXPECT_EQ(deadline_status(d(2027, 4, 12), deadline), DeadlineStatus::kLate);
  EXPECT_STREQ(status_code(DeadlineStatus::kLate), "late");
  EXPECT_STREQ(status_label(DeadlineStatus::kDueSoon), "Échéance sous 7 jours");
}

TEST(OrientationCalendar, ParisDayOfAnInstant) {
  // 2027-03-12T23:30:00Z is already 13 March in Paris (UTC+1).
  EXPECT_EQ(paris_day(1804894200), d(2027, 3, 13));
  // 2027-07-14T21:59:00Z is 23:59 in Paris (UTC+2), 22:00Z is the next day.
  EXPECT_EQ(paris_day(1815602340), d(2027, 7, 14));
  EXPECT_EQ(paris_day(1815602400), d(2027, 7, 15));
  EXPECT_EQ(french_date(d(2027, 3, 5)), "05/03/2027");
}

}  // namespace
}  // namespace parcours::orientation
