#include "core/http/access_log.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/clock.h"

namespace parcours::http {

std::string format_access_log(const AccessLogEntry& entry, long long unix_ms) {
  // Not gmtime_r: it takes glibc's time-zone lock, once per request and per worker.
  std::string ts = format_iso8601(unix_ms / 1000);
  ts.insert(ts.size() - 1, fmt::format(".{:03}", unix_ms % 1000));
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
