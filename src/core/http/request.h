// An HTTP request as handlers see it: decoded path, query and form fields, lowercase headers,
// cookies, the client address, and the path parameters filled in by the router.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parcours::http {

struct Request {
  std::string method;  // "GET", "POST"...
  std::string target;  // raw request target, e.g. "/orgs/3?page=2"
  std::string path;    // percent-decoded path, e.g. "/orgs/3"
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lowercase
  std::string body;
  // A streamed upload's file (see upload.h): its temporary path and client-side name.
  std::string upload_file;
  std::string upload_name;
  std::string remote_ip;
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {"id": "3"}

  std::string header(std::string_view name) const;  // "" when absent; name in any case
  std::optional<std::string> cookie(std::string_view name) const;
  std::string query_value(std::string_view name) const;  // first value, "" when absent
  // Form fields of an application/x-www-form-urlencoded body (parsed once, cached).
  const std::multimap<std::string, std::string>& form() const;
  std::string form_value(std::string_view name) const;
  std::vector<std::string> form_values(std::string_view name) const;
  bool wants_json() const;  // path under /api/ or Accept: application/json

 private:
  mutable std::optional<std::multimap<std::string, std::string>> form_;
};

// Decodes application/x-www-form-urlencoded text ('+' is a space).
std::multimap<std::string, std::string> parse_urlencoded(std::string_view text);
std::string url_encode(std::string_view text);

}  // namespace parcours::http
