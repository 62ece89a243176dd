#include "features/api/support.h"

#include <charconv>

#include "core/clock.h"
#include "core/store/journal.h"
#include "core/text.h"

namespace parcours::api {

namespace json = boost::json;

http::Response with_caller(http::Context& ctx, std::string_view resource, Access access,
                           const std::function<http::Response(const Caller&)>& handler) {
  auto caller = authenticate(ctx);
  if (!caller) return std::move(caller.error());
  if (auto refused = require_scope(*caller, resource, access)) return std::move(*refused);
  ctx.actor = caller->actor();
  return handler(*caller);
}

void add_route(http::Router& router, const char* method, const char* path, const char* resource,
               Access access, Handler handler) {
  router.add(method, path, [resource, access, handler](http::Context& ctx) {
    return with_caller(ctx, resource, access,
                       [&](const Caller& caller) { return handler(ctx, caller); });
  });
}

std::variant<Body, http::Response> Body::parse(const http::Request& request,
                                               std::vector<std::string> allowed) {
  Body body;
  boost::system::error_code ec;
  auto value = json::parse(request.body, ec);
  if (ec || !value.is_object()) {
    return validation_problem({{"body",
                                "Corps de la requête : un objet JSON est attendu (Content-Type: "
                                "application/json)."}});
  }
  body.object_ = std::move(value.as_object());
  for (const auto& [key, v] : body.object_) {
    if (std::find(allowed.begin(), allowed.end(), std::string(key)) == allowed.end()) {
      body.add_error(std::string(key), "Champ « " + std::string(key) + " » : champ inconnu.");
    }
  }
  return body;
}

std::string Body::text(const char* name) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return "";
  if (!it->value().is_string()) {
    add_error(name, "Champ « " + std::string(name) + " » : une chaîne de caractères est attendue.");
    return "";
  }
  return std::string(it->value().as_string());
}

bool Body::flag(const char* name, bool fallback) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return fallback;
  if (!it->value().is_bool()) {
    add_error(name, "Champ « " + std::string(name) + " » : true ou false est attendu.");
    return fallback;
  }
  return it->value().as_bool();
}

std::optional<std::int64_t> Body::integer(const char* name) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_int64() || it->value().as_int64() < 1) {
    add_error(name, "Champ « " + std::string(name) + " » : un identifiant numérique est attendu.");
    return std::nullopt;
  }
  return it->value().as_int64();
}

std::vector<std::string> Body::strings(const char* name) {
  std::vector<std::string> out;
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return out;
  bool ok = it->value().is_array();
  if (ok) {
    for (const auto& v : it->value().as_array()) {
      if (!v.is_string()) {
        ok = false;
        break;
      }
      out.emplace_back(v.as_string());
    }
  }
  if (!ok) {
    add_error(name, "Champ « " + std::string(name) + " » : une liste de chaînes est attendue.");
    out.clear();
  }
  return out;
}

std::variant<Paging, http::Response> paging(const http::Request& request, int fallback, int max) {
  Paging p{.size = fallback, .cursor = request.query_value("cursor")};
  if (auto s = request.query_value("size"); !s.empty()) {
    int value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value < 1 || value > max) {
      return validation_problem({{"size", "Paramètre « size » : un nombre entre 1 et " +
                                              std::to_string(max) + " est attendu."}});
    }
    p.size = value;
  }
  return p;
}

std::optional<std::int64_t> id_cursor(const std::string& cursor) {
  if (cursor.empty()) return 0;
  return text::parse_id(cursor);
}

std::variant<IdPaging, http::Response> id_paging(const http::Request& request) {
  auto p = paging(request);
  if (auto* refused = std::get_if<http::Response>(&p)) return std::move(*refused);
  auto after = id_cursor(std::get<Paging>(p).cursor);
  if (!after) return validation_problem({{"cursor", "Paramètre « cursor » : curseur invalide."}});
  return IdPaging{.size = std::get<Paging>(p).size, .after = *after};
}

http::Response page_response(json::array items, std::optional<std::string> next_cursor) {
  json::object body{
      {"items", std::move(items)},
      {"next_cursor", next_cursor ? json::value(*next_cursor) : json::value(nullptr)}};
  return http::Response::json(json::serialize(body));
}

std::optional<std::int64_t> path_id(const http::Context& ctx, const char* name) {
  auto it = ctx.request.params.find(name);
  if (it == ctx.request.params.end()) return std::nullopt;
  return text::parse_id(it->second);
}

people::PersonFacts facts_for(http::Context& ctx, const Caller& caller, std::int64_t person_id) {
  auto facts = people::load_person_facts(ctx.db, ctx.actor, person_id, caller.territory_id);
  if (facts.journey_id && facts.journey_active) {
    for (const auto& row : ctx.db.query(
             "SELECT role FROM journey_members WHERE journey_id = $1 AND organisation_id = $2 "
             "AND left_at IS NULL",
             {*facts.journey_id, caller.organisation_id})) {
      facts.in_team = true;
      if (row.text(0) == "referent") facts.referent = true;
    }
  }
  return facts;
}

std::variant<SeenPerson, http::Response> see_person(http::Context& ctx, const Caller& caller,
                                                    std::int64_t person_id) {
  auto person = people::find_person(ctx.db, person_id);
  if (!person || person->merged_into) return problem(404, "Personne introuvable.");
  auto facts = facts_for(ctx, caller, person_id);
  if (!facts.present) return problem(404, "Personne introuvable.");
  if (!people::may_view_identity(ctx.actor, facts)) {
    return problem(403, "Ce jeton ne permet pas de consulter cette personne.");
  }
  return SeenPerson{std::move(*person), std::move(facts)};
}

std::variant<SeenJourney, http::Response> see_journey(http::Context& ctx, const Caller& caller,
                                                      std::optional<std::int64_t> journey_id) {
  auto journey = journey_id ? people::find_journey(ctx.db, *journey_id) : std::nullopt;
  if (!journey || journey->territory_id != caller.territory_id) {
    return problem(404, "Parcours introuvable.");
  }
  auto facts = facts_for(ctx, caller, journey->person_id);
  if (facts.journey_id != journey->id) {
    return problem(403, "Ce parcours n’est plus celui de la personne dans le territoire.");
  }
  return SeenJourney{std::move(*journey), std::move(facts)};
}

void log_read(http::Context& ctx, const Caller& caller, std::int64_t person_id,
              const std::string& part) {
  store::log_access(ctx.db, {.actor_id = caller.account_id,
                             .person_id = person_id,
                             .part = part,
                             .purpose = "API " + ctx.request.method + " " + ctx.request.path});
}

json::value iso_or_null(std::optional<std::int64_t> at) {
  return at ? json::value(format_iso8601(*at)) : json::value(nullptr);
}
json::value text_or_null(const std::optional<std::string>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

}  // namespace parcours::api
