#include "core/clock.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace parcours
