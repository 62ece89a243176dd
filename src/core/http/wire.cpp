#include "core/http/wire.h"

#include <strings.h>

#include <boost/beast/http/status.hpp>
#include <charconv>

#include "core/http/security_headers.h"

namespace parcours::http {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

void append_number(std::string& out, std::size_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

WireResponse to_wire(Response&& response, const Config& config, bool head) {
  add_security_headers(response, config);
  WireResponse wire;
  wire.status = response.status;
  bool no_body = response.status == 204 || response.status == 304 ||
                 (response.status >= 100 && response.status < 200);
  if (!no_body) wire.body = std::move(response.body);

  std::size_t size = 64;
  for (const auto& [name, value] : response.headers) size += name.size() + value.size() + 4;
  wire.head.reserve(size);
  // Beast writes the status as three digits and its standard reason phrase.
  auto reason =
      boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(response.status));
  wire.head += "HTTP/1.1 ";
  wire.head += static_cast<char>('0' + response.status / 100);
  wire.head += static_cast<char>('0' + response.status / 10 % 10);
  wire.head += static_cast<char>('0' + response.status % 10);
  wire.head += ' ';
  wire.head.append(reason.data(), reason.size());
  wire.head += "\r\n";
  for (const auto& [name, value] : response.headers) {
    // The server owns these two, as Beast's message did (it replaced them).
    if (same_name(name, "Content-Length") || same_name(name, "Connection")) continue;
    wire.head += name;
    wire.head += ": ";
    wire.head += value;
    wire.head += "\r\n";
  }
  wire.head += "Content-Length: ";
  append_number(wire.head, wire.body.size());
  wire.head += "\r\n";
  if (head) wire.body.clear();  // Content-Length still tells the size of a GET
  return wire;
}

void finish_head(WireResponse& wire, bool keep_alive) {
  if (!keep_alive) wire.head += "Connection: close\r\n";
  wire.head += "\r\n";
}

}  // namespace parcours::http
