#include "core/http/wire.h"

#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <sstream>

#include "core/http/security_headers.h"

namespace parcours::http {
namespace {

namespace bhttp = boost::beast::http;

// The bytes Beast's serializer wrote for the same response, as the server built its message
// before wire.h: security headers, the handler's headers in order, prepare_payload, keep_alive.
std::string beast_bytes(Response response, const Config& config, bool head, bool keep_alive) {
  add_security_headers(response, config);
  bhttp::response<bhttp::string_body> message;
  message.version(11);
  message.result(response.status);
  for (auto& [name, value] : response.headers) message.insert(name, value);
  bool no_body = response.status == 204 || response.status == 304 ||
                 (response.status >= 100 && response.status < 200);
  if (!no_body) message.body() = std::move(response.body);
  message.prepare_payload();
  if (head) message.body().clear();
  message.keep_alive(keep_alive);
  std::ostringstream out;
  out << message;
  return out.str();
}

std::string wire_bytes(Response response, const Config& config, bool head, bool keep_alive) {
  WireResponse wire = to_wire(std::move(response), config, head);
  finish_head(wire, keep_alive);
  return wire.head + wire.body;
}

void expect_same_bytes(const Response& response, const Config& config) {
  for (bool head : {false, true}) {
    for (bool keep_alive : {true, false}) {
      EXPECT_EQ(wire_bytes(response, config, head, keep_alive),
                beast_bytes(response, config, head, keep_alive))
          << "status " << response.status << (head ? ", HEAD" : "")
          << (keep_alive ? "" : ", closing");
    }
  }
}

TEST(WireTest, WritesAPageAsBeastDid) {
  Config config;
  auto page = Response::html("<!doctype html>\n<p>Membres de la structure</p>\n");
  page.set_header("Cache-Control", "no-store");
  page.add_header("Set-Cookie", "parcours_flash=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  page.add_header("Set-Cookie", "parcours_csrf=abc; Path=/; HttpOnly; SameSite=Lax");
  expect_same_bytes(page, config);
  EXPECT_NE(wire_bytes(page, config, false, true).find("Content-Length: 47\r\n"),
            std::string::npos);
}

TEST(WireTest, WritesRedirectsErrorsAndEmptyStatusesAsBeastDid) {
  Config config;
  config.public_url = "https://parcours.example.fr";  // adds HSTS
  expect_same_bytes(Response::redirect("/connexion"), config);
  auto busy = Response::problem(503, "Service surchargé", "Réessayez dans un instant.");
  busy.set_header("Retry-After", "1");
  expect_same_bytes(busy, config);
  Response not_modified;
  not_modified.status = 304;
  not_modified.body = "ignored";
  not_modified.set_header("ETag", "\"abc\"");
  expect_same_bytes(not_modified, config);
  Response no_content;
  no_content.status = 204;
  expect_same_bytes(no_content, config);
  expect_same_bytes(Response::text("Trop de tentatives.\n", 429), config);
  expect_same_bytes(Response::json("{}", 418), config);  // a reason phrase Beast knows
}

TEST(WireTest, SecurityHeadersReplaceAHandlersValue) {
  Config config;
  auto page = Response::html("<p>x</p>");
  page.set_header("X-Frame-Options", "SAMEORIGIN");
  expect_same_bytes(page, config);
  std::string bytes = wire_bytes(page, config, false, true);
  EXPECT_EQ(bytes.find("SAMEORIGIN"), std::string::npos);
  EXPECT_NE(bytes.find("Content-Security-Policy: " + std::string(kContentSecurityPolicy)),
            std::string::npos);
}

TEST(WireTest, HeadTellsTheSizeOfTheBodyItDoesNotSend) {
  Config config;
  WireResponse wire = to_wire(Response::html(std::string(1000, 'a')), config, true);
  finish_head(wire, true);
  EXPECT_TRUE(wire.body.empty());
  EXPECT_NE(wire.head.find("Content-Length: 1000\r\n"), std::string::npos);
  EXPECT_TRUE(wire.head.ends_with("\r\n\r\n"));
}

}  // namespace
}  // namespace parcours::http
