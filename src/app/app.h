// The request pipeline of Parcours, called by the server on a worker thread for each request:
// /healthz and static files first (no session needed), then for every other request the
// worker's database connection, the visitor's session and account (or the person's session of
// /mon-espace), the CSRF token and check, the flash message, the route, and the French error
// pages (HTML, or problem+json under /api/).
//
//   app::App app(config, *db, std::move(router));
//   http::Server server(config, [&](http::Request& r, int worker) { return app.handle(r, worker);
//   });
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "core/config.h"
#include "core/http/context.h"
#include "core/http/request.h"
#include "core/http/response.h"
#include "core/http/router.h"
#include "core/http/static_files.h"
#include "core/store/db.h"

namespace parcours::app {

class App {
 public:
  App(const Config& config, store::Db& db, http::Router router);
  // Thread-safe for distinct `worker` values in [0, config.workers).
  http::Response handle(http::Request& request, int worker);
  // A streamed upload's head, before its body is read (http/upload.h): the session, the Origin
  // and the route's guard; an answer refuses it.
  std::optional<http::Response> check_upload_head(http::Request& request, int worker);

 private:
  // The connection kept by one worker thread, checked again after it failed once.
  struct WorkerConnection {
    std::optional<store::ConnectionLease> lease;
    bool suspect = false;
  };

  http::Response health(int worker);
  http::Response dynamic(http::Request& request, int worker);
  http::Response run_route(http::Context& ctx);
  void load_visitor(http::Context& ctx);
  void load_person(http::Context& ctx);
  void take_flash(http::Context& ctx);
  bool demo(store::Connection& conn);
  store::Connection& connection(int worker);
  http::Response error(http::Context& ctx, unsigned status, const std::string& title,
                       const std::string& message);

  const Config& config_;
  store::Db& db_;
  http::Router router_;
  http::StaticFiles static_files_;
  std::vector<WorkerConnection> connections_;
  // Whether this is a demonstration database, read again every few seconds.
  std::atomic<bool> demo_{false};
  std::atomic<std::chrono::steady_clock::rep> demo_checked_at_{0};
};

}  // namespace parcours::app
