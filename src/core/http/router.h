// Maps a method and a path to a handler. Patterns have literal segments and `{name}` segments
// that capture one path segment into `request.params`. A path that matches no pattern is 404;
// a path that matches with another method is 405 (the allowed methods are returned).
//
//   router.add("GET", "/orgs/{id}", show_organisation);
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/http/context.h"
#include "core/http/response.h"

namespace parcours::http {

using Handler = std::function<Response(Context&)>;

struct RouteMatch {
  const Handler* handler = nullptr;  // null when no route matched
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // non-empty when the path exists for other methods
};

class Router {
 public:
  void add(std::string method, std::string_view pattern, Handler handler);
  RouteMatch match(std::string_view method, std::string_view path) const;
  // Every route as {method, pattern}, in registration order (the OpenAPI test reads them).
  std::vector<std::pair<std::string, std::string>> list() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{id}" for a parameter
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace parcours::http
