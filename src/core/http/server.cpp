// The server follows Beast's http_server_async example: a listener accepts sockets, each
// connection reads one request at a time, and every socket operation has a deadline.
//
// Threads. One thread runs the io_context: accepting, parsing and writing never block. A parsed
// request goes to the WorkerPool (the application's database work happens there); the response
// is posted back to the io_context. If the pool's queue is full the connection answers 503
// itself, at once. Connections have no strand: with one thread running the io_context their
// handlers never run concurrently, and a strand cost a lock and a queue on every completion.
// Running the io_context on more threads would need one strand per connection again.
//
// Deadlines. A connection waits for the first byte of a request with the header deadline (first
// request) or the idle deadline (keep-alive), then the header deadline runs until the headers are
// complete, the body deadline until the body is, and writes have the body deadline too. A
// response that closes the connection is followed by a short lingering read, so that a client
// still sending a refused body (413) reads our answer instead of a reset.
//
// Stopping. stop() or SIGTERM/SIGINT close the acceptor and the connections waiting for a new
// request; the others (reading a body, in a worker, writing) finish and answer with
// `Connection: close`. run() returns when no connection is left (at most 20 s later), after the
// workers have finished their jobs.
#include "core/http/server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "core/http/access_log.h"
#include "core/http/security_headers.h"
#include "core/http/upload.h"
#include "core/http/url.h"
#include "core/http/wire.h"
#include "core/http/worker_pool.h"

