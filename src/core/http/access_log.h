// The access log: one JSON object per line on standard output for every response written,
// e.g. {"ts":"2027-03-12T10:42:00.123Z","method":"GET","path":"/orgs","status":200,
// "ms":1.84,"bytes":5120,"ip":"127.0.0.1"}. The query string is left out on purpose: it may
// carry personal data (a search by name). Lines from several threads never interleave.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace parcours::http {

struct AccessLogEntry {
  std::string_view method;
  std::string_view path;
  unsigned status = 0;
  double ms = 0;
  std::size_t bytes = 0;
  std::string_view ip;
};

// The line for an entry, with its final newline; `unix_ms` is the time of the response.
std::string format_access_log(const AccessLogEntry& entry, long long unix_ms);

// Writes the line for an entry, stamped now, to stdout in one fwrite (whole lines, never
// interleaved; when they reach the terminal or pipe depends on stdout's buffering).
void write_access_log(const AccessLogEntry& entry);

// Makes stdout fully buffered and flushes it every `period` from a thread of its own, and once
// more when destroyed: the log then costs one write(2) per period instead of one per request
// (2 % of the members page when stdout was line-buffered). Lines reach the reader at most
// `period` late; none is lost on a normal stop.
//
//   http::StdoutFlusher flusher;  // for the server's lifetime
class StdoutFlusher {
 public:
  explicit StdoutFlusher(std::chrono::milliseconds period = std::chrono::milliseconds(50));
  ~StdoutFlusher();
  StdoutFlusher(const StdoutFlusher&) = delete;
  StdoutFlusher& operator=(const StdoutFlusher&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace parcours::http
