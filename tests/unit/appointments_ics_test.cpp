// The .ics of an appointment (RFC 5545): its fields, CRLF line ends, folding at 75 octets that
// never splits a UTF-8 sequence, and TEXT escaping.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "features/appointments/ics.h"

namespace parcours::appointments {
namespace {

// Friday 12 March 2027, 09:00 UTC (10:00 in Paris).
constexpr std::int64_t kStart = 1804842000;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find("\r\n", at);
    EXPECT_NE(end, std::string::npos) << "line without CRLF";
    if (end == std::string::npos) break;
    lines.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

// Unfolds (RFC 5545 §3.1): a CRLF followed by one space is removed.
std::string unfold(std::string text) {
  for (std::size_t at; (at = text.find("\r\n ")) != std::string::npos;) text.erase(at, 3);
  return text;
}

TEST(AppointmentIcs, HasTheEventFieldsInUtc) {
  std::string out = ics({.uid = "appointment-12@parcours.test",
                         .dtstamp = kStart - 2 * 86400,
                         .starts_at = kStart,
                         .ends_at = kStart + 45 * 60,
                         .summary = "Rendez-vous avec Sofia Martin (CD 08)",
                         .location = "2 rue de Clèves",
                         .description = "Point d’étape"});
  auto lines = lines_of(unfold(out));
  std::vector<std::string> expected{"BEGIN:VCALENDAR",
                                    "VERSION:2.0",
                                    "PRODID:-//Parcours//Rendez-vous//FR",
                                    "CALSCALE:GREGORIAN",
                                    "METHOD:PUBLISH",
                                    "BEGIN:VEVENT",
                                    "UID:appointment-12@parcours.test",
                                    "DTSTAMP:20270310T090000Z",
                                    "DTSTART:20270312T090000Z",
                                    "DTEND:20270312T094500Z",
                                    "SUMMARY:Rendez-vous avec Sofia Martin (CD 08)",
                                    "LOCATION:2 rue de Clèves",
                                    "DESCRIPTION:Point d’étape",
                                    "STATUS:CONFIRMED",
                                    "END:VEVENT",
                                    "END:VCALENDAR"};
  EXPECT_EQ(lines, expected);
  // Every line ends with CRLF; no bare LF anywhere.
  EXPECT_TRUE(out.ends_with("END:VCALENDAR\r\n"));
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n') EXPECT_EQ(out[i - 1], '\r') << "bare LF at " << i;
  }
}

TEST(AppointmentIcs, EscapesTextValues) {
  EXPECT_EQ(ics_escape("a, b; c\\d\ne\r\nf"), "a\\, b\\; c\\\\d\\ne\\nf");
  std::string out = ics({.uid = "u", .summary = "x", .location = "12, rue Haute; bât. B"});
  EXPECT_NE(out.find("LOCATION:12\\, rue Haute\\; bât. B\r\n"), std::string::npos);
}

TEST(AppointmentIcs, FoldsLongLinesAt75OctetsWithoutSplittingCharacters) {
  std::string description;
  for (int i = 0; i < 40; ++i) description += "éà ";  // 5 octets each: long and multibyte
  std::string out = ics({.uid = "u", .summary = "x", .description = description});
  bool folded = false;
  for (const auto& line : lines_of(out)) {
    EXPECT_LE(line.size(), 75u) << line;
    if (line.starts_with(" ")) folded = true;
    // A physical line never starts or ends in the middle of a UTF-8 sequence.
    std::string content = line.starts_with(" ") ? line.substr(1) : line;
    ASSERT_FALSE(content.empty());
    EXPECT_NE(static_cast<unsigned char>(content.front()) & 0xC0, 0x80) << line;
    unsigned char last = static_cast<unsigned char>(content.back());
    EXPECT_FALSE(last >= 0xC0) << "line ends with a lead byte: " << line;
  }
  EXPECT_TRUE(folded);
  EXPECT_NE(unfold(out).find("DESCRIPTION:" + description + "\r\n"), std::string::npos);
}

TEST(AppointmentIcs, ShortLineIsNotFolded) {
  EXPECT_EQ(ics_line("UID:abc"), "UID:abc\r\n");
  std::string exactly75(75, 'x');
  EXPECT_EQ(ics_line(exactly75), exactly75 + "\r\n");
  EXPECT_EQ(ics_line(exactly75 + "y"), exactly75 + "\r\n y\r\n");
}

TEST(AppointmentIcs, UtcDateTimeFormat) {
  EXPECT_EQ(ics_utc(0), "19700101T000000Z");
  EXPECT_EQ(ics_utc(kStart + 61), "20270312T090101Z");
}

}  // namespace
}  // namespace parcours::appointments
