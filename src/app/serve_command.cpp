// `parcours serve`: checks the database is migrated, then runs the HTTP server and, unless
// disabled, the background job loop, until SIGTERM/SIGINT. Prints one line
// "Parcours écoute sur http://HOST:PORT" once listening (the tests read the port from it);
// the access log follows on stdout, diagnostics go to stderr.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <iostream>
#include <thread>

#include "app/app.h"
#include "app/commands.h"
#include "app/routes.h"
#include "core/html/render.h"
#include "core/http/access_log.h"
#include "core/http/server.h"
#include "core/http/upload.h"
#include "core/jobs/jobs.h"
#include "core/mail/outbox.h"
#include "core/store/access_writer.h"
#include "core/store/migrations.h"
#include "features/api/auth.h"
#include "features/appointments/reminders.h"
#include "features/caf/routes.h"
#include "features/catalogue/reminders.h"
#include "features/csvimport/routes.h"
#include "features/feed/webhooks.h"
#include "features/orientation/referents.h"
#include "features/referrals/referrals.h"
#include "features/stats/projection.h"

namespace parcours::app {

namespace {

// The outbox id of a "mail.send" job, from its payload {"outbox_id": N} (see mail::queue_mail).
std::int64_t outbox_id_of(const jobs::Job& job) {
  auto payload = boost::json::parse(job.payload_json);
  const auto* id = payload.is_object() ? payload.as_object().if_contains("outbox_id") : nullptr;
  if (!id || !id->is_int64()) {
    throw std::runtime_error("tâche mail.send sans outbox_id : " + job.payload_json);
  }
  return id->as_int64();
}

// Driver messages (libpq) span several lines; the operator gets one.
std::string one_line(std::string text) {
  std::erase(text, '\t');
  std::ranges::replace(text, '\n', ' ');
  while (text.ends_with(' ')) text.pop_back();
  return text;
}

}  // namespace

int run_serve(const Config& config) {
  // stdout carries the access log, one JSON object per line, flushed every 50 ms and at the
  // end; everything else goes to stderr.
  spdlog::set_default_logger(spdlog::stderr_color_mt("parcours"));
  http::StdoutFlusher flush_stdout;

  std::pair<std::string, unsigned short> listen;
  try {
    store::parse_db_url(config.db_url);
    listen = http::parse_listen(config.listen);
  } catch (const std::exception& e) {
    std::cerr << "parcours : " << one_line(e.what()) << "\n";
    return 2;
  }

  std::unique_ptr<store::Db> db;
  try {
    // One connection per request worker, one each for the job loop, the access log's group
    // commit and its checkpoints (SQLite), the webhook sender and a CAF import in progress, one
    // spare.
    db = store::Db::open(config.db_url, config.workers + 6);
    auto conn = db->acquire();
    auto pending = store::pending_migrations(*conn);
    if (!pending.empty()) {
      std::cerr << "La base n'est pas à jour (" << pending.size()
                << " migrations en attente) : lancez « parcours migrate --db " << config.db_url
                << " ».\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "parcours : base de données inaccessible : " << one_line(e.what()) << "\n";
    return 1;
  }

  store::AccessLogWriter access_log_writer(*db);
  store::install_access_log_writer(&access_log_writer);
  struct Uninstall {
    ~Uninstall() { store::install_access_log_writer(nullptr); }
  } uninstall;

  html::set_template_root(resource_dir(config.templates_root, "templates"));
  http::Router router;
  register_all_routes(router);
  api::configure_rate_limit(config.api_rate, config.api_burst);
  App app(config, *db, std::move(router));
  http::set_upload_head_check([&app](http::Request& request, int worker) {
    return app.check_upload_head(request, worker);
  });
  http::Server server(
      config, [&app](http::Request& request, int worker) { return app.handle(request, worker); });
  try {
    server.bind();
  } catch (const std::exception& e) {
    std::cerr << "parcours : impossible d'écouter sur " << config.listen << " : " << e.what()
              << "\n";
    return 1;
  }

  std::atomic<bool> stop_jobs{false};
  std::thread job_thread;
  std::thread webhook_thread;
  if (config.jobs) {
    job_thread = std::thread([&] {
      jobs::JobRunner runner(*db, "serve-" + std::to_string(::getpid()));
      runner.on("mail.send", [&config](store::Connection& conn, const jobs::Job& job) {
        mail::deliver(conn, outbox_id_of(job), config.mail_transport, config.mail_from);
      });
      orientation::register_jobs(runner);
      referrals::register_jobs(runner, config.public_url);
      catalogue::register_jobs(runner, config.public_url);
      catalogue::schedule_reminders(*db->acquire());
      appointments::register_jobs(runner, *db, config.public_url);
      caf::register_jobs(runner, *db);
      csvimport::register_jobs(runner, *db);
      csvimport::schedule_expiry(*db->acquire());
      stats::register_jobs(runner, *db);
      runner.run(stop_jobs);
    });
    webhook_thread = std::thread([&] { feed::run_dispatcher(*db, stop_jobs); });
  }

  std::string host =
      listen.first.find(':') != std::string::npos ? "[" + listen.first + "]" : listen.first;
  std::printf("Parcours écoute sur http://%s:%u\n", host.c_str(), server.port());
  std::fflush(stdout);

  int status = 0;
  try {
    server.run();
  } catch (const std::exception& e) {
    spdlog::error("serveur arrêté sur une erreur : {}", e.what());
    status = 1;
  }
  stop_jobs = true;
  if (job_thread.joinable()) job_thread.join();
  caf::stop_imports();
  csvimport::stop_imports();
  if (webhook_thread.joinable()) webhook_thread.join();
  std::fflush(stdout);
  return status;
}

}  // namespace parcours::app
