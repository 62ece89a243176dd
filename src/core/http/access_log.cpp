#include "core/http/access_log.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string_view>

#include "core/clock.h"

namespace parcours::http {

namespace {

// `text` as a JSON string. Request paths, methods and addresses are nearly always printable
// ASCII without quotes or backslashes, copied as they are; anything else goes through
// Boost.JSON, so that a path with quotes or control bytes stays valid JSON.
void append_quoted(std::string& out, std::string_view text) {
  bool plain = std::all_of(text.begin(), text.end(),
                           [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  if (!plain) {
    out += boost::json::serialize(boost::json::string_view(text.data(), text.size()));
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

}  // namespace

std::string format_access_log(const AccessLogEntry& entry, long long unix_ms) {
  // Not gmtime_r: it takes glibc's time-zone lock, once per request and per worker.
  std::string ts = format_iso8601(unix_ms / 1000);
  // Built in one string: this runs for every request, static files included.
  std::string line;
  line.reserve(128 + entry.path.size());
  line += R"({"ts":")";
  line.append(ts, 0, ts.size() - 1);
  fmt::format_to(std::back_inserter(line), FMT_COMPILE(".{:03}Z\",\"method\":"), unix_ms % 1000);
  append_quoted(line, entry.method);
  line += R"(,"path":)";
  append_quoted(line, entry.path);
  fmt::format_to(std::back_inserter(line),
                 FMT_COMPILE(R"(,"status":{},"ms":{:.2f},"bytes":{},"ip":)"), entry.status,
                 std::isfinite(entry.ms) ? entry.ms : 0.0, entry.bytes);
  append_quoted(line, entry.ip);
  line += "}\n";
  return line;
}

void write_access_log(const AccessLogEntry& entry) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  std::string line =
      format_access_log(entry, std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
  // One fwrite per line: stdio locks the stream for the call, so lines never interleave.
  std::fwrite(line.data(), 1, line.size(), stdout);
}

StdoutFlusher::StdoutFlusher(std::chrono::milliseconds period) {
  constexpr std::size_t kBufferBytes = 1 << 16;
  std::fflush(stdout);
  std::setvbuf(stdout, nullptr, _IOFBF, kBufferBytes);
  thread_ = std::thread([this, period] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period, [this] { return stopping_; })) std::fflush(stdout);
  });
}

StdoutFlusher::~StdoutFlusher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  std::fflush(stdout);
}

}  // namespace parcours::http
