#include "core/clock.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace parcours {
namespace {

TEST(Clock, FormatsWinterTimeInParisForFrenchReaders) {
  // 2027-03-12T09:42:00Z is 10:42 in Paris (UTC+1 before the last Sunday of March).
  EXPECT_EQ(format_datetime_fr(1804844520), "12 mars 2027 à 10:42");
}

TEST(Clock, FormatsSummerTimeInParis) {
  // 2027-07-14T08:00:00Z is 10:00 in Paris (UTC+2).
  EXPECT_EQ(format_datetime_fr(1815552000), "14 juillet 2027 à 10:00");
}

TEST(Clock, PinnedClockIsReturnedUntilReleased) {
  pin_clock_for_tests(1700000000);
  EXPECT_EQ(now_seconds(), 1700000000);
  pin_clock_for_tests(0);
  EXPECT_GT(now_seconds(), 1700000000);
}

TEST(Clock, FormatsIso8601InUtc) { EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00Z"); }

// The calendar arithmetic agrees with the C library's, from 1970 to 2100, leap years included.
TEST(Clock, Iso8601AgreesWithGmtimeOverTwoCenturies) {
  for (std::int64_t t = 0; t < 4102444800; t += 86400 * 7 + 3671) {
    std::time_t time = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&time, &tm);
    char expected[32];
    std::strftime(expected, sizeof expected, "%Y-%m-%dT%H:%M:%SZ", &tm);
    ASSERT_EQ(format_iso8601(t), expected) << t;
  }
}

TEST(Clock, SwitchesToSummerTimeAtOneUtcOnTheLastSundayOfMarchAndBackInOctober) {
  // 28 March 2027: 01:00 UTC is 02:00 winter time, which becomes 03:00 summer time.
  EXPECT_EQ(format_datetime_fr(1806195599), "28 mars 2027 à 01:59");
  EXPECT_EQ(format_datetime_fr(1806195600), "28 mars 2027 à 03:00");
  // 31 October 2027: 01:00 UTC is 03:00 summer time, which becomes 02:00 winter time.
  EXPECT_EQ(format_datetime_fr(1824944399), "31 octobre 2027 à 02:59");
  EXPECT_EQ(format_datetime_fr(1824944400), "31 octobre 2027 à 02:00");
  // 29 February of a leap year, and the last minute of a year.
  EXPECT_EQ(format_datetime_fr(1709208000), "29 février 2024 à 13:00");
  EXPECT_EQ(format_datetime_fr(1767221940), "31 décembre 2025 à 23:59");
}

}  // namespace
}  // namespace parcours
