// The access log: one JSON object per line on standard output for every response written,
// e.g. {"ts":"2027-03-12T10:42:00.123Z","method":"GET","path":"/orgs","status":200,
// "ms":1.84,"bytes":5120,"ip":"127.0.0.1"}. The query string is left out on purpose: it may
// carry personal data (a search by name). Lines from several threads never interleave.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

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

// Writes the line for an entry, stamped now, to stdout in one write.
void write_access_log(const AccessLogEntry& entry);

}  // namespace parcours::http
