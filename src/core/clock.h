// Time as the service sees it: Unix seconds (UTC) in the database, French formats on screens.
// Tests may pin the clock so that expiries can be checked without waiting.
#pragma once

#include <cstdint>
#include <string>

namespace parcours {

// Seconds since the Unix epoch, UTC. Honours a pinned time set by `pin_clock_for_tests`.
std::int64_t now_seconds();

// Pins the clock (0 releases it). Also settable with PARCOURS_FAKE_NOW=<unix seconds>.
void pin_clock_for_tests(std::int64_t unix_seconds);

// "12 mars 2027 à 10:42" in Europe/Paris time.
std::string format_datetime_fr(std::int64_t unix_seconds);

// "2027-03-12T10:42:00Z"
std::string format_iso8601(std::int64_t unix_seconds);

// Offset of Europe/Paris from UTC at an instant: 3600 in winter, 7200 in summer.
std::int64_t paris_offset_seconds(std::int64_t unix_seconds);

// The instant of a wall-clock time in Paris, `days_since_epoch` being the civil day (as
// std::chrono::sys_days counts it). In the hour skipped in March the time is read as winter time;
// in the hour repeated in October, as the first (summer) one.
std::int64_t paris_local_to_unix(std::int64_t days_since_epoch, int hour, int minute);

}  // namespace parcours
