#include "core/http/access_log.h"

#include <gtest/gtest.h>

namespace parcours::http {
namespace {

TEST(AccessLog, OneJsonLineWithTheTimeToTheMillisecondInUtc) {
  std::string line = format_access_log(
      {.method = "GET", .path = "/a\"b", .status = 200, .ms = 1.234, .bytes = 42, .ip = "::1"},
      1806195600007);
  EXPECT_EQ(line,
            "{\"ts\":\"2027-03-28T01:00:00.007Z\",\"method\":\"GET\",\"path\":\"/a\\\"b\","
            "\"status\":200,\"ms\":1.23,\"bytes\":42,\"ip\":\"::1\"}\n");
}

TEST(AccessLog, PathsWithBackslashesControlBytesOrAccentsStayValidJson) {
  std::string line = format_access_log({.method = "GET",
                                        .path = "/personnes?q=h\xc3\xa9l\xc3\xa8ne\\\x01",
                                        .status = 404,
                                        .ms = 0.5,
                                        .bytes = 0,
                                        .ip = "192.0.2.1"},
                                       1806195600999);
  EXPECT_EQ(line,
            "{\"ts\":\"2027-03-28T01:00:00.999Z\",\"method\":\"GET\","
            "\"path\":\"/personnes?q=h\xc3\xa9l\xc3\xa8ne\\\\\\u0001\",\"status\":404,"
            "\"ms\":0.50,\"bytes\":0,\"ip\":\"192.0.2.1\"}\n");
}

}  // namespace
}  // namespace parcours::http
