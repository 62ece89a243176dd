// iCalendar (RFC 5545) for an appointment: one VEVENT with UID, DTSTAMP, DTSTART and DTEND in
// UTC, SUMMARY, LOCATION and DESCRIPTION; TEXT values escaped (backslash, semicolon, comma, line
// breaks), lines ended by CRLF and folded at 75 octets without splitting a UTF-8 sequence.
//
//   std::string body = ics({.uid = "appointment-12@parcours.test", .dtstamp = now, ...});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parcours::appointments {

struct IcsEvent {
  std::string uid;
  std::int64_t dtstamp = 0;
  std::int64_t starts_at = 0;
  std::int64_t ends_at = 0;
  std::string summary;
  std::string location;
  std::string description;
  bool cancelled = false;  // STATUS:CANCELLED instead of CONFIRMED
};

std::string ics(const IcsEvent& event);

// "20270312T090000Z"
std::string ics_utc(std::int64_t unix_seconds);
// TEXT escaping of RFC 5545 §3.3.11.
std::string ics_escape(std::string_view text);
// One content line, folded (RFC 5545 §3.1), ending with CRLF.
std::string ics_line(std::string_view line);

}  // namespace parcours::appointments
