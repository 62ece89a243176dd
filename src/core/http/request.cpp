#include "core/http/request.h"

#include <algorithm>
#include <cctype>

#include "core/http/url.h"

namespace parcours::http {

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      c = static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

bool parse_target(std::string_view target, Request& request) {
  if (target.empty() || target.front() != '/') return false;
  request.target = std::string(target);
  auto question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  auto path = percent_decode(raw_path, false);
  if (!path) return false;
  request.path = std::move(*path);
  request.query.clear();
  if (question != std::string_view::npos)
    request.query = parse_urlencoded(target.substr(question + 1));
  return true;
}

std::multimap<std::string, std::string> parse_urlencoded(std::string_view text) {
  std::multimap<std::string, std::string> fields;
  while (!text.empty()) {
    auto amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::optional<std::string>{""}
                                              : percent_decode(pair.substr(eq + 1), true);
    // A field that does not decode is dropped rather than guessed at.
    if (name && value && !name->empty()) fields.emplace(std::move(*name), std::move(*value));
  }
  return fields;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string Request::header(std::string_view name) const {
  auto it = headers.find(lowercase(name));
  return it == headers.end() ? std::string{} : it->second;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto it = headers.find("cookie");
  if (it == headers.end()) return std::nullopt;
  std::string_view rest = it->second;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    std::string_view pair = trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim(pair.substr(0, eq)) != name) continue;
    std::string_view value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

std::string Request::query_value(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? std::string{} : it->second;
}

const std::multimap<std::string, std::string>& Request::form() const {
  if (!form_) {
    std::string type = lowercase(header("content-type"));
    form_ = type.starts_with("application/x-www-form-urlencoded")
                ? parse_urlencoded(body)
                : std::multimap<std::string, std::string>{};
  }
  return *form_;
}

std::string Request::form_value(std::string_view name) const {
  const auto& fields = form();
  auto it = fields.find(std::string(name));
  return it == fields.end() ? std::string{} : it->second;
}

std::vector<std::string> Request::form_values(std::string_view name) const {
  std::vector<std::string> values;
  auto [first, last] = form().equal_range(std::string(name));
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

bool Request::wants_json() const {
  if (path.starts_with("/api/")) return true;
  return lowercase(header("accept")).find("application/json") != std::string::npos;
}

}  // namespace parcours::http
