#include "core/http/router.h"

#include <algorithm>

namespace parcours::http {

namespace {

// "/orgs/3/" → {"orgs", "3", ""}: a trailing slash is a distinct (empty) last segment, so that
// "/orgs/" and "/orgs" are not silently the same page.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(std::string method, std::string_view pattern, Handler handler) {
  std::vector<std::string> segments;
  for (auto segment : split_path(pattern)) segments.emplace_back(segment);
  routes_.push_back(Route{std::move(method), std::move(segments), std::move(handler)});
}

std::vector<std::pair<std::string, std::string>> Router::list() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& route : routes_) {
    std::string pattern;
    for (const auto& segment : route.segments) pattern += "/" + segment;
    out.emplace_back(route.method, pattern);
  }
  return out;
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  auto segments = split_path(path);
  RouteMatch result;
  const Route* best = nullptr;
  // Among the patterns that fit, the most literal one wins ("/orgs/new" over "/orgs/{id}"),
  // whatever the order in which features registered them.
  auto more_literal = [](const Route& a, const Route& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
      bool a_param = is_parameter(a.segments[i]);
      bool b_param = is_parameter(b.segments[i]);
      if (a_param != b_param) return !a_param;
    }
    return false;
  };
  // HEAD is served by the GET handler (the server sends no body) unless a HEAD route exists.
  auto method_fits = [&](const Route& route) {
    return route.method == method || (method == "HEAD" && route.method == "GET");
  };
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    bool fits = true;
    for (std::size_t i = 0; i < segments.size() && fits; ++i) {
      fits =
          is_parameter(route.segments[i]) ? !segments[i].empty() : route.segments[i] == segments[i];
    }
    if (!fits) continue;
    if (method_fits(route)) {
      // Ties between equally literal patterns go to the exact method (a HEAD route over GET).
      bool better =
          !best || more_literal(route, *best) ||
          (!more_literal(*best, route) && route.method == method && best->method != method);
      if (better) best = &route;
    }
    if (std::ranges::find(result.allowed_methods, route.method) == result.allowed_methods.end()) {
      result.allowed_methods.push_back(route.method);
    }
  }
  if (!best) {
    if (std::ranges::find(result.allowed_methods, "GET") != result.allowed_methods.end() &&
        std::ranges::find(result.allowed_methods, "HEAD") == result.allowed_methods.end()) {
      result.allowed_methods.push_back("HEAD");
    }
    return result;
  }
  result.allowed_methods.clear();
  result.handler = &best->handler;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (is_parameter(best->segments[i])) {
      const auto& name = best->segments[i];
      result.params.emplace(name.substr(1, name.size() - 2), std::string(segments[i]));
    }
  }
  return result;
}

}  // namespace parcours::http
