// The HTTP server in-process, with small application handlers, spoken to over real sockets:
// keep-alive, limits, deadlines, saturation and graceful stop. Waits are generous (seconds)
// because the tests share a loaded 2-core machine; none asserts a tight timing.
#include "core/http/server.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <future>
#include <latch>
#include <thread>

namespace parcours::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

// Runs a Server on a background thread for the duration of a test.
class RunningServer {
 public:
  RunningServer(Config config, AppHandler app) : config_(std::move(config)) {
    config_.listen = "127.0.0.1:0";
    config_.access_log = false;
    server_ = std::make_unique<Server>(config_, std::move(app));
    server_->bind();
    finished_ = std::async(std::launch::async, [this] { server_->run(); });
  }
  ~RunningServer() {
    server_->stop();
    finished_.wait();
  }
  unsigned short port() const { return server_->port(); }
  void stop() { server_->stop(); }
  // True when run() returned within `limit`.
  bool finishes_within(std::chrono::seconds limit) {
    return finished_.wait_for(limit) == std::future_status::ready;
  }

 private:
  Config config_;
  std::unique_ptr<Server> server_;
  std::future<void> finished_;
};

// A blocking client socket whose reads give up after 15 s, so a broken server fails the test
// instead of hanging it.
class Client {
 public:
  explicit Client(unsigned short port) : socket_(io_) {
    socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    timeval timeout{15, 0};
    ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  void send(std::string_view raw) { net::write(socket_, net::buffer(raw.data(), raw.size())); }
  bhttp::response<bhttp::string_body> read_response(bool head = false) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.skip(head);
    bhttp::read(socket_, buffer_, parser);
    return parser.release();
  }
  // True when the server closed the connection (a read ends without data).
  bool closed_by_server() {
    char byte;
    boost::system::error_code ec;
    socket_.read_some(net::buffer(&byte, 1), ec);
    return ec == net::error::eof || ec == net::error::connection_reset;
  }

 private:
  net::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

std::string get(std::string_view path, std::string_view extra_headers = "") {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers) +
         "\r\n";
}

Response echo_path(Request& request, int) { return Response::text("chemin " + request.path); }

TEST(Server, AnswersSeveralRequestsOnOneKeptAliveConnection) {
  RunningServer server({}, echo_path);
  Client client(server.port());
  client.send(get("/un"));
  auto first = client.read_response();
  client.send(get("/deux?x=1"));
  auto second = client.read_response();
  EXPECT_EQ(first.body(), "chemin /un");
  EXPECT_EQ(second.body(), "chemin /deux");
  EXPECT_TRUE(second.keep_alive());
}

