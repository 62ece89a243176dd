#include "core/http/access_log.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace parcours::http {

std::string format_access_log(const AccessLogEntry& entry, long long unix_ms) {
  std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char ts[64];
  std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(unix_ms % 1000));
  // Strings go through Boost.JSON so that a path with quotes or control bytes stays valid JSON.
  auto quoted = [](std::string_view text) {
    return boost::json::serialize(boost::json::string_view(text.data(), text.size()));
  };
  return fmt::format(
      R"({{"ts":"{}","method":{},"path":{},"status":{},"ms":{:.2f},"bytes":{},"ip":{}}})"
      "\n",
      ts, quoted(entry.method), quoted(entry.path), entry.status,
      std::isfinite(entry.ms) ? entry.ms : 0.0, entry.bytes, quoted(entry.ip));
}

void write_access_log(const AccessLogEntry& entry) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  std::string line =
      format_access_log(entry, std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
  // One fwrite per line: stdio locks the stream for the call, so lines never interleave.
  std::fwrite(line.data(), 1, line.size(), stdout);
}

}  // namespace parcours::http