namespace parcours::http {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr auto kDrainLimit = std::chrono::seconds(20);
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

Response error_response(unsigned status, std::string_view title, std::string_view message,
                        bool api) {
  if (api) return Response::problem(status, title, message);
  return Response::html(
      fmt::format("<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                  "<title>{0} — Parcours</title></head><body><main><h1>{0}</h1>"
                  "<p>{1}</p></main></body></html>\n",
                  title, message),
      status);
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Connection;

// Everything the listener and the connections share; owned by Server::Impl.
struct ServerState {
  ServerState(const Config& c, AppHandler a)
      : config(c), app(std::move(a)), pool(c.workers, c.queue_limit) {}

  void bind();
  void accept();
  void begin_stop();
  void finish_drain_if_idle();

  const Config& config;
  AppHandler app;
  // Declared before the io_context: connections destroyed with its pending handlers unregister.
  std::mutex connections_mutex;
  std::map<const Connection*, std::weak_ptr<Connection>> connections;
  WorkerPool pool;
  net::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  net::signal_set signals{ioc};
  net::steady_timer drain_timer{ioc};
  std::atomic<unsigned short> bound_port{0};
  std::atomic<bool> running{false};
  bool stopping = false;  // io thread only
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(ServerState& server, tcp::socket&& socket)
      : server_(server), stream_(std::move(socket)) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = endpoint.address().to_string();
  }

  ~Connection() {
    {
      std::lock_guard lock(server_.connections_mutex);
      server_.connections.erase(this);
    }
    if (server_.running)
      net::post(server_.ioc, [&server = server_] { server.finish_drain_if_idle(); });
  }

  void start() {
    {
      std::lock_guard lock(server_.connections_mutex);
      server_.connections.emplace(this, weak_from_this());
    }
    net::dispatch(stream_.get_executor(),
                  [self = shared_from_this()] { self->wait_for_request(); });
  }

  // On the io_context's thread, when the server stops.
  void on_server_stop() {
    closing_ = true;
    if (state_ == State::kWaiting) close();
  }

  net::any_io_executor executor() { return stream_.get_executor(); }

 private:
  enum class State { kWaiting, kReading, kProcessing, kWriting, kClosed };

  const Config& config() const { return server_.config; }

  void wait_for_request() {
    if (server_.stopping) closing_ = true;
    if (closing_) return close();
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // The limit depends on the route (upload.h): checked once the header is read.
    parser_->body_limit(boost::none);
    file_parser_.reset();
    body_limit_ = config().body_limit;
    method_.clear();
    path_.clear();
    if (buffer_.size() > 0) {  // the client sent its next request before our answer
      started_ = SteadyClock::now();
      stream_.expires_after(std::chrono::seconds(config().header_timeout_seconds));
      return read_header();
    }
    state_ = State::kWaiting;
    stream_.expires_after(std::chrono::seconds(first_request_ ? config().header_timeout_seconds
                                                              : config().idle_timeout_seconds));
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec,
                                                                               std::size_t n) {
      if (ec) return self->close();
      self->buffer_.commit(n);
      self->started_ = SteadyClock::now();
      if (!self->first_request_) {
        self->stream_.expires_after(std::chrono::seconds(self->config().header_timeout_seconds));
      }
      self->read_header();
    });
  }

  void read_header() {
    state_ = State::kReading;
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               if (ec) return self->on_read_error(ec);
                               self->on_header();
                             });
  }

  void on_header() {
    const auto& header = parser_->get();
    method_ = std::string(header.method_string());
    auto target = header.target();
    path_ = std::string(target.substr(0, target.find('?')));
    body_limit_ = streamed_upload_limit(method_, path_).value_or(config().body_limit);
    if (auto length = parser_->content_length(); length && *length > body_limit_) {
      return on_read_error(bhttp::error::body_limit);
    }
    parser_->body_limit(body_limit_);
    if (streamed_upload_limit(method_, path_) && upload_head_check()) return check_upload_head();
    continue_with_body();
  }

  // A streamed upload: the application judges its head first (upload.h); a refusal is sent
  // without reading the body, which is never stored, and the connection is closed.
  void check_upload_head() {
    const auto& header = parser_->get();
    Request request;
    if (!parse_target(header.target(), request)) {
      return send_error(400, "Requête mal formée", "L'adresse demandée est invalide.", false);
    }
    request.method = method_;
    for (const auto& field : header) {
      auto name = lowercase(field.name_string());
      auto [it, inserted] = request.headers.emplace(name, std::string(field.value()));
      if (!inserted) {
        it->second += name == "cookie" ? "; " : ", ";
        it->second += field.value();
      }
    }
    request.remote_ip = remote_ip_;
    state_ = State::kProcessing;
    stream_.expires_never();
    auto job = [self = shared_from_this(), request = std::move(request),
                guard = net::make_work_guard(server_.ioc)](int worker) mutable {
      std::optional<Response> refusal;
      try {
        refusal = upload_head_check()(request, worker);
      } catch (const std::exception& e) {
        spdlog::error("requête {} {} : vérification avant envoi : {}", request.method, request.path,
                      e.what());
      }
      auto executor = self->executor();
      net::post(executor, [self = std::move(self), refusal = std::move(refusal)]() mutable {
        if (!refusal) return self->continue_with_body();
        self->closing_ = true;
        self->keep_alive_ = false;
        self->head_ = false;
        self->send(std::move(*refusal));
      });
    };
    if (!server_.pool.try_submit(std::move(job))) {
      send_error(503, "Service surchargé",
                 "Le service est très sollicité. Réessayez dans un instant.", false);
    }
  }

  void continue_with_body() {
    if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue") &&
        !parser_->is_done()) {
      stream_.expires_after(std::chrono::seconds(config().body_timeout_seconds));
      return net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                              [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                if (ec) return self->close();
                                self->read_body();
                              });
    }
    if (parser_->is_done()) return dispatch();
    read_body();
  }

  void read_body() {
    stream_.expires_after(std::chrono::seconds(config().body_timeout_seconds));
    if (auto limit = streamed_upload_limit(method_, path_)) return read_body_to_file(*limit);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->on_read_error(ec);
                        self->dispatch();
                      });
  }

  // A streamed upload (upload.h): the body goes to a temporary file as it arrives.
  void read_body_to_file(std::size_t limit) {
    body_limit_ = limit;
    upload_path_ = make_temp_file("parcours-upload-");
    file_parser_.emplace(std::move(*parser_));
    file_parser_->body_limit(limit);
    beast::error_code ec;
    file_parser_->get().body().open(upload_path_.c_str(), beast::file_mode::write, ec);
    if (ec) {
      std::filesystem::remove(upload_path_, ec);
      return send_error(500, "Erreur interne", "Le fichier envoyé ne peut pas être enregistré.",
                        false);
    }
    bhttp::async_read(stream_, buffer_, *file_parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->file_parser_->get().body().close();
                        if (ec) {
                          std::error_code ignored;
                          std::filesystem::remove(self->upload_path_, ignored);
                          return self->on_read_error(ec);
                        }
                        self->dispatch();
                      });
  }

  void on_read_error(beast::error_code ec) {
    bool api = path_.starts_with("/api/");
    if (ec == bhttp::error::header_limit) {
      return send_error(431, "En-têtes trop volumineux",
                        "La ligne de requête et les en-têtes dépassent 16 Kio.", api);
    }
    if (ec == bhttp::error::body_limit) {
      return send_error(413, "Contenu trop volumineux",
                        fmt::format("Le contenu envoyé dépasse la taille maximale autorisée "
                                    "({} octets).",
                                    body_limit_),
                        api);
    }
    // A peer that left, or a deadline that passed (a slow client), is simply cut.
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      return send_error(400, "Requête mal formée", "Le serveur n'a pas compris la requête.", api);
    }
    close();
  }

  void dispatch() {
    if (file_parser_) return dispatch_message(file_parser_->get(), std::string(), upload_path_);
    auto& message = parser_->get();
    dispatch_message(message, std::move(message.body()), std::string());
  }

  template <typename Message>
  void dispatch_message(Message& message, std::string body, std::string upload_raw) {
    state_ = State::kProcessing;
    stream_.expires_never();
    Request request;
    if (!parse_target(message.target(), request)) {
      return send_error(400, "Requête mal formée", "L'adresse demandée est invalide.", false);
    }
    path_ = request.path;
    request.method = method_;
    for (const auto& field : message) {
      auto name = lowercase(field.name_string());
      auto [it, inserted] = request.headers.emplace(name, std::string(field.value()));
      if (!inserted) {
        it->second += name == "cookie" ? "; " : ", ";
        it->second += field.value();
      }
    }
    request.body = std::move(body);
    request.remote_ip = remote_ip_;
    keep_alive_ = message.keep_alive();
    head_ = message.method() == bhttp::verb::head;

    // The job holds a work guard: run() must not return while a worker is busy for us.
    auto job = [self = shared_from_this(), request = std::move(request),
                upload_raw = std::move(upload_raw), head = head_,
                guard = net::make_work_guard(server_.ioc)](int worker) mutable {
      Response response;
      try {
        if (!upload_raw.empty()) {
          auto split = split_multipart_upload(request, upload_raw);
          std::error_code ignored;
          std::filesystem::remove(upload_raw, ignored);
          if (!split) {
            response = error_response(400, "Requête mal formée", split.error().message,
                                      request.path.starts_with("/api/"));
          } else {
            response = self->server_.app(request, worker);
          }
          // The handler moved the uploaded file where it keeps it, or it goes now.
          if (!request.upload_file.empty()) std::filesystem::remove(request.upload_file, ignored);
        } else {
          response = self->server_.app(request, worker);
        }
      } catch (const std::exception& e) {
        spdlog::error("requête {} {} : exception non traitée : {}", request.method, request.path,
                      e.what());
        response = error_response(500, "Erreur interne",
                                  "Une erreur inattendue est survenue. Réessayez plus tard.",
                                  request.path.starts_with("/api/"));
      }
      auto executor = self->executor();
      if (response.defer) {
        auto defer = std::exchange(response.defer, nullptr);
        auto wire =
            std::make_shared<WireResponse>(to_wire(std::move(response), self->config(), head));
        bool api = request.path.starts_with("/api/");
        defer([self = std::move(self), wire = std::move(wire), executor, head, api,
               guard = std::move(guard)](bool ok) mutable {
          if (!ok) {
            *wire = to_wire(error_response(500, "Erreur interne",
                                           "Une erreur inattendue est survenue. Réessayez plus "
                                           "tard.",
                                           api),
                            self->config(), head);
          }
          net::post(executor, [self, wire]() mutable { self->send_wire(std::move(*wire)); });
        });
        return;
      }
      if (!response.body_file.empty()) {
        return net::post(executor,
                         [self = std::move(self), response = std::move(response)]() mutable {
                           self->send(std::move(response));
                         });
      }
      // Serialized here rather than on the network thread, which all connections share.
      auto wire = to_wire(std::move(response), self->config(), head);
      net::post(executor, [self = std::move(self), wire = std::move(wire)]() mutable {
        self->send_wire(std::move(wire));
      });
    };
    if (!server_.pool.try_submit(std::move(job))) {
      Response busy = error_response(503, "Service surchargé",
                                     "Le service est très sollicité. Réessayez dans un instant.",
                                     path_.starts_with("/api/"));
      busy.set_header("Retry-After", "1");
      send(std::move(busy));
    }
  }

  void send_error(unsigned status, std::string_view title, std::string_view message, bool api) {
    closing_ = true;
    keep_alive_ = false;
    head_ = false;
    send(error_response(status, title, message, api));
  }

  void send(Response response) {
    if (!response.body_file.empty()) {
      state_ = State::kWriting;
      add_security_headers(response, config());
      return send_file(std::move(response));
    }
    send_wire(to_wire(std::move(response), config(), head_));
  }

  // Header and body in one gathered write (wire.h).
  void send_wire(WireResponse wire) {
    state_ = State::kWriting;
    bool keep_alive = keep_alive_ && !closing_ && !server_.stopping;
    finish_head(wire, keep_alive);
    stream_.expires_after(std::chrono::seconds(config().body_timeout_seconds));
    auto message = std::make_shared<WireResponse>(std::move(wire));
    net::async_write(
        stream_, message->buffers(),
        [self = shared_from_this(), message, keep_alive](beast::error_code ec, std::size_t) {
          self->log(message->status, message->body.size());
          if (ec) return self->close();
          if (!keep_alive) return self->linger();
          self->first_request_ = false;
          self->wait_for_request();
        });
  }

  // A response whose body is a spooled file: streamed from disk, the file unlinked once open.
  void send_file(Response response) {
    auto message = std::make_shared<bhttp::response<bhttp::file_body>>();
    message->version(11);
    message->result(response.status);
    for (auto& [name, value] : response.headers) message->insert(name, value);
    beast::error_code ec;
    message->body().open(response.body_file.c_str(), beast::file_mode::scan, ec);
    std::remove(response.body_file.c_str());
    if (ec) {
      return send(error_response(500, "Erreur interne", "Le fichier à envoyer est introuvable.",
                                 path_.starts_with("/api/")));
    }
    message->prepare_payload();
    bool keep_alive = keep_alive_ && !closing_ && !server_.stopping && !head_;
    message->keep_alive(keep_alive);
    stream_.expires_after(std::chrono::seconds(config().body_timeout_seconds * 10));
    auto done = [self = shared_from_this(), message, keep_alive](beast::error_code ec,
                                                                 std::size_t bytes) {
      self->log(message->result_int(), bytes);
      if (ec) return self->close();
      if (!keep_alive) return self->linger();
      self->first_request_ = false;
      self->wait_for_request();
    };
    if (head_) {
      auto serializer = std::make_shared<bhttp::response_serializer<bhttp::file_body>>(*message);
      return bhttp::async_write_header(
          stream_, *serializer,
          [serializer, done](beast::error_code ec, std::size_t bytes) { done(ec, bytes); });
    }
    bhttp::async_write(stream_, *message, done);
  }

  void log(unsigned status, std::size_t bytes) {
    if (!config().access_log) return;
    double ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - started_).count();
    write_access_log({method_, path_, status, ms, bytes, remote_ip_});
  }

  // Half-closes, then reads and drops what the client still sends for a short while, so that
  // it sees our response rather than a connection reset.
  void linger() {
    state_ = State::kClosed;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    stream_.expires_after(kLingerTime);
    drain_input();
  }

  void drain_input() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(16 * 1024),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->close();
                              self->drain_input();
                            });
  }

  void close() {
    state_ = State::kClosed;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  ServerState& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::request_parser<bhttp::file_body>> file_parser_;  // streamed uploads
  std::string upload_path_;
  std::size_t body_limit_ = 0;
  State state_ = State::kWaiting;
  bool first_request_ = true;
  bool closing_ = false;
  bool keep_alive_ = false;
  bool head_ = false;
  std::string remote_ip_;
  std::string method_;
  std::string path_;  // for the access log: without the query string
  SteadyClock::time_point started_ = SteadyClock::now();
};

}  // namespace

