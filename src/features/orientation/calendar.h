// Working days and orientation deadlines.
//
// French public holidays are a port of the rules of the npm package @socialgouv/jours-feries
// (2.0.0, in web/package.json): the 11 national days, plus Good Friday and St Stephen's day in
// Alsace-Moselle (départements 57, 67, 68). Porting was chosen over a data file generated at
// build time so that the server needs no Node step and no year range; the port is checked
// against the package itself for every year from 2000 to 2100, both variants
// (tests/unit/orientation_calendar_test.cpp runs tests/support/jours_feries.mjs).
//
// A working day ("jour ouvré") is Monday to Friday and not a public holiday.
//
// Deadline of a journey to orient: the territory's `orientation_deadline_days` counted from the
// Paris day of entry, in calendar days (entry + N) or, with `deadline_working_days`, in working
// days (the N-th working day after the day of entry). Its status on a given day: late after the
// deadline day, due within 7 calendar days (the deadline is today or in the next 7 days), else on
// time.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parcours::orientation {

using Day = std::chrono::sys_days;

struct Holiday {
  Day day;
  std::string name;  // the package's name: "Jour de l'an", "Lundi de Pâques"...
};

// Easter Sunday of `year` (Gregorian), by the same arithmetic as the package.
Day easter(int year);
// The public holidays of `year` in date order; `alsace_moselle` adds Good Friday and St Stephen.
std::vector<Holiday> public_holidays(int year, bool alsace_moselle);
bool is_public_holiday(Day day, bool alsace_moselle);
bool is_working_day(Day day, bool alsace_moselle);
// Whether a département code is one of Alsace-Moselle's (57, 67, 68).
bool alsace_moselle_departement(std::string_view code);

// The day (Europe/Paris) of a Unix instant.
Day paris_day(std::int64_t unix_seconds);
// "2027-03-12" / "12/03/2027".
std::string iso_date(Day day);
std::string french_date(Day day);

struct DeadlineRule {
  int days = 30;
  bool working_days = false;
  bool alsace_moselle = false;
};

// The last day to orient a journey that entered on `entry`.
Day deadline_day(Day entry, const DeadlineRule& rule);

enum class DeadlineStatus { kOnTime, kDueSoon, kLate };
inline constexpr int kDueSoonDays = 7;

DeadlineStatus deadline_status(Day today, Day deadline);
// "on_time", "due_soon", "late" (filters, data attributes) and the French labels.
const char* status_code(DeadlineStatus status);
const char* status_label(DeadlineStatus status);

}  // namespace parcours::orientation
