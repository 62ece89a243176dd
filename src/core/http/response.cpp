#include "core/http/response.h"

#include <strings.h>

#include <boost/json.hpp>

namespace parcours::http {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

Response with_type(std::string body, unsigned status, const char* type) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers.emplace_back("Content-Type", type);
  return response;
}

}  // namespace

void Response::set_header(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const auto& header) { return same_name(header.first, name); });
  headers.emplace_back(std::string(name), std::move(value));
}

void Response::add_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

std::string Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (same_name(key, name)) return value;
  }
  return {};
}

Response Response::html(std::string body, unsigned status) {
  return with_type(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::json(std::string body, unsigned status) {
  return with_type(std::move(body), status, "application/json");
}

Response Response::text(std::string body, unsigned status) {
  return with_type(std::move(body), status, "text/plain; charset=utf-8");
}

Response Response::redirect(std::string location, unsigned status) {
  Response response;
  response.status = status;
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

Response Response::problem(unsigned status, std::string_view title, std::string_view detail) {
  boost::json::object body{
      {"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  return with_type(boost::json::serialize(body), status, "application/problem+json");
}

}  // namespace parcours::http