void ServerState::bind() {
  if (acceptor.is_open()) return;
  auto [host, port] = parse_listen(config.listen);
  tcp::resolver resolver(ioc);
  auto endpoints = resolver.resolve(host, std::to_string(port), tcp::resolver::passive);
  if (endpoints.empty()) throw std::runtime_error("adresse d'écoute introuvable : " + host);
  tcp::endpoint endpoint = endpoints.begin()->endpoint();
  acceptor.open(endpoint.protocol());
  acceptor.set_option(net::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(net::socket_base::max_listen_connections);
  bound_port = acceptor.local_endpoint().port();
}

void ServerState::accept() {
  acceptor.async_accept(ioc, [this](beast::error_code ec, tcp::socket socket) {
    if (stopping || !acceptor.is_open()) return;
    if (!ec) {
      std::make_shared<Connection>(*this, std::move(socket))->start();
    } else if (ec != net::error::operation_aborted) {
      spdlog::warn("accept : {}", ec.message());
    }
    accept();
  });
}

void ServerState::begin_stop() {
  if (stopping) return;
  stopping = true;
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(connections_mutex);
    for (auto& [key, weak] : connections) {
      if (auto connection = weak.lock()) live.push_back(std::move(connection));
    }
  }
  for (auto& connection : live) {
    net::dispatch(connection->executor(), [connection] { connection->on_server_stop(); });
  }
  drain_timer.expires_after(kDrainLimit);
  drain_timer.async_wait([this](beast::error_code wait_ec) {
    if (wait_ec) return;  // cancelled: every connection finished in time
    spdlog::warn("arrêt : des requêtes n'ont pas fini en {} s, abandon", kDrainLimit.count());
    ioc.stop();
  });
  finish_drain_if_idle();
}

