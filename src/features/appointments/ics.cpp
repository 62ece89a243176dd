#include "features/appointments/ics.h"

#include <fmt/format.h>

#include <chrono>

namespace parcours::appointments {

std::string ics_utc(std::int64_t unix_seconds) {
  using namespace std::chrono;
  sys_seconds t{seconds{unix_seconds}};
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        // Other control characters are not allowed in TEXT values.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

std::string ics_line(std::string_view line) {
  constexpr std::size_t kMax = 75;  // octets per physical line, CRLF excluded
  std::string out;
  std::size_t limit = kMax;  // the first line has 75; continuations 74 after the space
  while (line.size() > limit) {
    std::size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n;
    out.append(line.substr(0, n));
    out += "\r\n ";
    line.remove_prefix(n);
    limit = kMax - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string ics(const IcsEvent& e) {
  std::string out;
  out += ics_line("BEGIN:VCALENDAR");
  out += ics_line("VERSION:2.0");
  out += ics_line("PRODID:-//Parcours//Rendez-vous//FR");
  out += ics_line("CALSCALE:GREGORIAN");
  out += ics_line("METHOD:PUBLISH");
  out += ics_line("BEGIN:VEVENT");
  out += ics_line("UID:" + e.uid);
  out += ics_line("DTSTAMP:" + ics_utc(e.dtstamp));
  out += ics_line("DTSTART:" + ics_utc(e.starts_at));
  out += ics_line("DTEND:" + ics_utc(e.ends_at));
  out += ics_line("SUMMARY:" + ics_escape(e.summary));
  if (!e.location.empty()) out += ics_line("LOCATION:" + ics_escape(e.location));
  if (!e.description.empty()) out += ics_line("DESCRIPTION:" + ics_escape(e.description));
  out += ics_line(e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
  out += ics_line("END:VEVENT");
  out += ics_line("END:VCALENDAR");
  return out;
}

}  // namespace parcours::appointments