TEST(Server, AddsSecurityHeadersToEveryResponse) {
  RunningServer server({}, echo_path);
  Client client(server.port());
  client.send(get("/"));
  auto response = client.read_response();
  EXPECT_NE(response["Content-Security-Policy"].find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(response["X-Frame-Options"], "DENY");
  EXPECT_TRUE(response["Strict-Transport-Security"].empty());
}

TEST(Server, HeadRequestGetsHeadersWithoutBody) {
  RunningServer server({}, echo_path);
  Client client(server.port());
  client.send("HEAD /page HTTP/1.1\r\nHost: test\r\n\r\n");
  auto response = client.read_response(/*head=*/true);
  EXPECT_EQ(response.result_int(), 200u);
  EXPECT_EQ(response[bhttp::field::content_length], "12");
  EXPECT_TRUE(response.body().empty());
  client.send(get("/apres"));
  EXPECT_EQ(client.read_response().body(), "chemin /apres");
}

TEST(Server, HandlerThatThrowsGivesAFrench500) {
  RunningServer server({}, [](Request&, int) -> Response { throw std::runtime_error("boum"); });
  Client client(server.port());
  client.send(get("/api/v1/x"));
  auto response = client.read_response();
  EXPECT_EQ(response.result_int(), 500u);
  EXPECT_EQ(response[bhttp::field::content_type], "application/problem+json");
  EXPECT_NE(response.body().find("Erreur interne"), std::string::npos);
}

TEST(Server, PassesHeadersCookiesBodyAndClientAddress) {
  RunningServer server({}, [](Request& request, int) {
    return Response::text(request.header("x-test") + "|" + request.cookie("b").value_or("-") + "|" +
                          request.form_value("champ") + "|" + request.remote_ip);
  });
  Client client(server.port());
  std::string body = "champ=%C3%A9t%C3%A9";
  client.send(
      "POST /f HTTP/1.1\r\nHost: t\r\nX-Test: oui\r\nCookie: a=1\r\nCookie: b=2\r\n"
      "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(client.read_response().body(), "oui|2|été|127.0.0.1");
}

TEST(Server, BodyOverTheLimitGets413AndTheConnectionCloses) {
  Config config;
  config.body_limit = 100;
  RunningServer server(config, echo_path);
  Client client(server.port());
  client.send("POST /envoi HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n" +
              std::string(1000, 'x'));
  auto response = client.read_response();
  EXPECT_EQ(response.result_int(), 413u);
  EXPECT_NE(response.body().find("taille maximale"), std::string::npos);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_server());
}

TEST(Server, ChunkedBodyOverTheLimitGets413) {
  Config config;
  config.body_limit = 100;
  RunningServer server(config, echo_path);
  Client client(server.port());
  std::string chunk(80, 'x');
  client.send("POST /envoi HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n50\r\n" +
              chunk + "\r\n50\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(client.read_response().result_int(), 413u);
}

TEST(Server, HeadersOverSixteenKibibytesGet431) {
  RunningServer server({}, echo_path);
  Client client(server.port());
  client.send(get("/", "X-Big: " + std::string(17 * 1024, 'a') + "\r\n"));
  auto response = client.read_response();
  EXPECT_EQ(response.result_int(), 431u);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(Server, MalformedRequestLineGets400AndTheConnectionCloses) {
  RunningServer server({}, echo_path);
  Client client(server.port());
  client.send("CECI N'EST PAS DU HTTP\r\n\r\n");
  auto response = client.read_response();
  EXPECT_EQ(response.result_int(), 400u);
  EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
  EXPECT_TRUE(client.closed_by_server());
}

TEST(Server, ClientThatNeverFinishesItsHeadersIsCutAfterTheDeadline) {
  Config config;
  config.header_timeout_seconds = 1;
  RunningServer server(config, echo_path);
  Client client(server.port());
  auto start = std::chrono::steady_clock::now();
  client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Lent: ");
  EXPECT_TRUE(client.closed_by_server());
  // Cut by the 1 s deadline, long before the client's own 15 s read timeout.
  EXPECT_LT(std::chrono::steady_clock::now() - start, 12s);
}

TEST(Server, SaturatedServerAnswers503AtOnce) {
  Config config;
  config.workers = 1;
  config.queue_limit = 1;
  std::latch entered(1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  RunningServer server(config, [&](Request& request, int) {
    if (request.path == "/bloque") {
      entered.count_down();
      released.wait();
    }
    return Response::text("fini");
  });
  Client busy(server.port());
  busy.send(get("/bloque"));
  entered.wait();  // the only worker is now held

  // Two more requests: one waits in the queue, the other finds it full.
  Client second(server.port());
  Client third(server.port());
  second.send(get("/a"));
  third.send(get("/b"));
  auto answered = std::async(std::launch::async, [&] { return third.read_response(); });
  auto queued = std::async(std::launch::async, [&] { return second.read_response(); });
  // Whichever of the two was refused is answered while the worker is still held.
  auto refused_first = [&] {
    for (int i = 0; i < 300; ++i) {
      if (answered.wait_for(50ms) == std::future_status::ready) return &answered;
      if (queued.wait_for(0ms) == std::future_status::ready) return &queued;
    }
    return static_cast<decltype(&answered)>(nullptr);
  }();
  ASSERT_NE(refused_first, nullptr) << "aucune réponse 503 pendant la saturation";
  auto refusal = refused_first->get();
  EXPECT_EQ(refusal.result_int(), 503u);
  EXPECT_EQ(refusal[bhttp::field::retry_after], "1");

  release.set_value();
  auto& other = refused_first == &answered ? queued : answered;
  EXPECT_EQ(other.get().body(), "fini");
  EXPECT_EQ(busy.read_response().body(), "fini");
}

TEST(Server, StopLetsAnInFlightRequestFinishWithConnectionClose) {
  std::latch entered(1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  RunningServer server({}, [&](Request&, int) {
    entered.count_down();
    released.wait();
    return Response::text("terminé");
  });
  Client idle(server.port());  // keeps a connection open with no request
  Client client(server.port());
  client.send(get("/long"));
  entered.wait();
  server.stop();
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_FALSE(server.finishes_within(0s));
  release.set_value();
  auto response = client.read_response();
  EXPECT_EQ(response.body(), "terminé");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(server.finishes_within(15s));
}

TEST(Server, StopWaitsForABodyStillArriving) {
  RunningServer server({}, [](Request& request, int) {
    return Response::text("reçu " + std::to_string(request.body.size()) + " octets");
  });
  Client client(server.port());
  client.send("POST /envoi HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n12345");
  std::this_thread::sleep_for(200ms);  // let the server start reading the body
  server.stop();
  std::this_thread::sleep_for(200ms);
  client.send("67890");
  auto response = client.read_response();
  EXPECT_EQ(response.body(), "reçu 10 octets");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(server.finishes_within(15s));
}

TEST(Server, StopWithNoConnectionReturnsPromptly) {
  RunningServer server({}, echo_path);
  server.stop();
  EXPECT_TRUE(server.finishes_within(10s));
}

TEST(ParseListen, SplitsHostAndPort) {
  EXPECT_EQ(parse_listen("127.0.0.1:8080"),
            std::make_pair(std::string("127.0.0.1"), static_cast<unsigned short>(8080)));
  EXPECT_EQ(parse_listen("[::1]:0").first, "::1");
  EXPECT_EQ(parse_listen("localhost:0").second, 0);
}

TEST(ParseListen, RejectsMalformedAddressesWithAFrenchMessage) {
  for (const char* bad : {"8080", "127.0.0.1:", ":8080", "h:99999", "h:80a", "::1:80"}) {
    try {
      parse_listen(bad);
      ADD_FAILURE() << bad << " aurait dû être refusé";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("adresse d'écoute invalide"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace parcours::http