void ServerState::finish_drain_if_idle() {
  if (!stopping) return;
  std::lock_guard lock(connections_mutex);
  if (connections.empty()) drain_timer.cancel();
}

struct Server::Impl : ServerState {
  using ServerState::ServerState;
};

Server::Server(const Config& config, AppHandler app)
    : impl_(std::make_unique<Impl>(config, std::move(app))) {}

Server::~Server() { impl_->pool.shutdown(); }

void Server::bind() { impl_->bind(); }

void Server::run() {
  auto& s = *impl_;
  s.bind();
  s.signals.add(SIGINT);
  s.signals.add(SIGTERM);
  s.signals.async_wait([&s](beast::error_code ec, int) {
    if (!ec) s.begin_stop();
  });
  s.running = true;
  s.pool.start();
  s.accept();
  s.ioc.run();
  s.running = false;
  s.pool.shutdown();
}

void Server::stop() {
  net::post(impl_->ioc, [&s = *impl_] { s.begin_stop(); });
}

unsigned short Server::port() const { return impl_->bound_port; }

std::pair<std::string, unsigned short> parse_listen(const std::string& listen) {
  auto invalid = [&] {
    return std::invalid_argument("adresse d'écoute invalide : « " + listen +
                                 " » (attendu HOTE:PORT, par exemple 127.0.0.1:8080)");
  };
  std::string host;
  std::string port_text;
  if (listen.starts_with('[')) {  // [::1]:8080
    auto close = listen.find("]:");
    if (close == std::string::npos) throw invalid();
    host = listen.substr(1, close - 1);
    port_text = listen.substr(close + 2);
  } else {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || listen.find(':') != colon) throw invalid();
    host = listen.substr(0, colon);
    port_text = listen.substr(colon + 1);
  }
  if (host.empty() || port_text.empty() || port_text.size() > 5 ||
      port_text.find_first_not_of("0123456789") != std::string::npos) {
    throw invalid();
  }
  int port = std::stoi(port_text);
  if (port > 65535) throw invalid();
  return {host, static_cast<unsigned short>(port)};
}

}  // namespace parcours::http
