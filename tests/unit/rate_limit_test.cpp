#include "core/security/rate_limit.h"

#include <gtest/gtest.h>

#include <vector>

namespace parcours::security {
namespace {

constexpr std::int64_t kT0 = 1'800'000'000;

TEST(LockedUntil, FourFailuresInTheWindowDoNotLockAnAccount) {
  std::vector<std::int64_t> failures{kT0, kT0 + 10, kT0 + 20, kT0 + 30};
  EXPECT_FALSE(locked_until(failures, kT0 + 31, kAccountLoginRule));
}

TEST(LockedUntil, FifthFailureWithinFifteenMinutesLocksForFifteenMinutesFromIt) {
  std::vector<std::int64_t> failures{kT0, kT0 + 10, kT0 + 20, kT0 + 30, kT0 + 40};
  EXPECT_EQ(locked_until(failures, kT0 + 41, kAccountLoginRule), kT0 + 40 + 900);
  EXPECT_EQ(locked_until(failures, kT0 + 939, kAccountLoginRule), kT0 + 940);
}

TEST(LockedUntil, LockEndsAfterFifteenMinutes) {
  std::vector<std::int64_t> failures{kT0, kT0 + 10, kT0 + 20, kT0 + 30, kT0 + 40};
  EXPECT_FALSE(locked_until(failures, kT0 + 940, kAccountLoginRule));
}

TEST(LockedUntil, FiveFailuresSpreadOverMoreThanTheWindowDoNotLock) {
  std::vector<std::int64_t> failures{kT0, kT0 + 300, kT0 + 600, kT0 + 850, kT0 + 900};
  EXPECT_FALSE(locked_until(failures, kT0 + 901, kAccountLoginRule));
}

TEST(LockedUntil, FailuresInTheSameSecondLock) {
  std::vector<std::int64_t> failures(5, kT0);
  EXPECT_EQ(locked_until(failures, kT0, kAccountLoginRule), kT0 + 900);
}

TEST(LockedUntil, AttemptsRefusedDuringTheLockExtendIt) {
  // Five failures, then a refused attempt 10 minutes later (counted as a failure by the caller).
  std::vector<std::int64_t> failures{kT0, kT0 + 1, kT0 + 2, kT0 + 3, kT0 + 4, kT0 + 600};
  EXPECT_EQ(locked_until(failures, kT0 + 601, kAccountLoginRule), kT0 + 600 + 900);
}

TEST(LockedUntil, AnIpAddressIsLockedAfterThirtyFailures) {
  std::vector<std::int64_t> failures;
  for (int i = 0; i < 29; ++i) failures.push_back(kT0 + i);
  EXPECT_FALSE(locked_until(failures, kT0 + 30, kIpLoginRule));
  failures.push_back(kT0 + 29);
  EXPECT_EQ(locked_until(failures, kT0 + 30, kIpLoginRule), kT0 + 29 + 900);
}

TEST(LockedUntil, NoFailuresNoLock) { EXPECT_FALSE(locked_until({}, kT0, kAccountLoginRule)); }

TEST(WindowLimiter, RefusesBeyondTheLimitWithinTheWindow) {
  WindowLimiter limiter(3, 600);
  EXPECT_TRUE(limiter.allow("192.0.2.1", kT0));
  EXPECT_TRUE(limiter.allow("192.0.2.1", kT0 + 1));
  EXPECT_TRUE(limiter.allow("192.0.2.1", kT0 + 2));
  EXPECT_FALSE(limiter.allow("192.0.2.1", kT0 + 3));
}

TEST(WindowLimiter, CountsEachKeySeparately) {
  WindowLimiter limiter(1, 600);
  EXPECT_TRUE(limiter.allow("192.0.2.1", kT0));
  EXPECT_TRUE(limiter.allow("192.0.2.2", kT0));
  EXPECT_FALSE(limiter.allow("192.0.2.1", kT0));
}

TEST(WindowLimiter, AcceptsAgainOnceTheOldestEventLeavesTheWindow) {
  WindowLimiter limiter(2, 600);
  EXPECT_TRUE(limiter.allow("k", kT0));
  EXPECT_TRUE(limiter.allow("k", kT0 + 100));
  EXPECT_FALSE(limiter.allow("k", kT0 + 599));
  EXPECT_TRUE(limiter.allow("k", kT0 + 600));
  EXPECT_FALSE(limiter.allow("k", kT0 + 601));
}

}  // namespace
}  // namespace parcours::security
