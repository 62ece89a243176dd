#include "app/app.h"

#include <spdlog/spdlog.h>

#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/html/render.h"
#include "core/http/csrf.h"
#include "core/http/flash.h"
#include "core/http/sessions.h"
#include "core/http/upload.h"
#include "core/http/url.h"
#include "core/store/access_writer.h"
#include "core/store/journal.h"
#include "features/accounts/actor.h"
#include "features/portal/person_sessions.h"

namespace parcours::app {

namespace {

constexpr auto kDemoRefresh = std::chrono::seconds(5);

bool is_api(const http::Request& request) { return request.path.starts_with("/api/"); }

bool is_unsafe(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string escape_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A last-resort page when even the error page cannot be rendered (templates missing...).
http::Response bare_error(bool api, unsigned status, const std::string& title,
                          const std::string& message) {
  if (api) return http::Response::problem(status, title, message);
  return http::Response::html(
      "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
      "<title>" +
          escape_html(title) + " — Parcours</title></head><body><h1>" + escape_html(title) +
          "</h1><p>" + escape_html(message) + "</p></body></html>\n",
      status);
}

}  // namespace

App::App(const Config& config, store::Db& db, http::Router router)
    : config_(config),
      db_(db),
      router_(std::move(router)),
      static_files_(resource_dir(config.web_root, "web/dist")),
      connections_(static_cast<std::size_t>(config.workers < 1 ? 1 : config.workers)) {}

http::Response App::handle(http::Request& request, int worker) {
  bool read = request.method == "GET" || request.method == "HEAD";
  if (request.path == "/healthz") {
    if (read) return health(worker);
    auto refused = http::Response::problem(405, "Méthode non autorisée",
                                           "Cette adresse n'accepte que GET et HEAD.");
    refused.set_header("Allow", "GET, HEAD");
    return refused;
  }
  // A missing static file falls through to the usual 404 page.
  if (read && request.path.starts_with(http::kStaticPrefix)) {
    if (auto file = static_files_.serve(request)) return std::move(*file);
  }
  return dynamic(request, worker);
}

store::Connection& App::connection(int worker) {
  auto& slot = connections_.at(static_cast<std::size_t>(worker));
  // Checking every request would cost a round trip to PostgreSQL; a connection is checked only
  // after a request on it failed in the store, and replaced if it no longer answers.
  if (slot.lease && slot.suspect && !(*slot.lease)->ping()) slot.lease.reset();
  slot.suspect = false;
  if (!slot.lease) slot.lease.emplace(db_.acquire());
  return slot.lease->get();
}

http::Response App::health(int worker) {
  http::Response response;
  try {
    auto& conn = connection(worker);
    auto row = conn.query_one("SELECT 1");
    if (!row || row->integer(0) != 1) throw store::StoreError("SELECT 1 sans réponse");
    response = http::Response::json(R"({"status":"ok"})");
  } catch (const std::exception& e) {
    connections_.at(static_cast<std::size_t>(worker)).suspect = true;
    spdlog::error("healthz : base de données indisponible : {}", e.what());
    response = http::Response::json(R"({"status":"indisponible"})", 503);
  }
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response App::dynamic(http::Request& request, int worker) {
  store::Connection* conn = nullptr;
  try {
    conn = &connection(worker);
  } catch (const std::exception& e) {
    spdlog::error("{} {} : pas de connexion à la base : {}", request.method, request.path,
                  e.what());
    auto response = bare_error(is_api(request), 503, error_title(ErrorCode::kUnavailable),
                               "Le service ne peut pas joindre sa base de données. Réessayez "
                               "dans quelques instants.");
    response.set_header("Retry-After", "5");
    response.set_header("Cache-Control", "no-store");
    return response;
  }

  http::Context ctx{request, *conn, config_};
  http::Response response;
  // A page that only reads is sent once its reads are committed to the access log, without
  // keeping this worker waiting for the commit (store::DeferredAccesses).
  std::optional<store::DeferredAccesses> deferred;
  if (request.method == "GET" || request.method == "HEAD") deferred.emplace();
  conn->start_read_batches();
  try {
    response = run_route(ctx);
  } catch (const std::exception& e) {
    if (dynamic_cast<const store::StoreError*>(&e)) {
      connections_.at(static_cast<std::size_t>(worker)).suspect = true;
    }
    spdlog::error("{} {} : erreur interne : {}", request.method, request.path, e.what());
    try {
      if (conn->in_transaction()) conn->rollback();
    } catch (const std::exception& rollback_error) {
      connections_.at(static_cast<std::size_t>(worker)).suspect = true;
      spdlog::error("annulation de la transaction impossible : {}", rollback_error.what());
    }
    ctx.response_headers.clear();  // cookies decided by a failed request are not sent
    response = error(ctx, 500, "Erreur interne",
                     "Une erreur inattendue est survenue. Réessayez plus tard ; si elle persiste, "
                     "signalez-la à l'équipe Parcours.");
  }
  // A handler that forgot to end its transaction must not leave it open for the next request.
  if (conn->in_transaction()) {
    spdlog::error("{} {} : transaction laissée ouverte, annulée", request.method, request.path);
    conn->rollback();
  }
  try {
    conn->stop_read_batches();
  } catch (const std::exception& e) {
    connections_.at(static_cast<std::size_t>(worker)).suspect = true;
    spdlog::error("{} {} : fin de lecture impossible : {}", request.method, request.path, e.what());
  }
  for (auto& [name, value] : ctx.response_headers) response.add_header(name, value);
  if (response.header("Cache-Control").empty()) response.set_header("Cache-Control", "no-store");
  if (deferred) {
    auto reads = deferred->take();
    deferred.reset();
    if (!reads.empty() && !response.body_file.empty()) {
      // A spooled file is streamed by the network thread as it is: its reads are committed
      // here, before it leaves (log_accesses waits for the writer now that `deferred` is gone).
      store::log_accesses(*conn, reads);
    } else if (!reads.empty()) {
      response.defer = [conn, reads = std::move(reads), method = request.method,
                        path = request.path](std::function<void(bool)> send) mutable {
        store::commit_then(*conn, std::move(reads),
                           [send = std::move(send), method, path](const std::string& error) {
                             if (!error.empty()) {
                               spdlog::error("{} {} : journal des accès non écrit : {}", method,
                                             path, error);
                             }
                             send(error.empty());
                           });
      };
    }
  }
  return response;
}

std::optional<http::Response> App::check_upload_head(http::Request& request, int worker) {
  auto guard = http::streamed_upload_guard(request.method, request.path);
  std::optional<http::Response> refusal;
  try {
    auto& conn = connection(worker);
    http::Context ctx{request, conn, config_};
    load_visitor(ctx);
    http::ensure_csrf_token(ctx);
    ctx.demo = demo(ctx.db);
    if (auto origin = http::check_origin(ctx); !origin) {
      refusal = error(ctx, 403, "Requête refusée", origin.error().message);
    } else if (guard && !guard(ctx)) {
      refusal = html::refuse(ctx);
    }
    if (conn.in_transaction()) conn.rollback();
    if (refusal) {
      for (auto& [name, value] : ctx.response_headers) refusal->add_header(name, value);
      refusal->set_header("Cache-Control", "no-store");
    }
  } catch (const std::exception& e) {
    // The whole request will be handled (and its errors answered) as usual.
    spdlog::error("{} {} : vérification avant envoi impossible : {}", request.method, request.path,
                  e.what());
    return std::nullopt;
  }
  return refusal;
}

http::Response App::run_route(http::Context& ctx) {
  http::Request& request = ctx.request;
  load_visitor(ctx);
  http::ensure_csrf_token(ctx);
  take_flash(ctx);
  ctx.demo = demo(ctx.db);

  auto match = router_.match(request.method, request.path);
  if (!match.handler) {
    if (match.allowed_methods.empty()) {
      return error(ctx, 404, error_title(ErrorCode::kNotFound),
                   "La page demandée n'existe pas ou a été déplacée. Vérifiez l'adresse saisie.");
    }
    std::string allow;
    for (const auto& method : match.allowed_methods) {
      allow += (allow.empty() ? "" : ", ") + method;
    }
    auto response = error(ctx, 405, "Méthode non autorisée",
                          "Cette adresse n'accepte pas la méthode " + request.method + ".");
    response.set_header("Allow", allow);
    return response;
  }
  // Only a request that would reach a handler is checked: 404 and 405 change nothing.
  // Pages always, and the API when the browser's session cookie authenticates the call (ambient
  // credentials); an API call with a bearer token carries no cookie to abuse.
  bool bearer = request.header("authorization").starts_with("Bearer ");
  bool cookie_session = ctx.session || ctx.person_session;
  if (is_unsafe(request.method) && (!is_api(request) || (cookie_session && !bearer))) {
    if (auto checked = http::check_csrf(ctx); !checked) {
      return error(ctx, 403, "Requête refusée", checked.error().message);
    }
  }

  request.params = std::move(match.params);
  return (*match.handler)(ctx);
}

void App::load_visitor(http::Context& ctx) {
  load_person(ctx);
  auto token = ctx.request.cookie(http::kSessionCookie);
  if (!token) return;
  if (auto signed_in = accounts::load_signed_in(ctx.db, *token, config_)) {
    ctx.session = std::move(signed_in->session);
    ctx.actor = std::move(signed_in->actor);
  }
  if (!ctx.session) {
    ctx.response_headers.emplace_back("Set-Cookie", http::session_cookie("", config_));
  }
}

// The person's own space has its own session and cookie (features/portal): it gives no Actor,
// only the person's id and the CSRF token of their forms.
void App::load_person(http::Context& ctx) {
  auto token = ctx.request.cookie(portal::kPersonSessionCookie);
  if (!token) return;
  ctx.person_session = portal::load_person_session(ctx.db, *token, config_);
  if (!ctx.person_session) {
    ctx.response_headers.emplace_back("Set-Cookie", portal::person_session_cookie("", config_));
  }
}

void App::take_flash(http::Context& ctx) {
  auto flash = ctx.request.cookie(http::kFlashCookie);
  if (!flash) return;
  auto message = http::percent_decode(*flash, false);
  if (message && !message->empty()) ctx.flash = std::move(*message);
  std::string clear =
      std::string(http::kFlashCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
  if (config_.https()) clear += "; Secure";
  ctx.response_headers.emplace_back("Set-Cookie", std::move(clear));
}

bool App::demo(store::Connection& conn) {
  auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  auto checked = demo_checked_at_.load();
  auto refresh = std::chrono::duration_cast<std::chrono::steady_clock::duration>(kDemoRefresh);
  if (checked == 0 || now - checked > refresh.count()) {
    auto row = conn.query_one("SELECT value FROM meta WHERE key = 'demo'");
    demo_ = row && row->text(0) == "1";
    demo_checked_at_ = now;
  }
  return demo_;
}

http::Response App::error(http::Context& ctx, unsigned status, const std::string& title,
                          const std::string& message) {
  if (is_api(ctx.request)) return http::Response::problem(status, title, message);
  try {
    return html::error_page(ctx, status, title, message);
  } catch (const std::exception& e) {
    spdlog::error("page d'erreur {} impossible à afficher : {}", status, e.what());
    return bare_error(false, status, title, message);
  }
}

}  // namespace parcours::app
