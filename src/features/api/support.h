// Helpers of the partner API's resource handlers: the caller and its scope in one step, the
// JSON body read member by member (each bad member named in French), cursor pages, and a
// person seen by the token with the policy facts of the pages (the token is "in the team" when
// its organisation has an active member in it).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/http/context.h"
#include "core/http/router.h"
#include "features/api/auth.h"
#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/policy.h"

namespace parcours::api {

// Authenticates, checks the scope, sets ctx.actor to the token's Actor (so that the features'
// helpers log reads with the token's account as actor) and runs `handler`.
http::Response with_caller(http::Context& ctx, std::string_view resource, Access access,
                           const std::function<http::Response(const Caller&)>& handler);

// A resource handler of the API: runs with the authenticated caller.
using Handler = http::Response (*)(http::Context&, const Caller&);

// Registers `handler` for `method` `path`, behind with_caller for `resource` and `access`.
void add_route(http::Router& router, const char* method, const char* path, const char* resource,
               Access access, Handler handler);

// A JSON object body; members are read by name, errors gathered.
class Body {
 public:
  // Parses the request body; an error problem (422 naming "body") when it is not an object.
  static std::variant<Body, http::Response> parse(const http::Request& request,
                                                  std::vector<std::string> allowed);
  bool has(const char* name) const { return object_.contains(name); }
  // A string member ("" when absent or null); a non-string value is an error naming it.
  std::string text(const char* name);
  bool flag(const char* name, bool fallback = false);
  std::optional<std::int64_t> integer(const char* name);
  // An array of strings (empty when absent); anything else is an error naming it.
  std::vector<std::string> strings(const char* name);
  const std::vector<FieldError>& errors() const { return errors_; }
  void add_error(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }

 private:
  boost::json::object object_;
  std::vector<FieldError> errors_;
};

// `size` (1..max, default) and `cursor` (an id after which to start, or an opaque string);
// problems name the parameter.
struct Paging {
  int size = 20;
  std::string cursor;
};
std::variant<Paging, http::Response> paging(const http::Request& request, int fallback = 20,
                                            int max = 100);
// The cursor as an id ("" → 0); empty when not a positive number.
std::optional<std::int64_t> id_cursor(const std::string& cursor);

// A page of items with its next cursor (null at the end).
http::Response page_response(boost::json::array items, std::optional<std::string> next_cursor);

// Paging by id: `size`, and `after`, the id the cursor names (0 without one); a problem names
// the parameter that is not valid.
struct IdPaging {
  int size = 20;
  std::int64_t after = 0;
};
std::variant<IdPaging, http::Response> id_paging(const http::Request& request);

// The page of `items` (by ascending id) after `paging.after`: at most `paging.size`, each written
// by `to_json`, with the last one's id as the next cursor when more follow.
template <typename Items, typename ToJson>
http::Response id_page(const Items& items, const IdPaging& paging, ToJson to_json) {
  boost::json::array page;
  std::optional<std::int64_t> last;
  std::optional<std::string> next;
  for (const auto& item : items) {
    if (item.id <= paging.after) continue;
    if (static_cast<int>(page.size()) == paging.size) {
      next = std::to_string(*last);
      break;
    }
    page.push_back(to_json(item));
    last = item.id;
  }
  return page_response(std::move(page), next);
}

// The id of path parameter `name`; empty when not a positive number.
std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name);

// A person seen by the token in its organisation's territory.
struct SeenPerson {
  people::Person person;
  people::PersonFacts facts;
};
// 404 when unknown, merged or absent from the territory; 403 when the policy refuses the
// identity.
std::variant<SeenPerson, http::Response> see_person(http::Context& ctx, const Caller& caller,
                                                    std::int64_t person_id);
// A journey of the token's territory with the pages' facts about its person.
struct SeenJourney {
  people::Journey journey;
  people::PersonFacts facts;
};
// 404 when `journey_id` is empty, unknown or of another territory; 403 when it is no longer the
// person's journey shown in the territory.
std::variant<SeenJourney, http::Response> see_journey(http::Context& ctx, const Caller& caller,
                                                      std::optional<std::int64_t> journey_id);
// The facts of the pages' policy for the token (see the file comment).
people::PersonFacts facts_for(http::Context& ctx, const Caller& caller, std::int64_t person_id);

// Writes the access log: `part` of the person's record read by the token.
void log_read(http::Context& ctx, const Caller& caller, std::int64_t person_id,
              const std::string& part);

boost::json::value iso_or_null(std::optional<std::int64_t> at);
boost::json::value text_or_null(const std::optional<std::string>& value);

}  // namespace parcours::api
