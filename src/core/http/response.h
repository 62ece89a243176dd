// An HTTP response built by a handler. Security headers, the session cookie and the access
// log are added by the server around it, so handlers set only what is theirs.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parcours::http {

struct Response {
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is this file instead (a large export spooled to disk as it was read):
  // the server streams it from disk and deletes it.
  std::string body_file;
  // When set, the server sends this response only once `defer` calls the continuation it is
  // given (from any thread, exactly once); with `false` it sends a 500 error page instead. The
  // worker is free meanwhile. Used to send a page only once the reads it traced are committed.
  std::function<void(std::function<void(bool ok)>)> defer;

  void set_header(std::string_view name, std::string value);  // replaces any previous value
  void add_header(std::string name, std::string value);       // e.g. several Set-Cookie
  std::string header(std::string_view name) const;

  static Response html(std::string body, unsigned status = 200);
  static Response json(std::string body, unsigned status = 200);
  static Response text(std::string body, unsigned status = 200);
  // 303 See Other after a POST, 302 otherwise.
  static Response redirect(std::string location, unsigned status = 303);
  // RFC 9457 application/problem+json with a French title and detail.
  static Response problem(unsigned status, std::string_view title, std::string_view detail);
};

}  // namespace parcours::http
