// A response as the bytes the server writes: the status line and headers in one string, the body
// in another, sent together by one gathered write. It replaces Beast's message and fields for
// in-memory bodies: building a fields container, then serializing it through Beast's buffer
// views, was about 4 % of the members page. The bytes are the ones Beast wrote (same header
// order, Content-Length after the handler's and the security headers, `Connection: close` last);
// tests/unit/wire_test.cpp compares them with Beast's serializer.
//
//   WireResponse wire = to_wire(std::move(response), config, is_head);  // in a worker
//   finish_head(wire, keep_alive);                                     // on the connection
//   async_write(stream, wire.buffers(), ...);
#pragma once

#include <array>
#include <boost/asio/buffer.hpp>
#include <string>

#include "core/config.h"
#include "core/http/response.h"

namespace parcours::http {

struct WireResponse {
  unsigned status = 200;
  std::string head;  // status line and headers; finish_head() ends it
  std::string body;  // empty for HEAD and for 1xx, 204 and 304

  std::array<boost::asio::const_buffer, 2> buffers() const {
    return {boost::asio::buffer(head), boost::asio::buffer(body)};
  }
};

// Adds the security headers and Content-Length (the size of the body a GET would get, for HEAD
// too), and writes the head. `response.body_file` must be empty (files go through Beast).
WireResponse to_wire(Response&& response, const Config& config, bool head);

// Ends the head: `Connection: close` when the connection closes after this response, then the
// blank line.
void finish_head(WireResponse& wire, bool keep_alive);

}  // namespace parcours::http
