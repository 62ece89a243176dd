// The HTTP/1.1 server (Boost.Beast). One I/O thread parses and writes; requests are handed to a
// bounded pool of worker threads so that database work never stalls the network loop. When the
// waiting queue is full the server answers 503 at once rather than queue without bound.
//
// Every socket has deadlines: for the request headers, for the body, and while idle between
// keep-alive requests. The request line and headers are limited (431/400 beyond) and the body
// too (413). On SIGTERM/SIGINT the server stops accepting, lets in-flight requests finish and
// returns from `run()`.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/config.h"
#include "core/http/request.h"
#include "core/http/response.h"

namespace parcours::http {

// Called on a worker thread; `worker` is the index of that thread (0..workers-1), so that the
// application can keep one database connection per worker.
using AppHandler = std::function<Response(Request&, int worker)>;

class Server {
 public:
  Server(const Config& config, AppHandler app);
  ~Server();
  // Binds the listening socket now (throws on failure), so that port() is known before run().
  void bind();
  // Binds (unless bind() was called), serves until SIGTERM/SIGINT or `stop()`, then drains.
  // Throws on bind failure.
  void run();
  void stop();
  // The port actually bound (useful with port 0), valid once bound.
  unsigned short port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits "host:port"; throws std::invalid_argument with a French message when malformed.
std::pair<std::string, unsigned short> parse_listen(const std::string& listen);

}  // namespace parcours::http
