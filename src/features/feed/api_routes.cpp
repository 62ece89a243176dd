// The partner API of the change feed and webhooks:
//   GET    /api/v1/events?after=POSITION&limit=N        events:read
//   GET    /api/v1/webhooks                             webhooks:read   the token's own
//   POST   /api/v1/webhooks                             webhooks:write  {url, event_types,
//   description} GET    /api/v1/webhooks/{id}                        webhooks:read DELETE
//   /api/v1/webhooks/{id}                        webhooks:write GET
//   /api/v1/webhooks/{id}/deliveries?cursor=ID   webhooks:read   the delivery log
// Errors as problem+json (api/auth.h), validation naming the field.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>

#include "core/clock.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/api/auth.h"
#include "features/feed/feed.h"
#include "features/feed/policy.h"
#include "features/feed/routes.h"
#include "features/feed/webhooks.h"

namespace parcours::feed {
namespace {

namespace json = boost::json;

std::optional<std::int64_t> integer(std::string_view text, std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

// The caller, when authenticated and granted the scope of `action`; the problem otherwise.
std::expected<api::Caller, http::Response> caller_for(http::Context& ctx, ApiAction action) {
  auto caller = api::authenticate(ctx);
  if (!caller) return std::unexpected(std::move(caller.error()));
  auto need = scope_needed(action);
  if (auto refused = api::require_scope(*caller, need.resource,
                                        need.write ? api::Access::kWrite : api::Access::kRead)) {
    return std::unexpected(std::move(*refused));
  }
  return *caller;
}

json::object subscription_json(const Subscription& s) {
  json::array types;
  std::string_view rest = s.event_types;
  std::size_t start = 0;
  while (start < rest.size()) {
    auto end = rest.find(' ', start);
    if (end == std::string_view::npos) end = rest.size();
    if (end > start) types.emplace_back(rest.substr(start, end - start));
    start = end + 1;
  }
  return {{"id", s.id},
          {"url", s.url},
          {"event_types", std::move(types)},
          {"description", s.description},
          {"status", s.status},
          {"cursor", s.cursor},
          {"consecutive_failures", s.failures},
          {"next_attempt_at",
           s.next_attempt_at > 0 ? json::value(format_iso8601(s.next_attempt_at)) : nullptr},
          {"disabled_at", s.disabled_at ? json::value(format_iso8601(*s.disabled_at)) : nullptr},
          {"disabled_reason", s.disabled_at ? json::value(s.disabled_reason) : nullptr},
          {"created_at", format_iso8601(s.created_at)}};
}

// GET /api/v1/events
http::Response events(http::Context& ctx) {
  auto caller = caller_for(ctx, ApiAction::kReadEvents);
  if (!caller) return std::move(caller.error());
  std::vector<api::FieldError> errors;
  FeedQuery query;
  if (auto after = ctx.request.query_value("after"); !after.empty()) {
    auto parsed = integer(after, 0, std::numeric_limits<std::int64_t>::max());
    if (!parsed) {
      errors.push_back({"after",
                        "Paramètre « after » : la position d’un événement (un entier "
                        "positif ou nul, le « next_after » de la page précédente) est "
                        "attendue."});
    } else {
      query.after = *parsed;
    }
  }
  if (auto limit = ctx.request.query_value("limit"); !limit.empty()) {
    auto parsed = integer(limit, 1, kMaxLimit);
    if (!parsed) {
      errors.push_back({"limit", "Paramètre « limit » : un nombre entre 1 et 1000 est attendu."});
    } else {
      query.limit = static_cast<int>(*parsed);
    }
  }
  if (!errors.empty()) return api::validation_problem(errors);
  auto page = read_feed(ctx.db, caller->organisation_id, query);
  if (!page.events.empty()) {
    // The read, one access-log row per page naming the positions served: the events carry ids
    // and codes only, and which persons they concern follows from the positions (the persons'
    // records, read through /api/v1/persons, are logged there person by person).
    store::log_access(ctx.db, {.actor_id = caller->account_id,
                               .person_id = std::nullopt,
                               .part = "events",
                               .purpose = fmt::format("GET /api/v1/events positions {}-{}",
                                                      page.events.front().position,
                                                      page.events.back().position)});
  }
  auto response = http::Response::json(page_json(page));
  response.set_header("Cache-Control", "no-store");
  return response;
}

// GET /api/v1/webhooks
http::Response list(http::Context& ctx) {
  auto caller = caller_for(ctx, ApiAction::kListWebhooks);
  if (!caller) return std::move(caller.error());
  json::array items;
  for (const auto& s : subscriptions_of_token(ctx.db, caller->token_id)) {
    items.push_back(subscription_json(s));
  }
  return http::Response::json(
      json::serialize(json::object{{"items", std::move(items)}, {"next_cursor", nullptr}}));
}

// POST /api/v1/webhooks
http::Response create(http::Context& ctx) {
  auto caller = caller_for(ctx, ApiAction::kCreateWebhook);
  if (!caller) return std::move(caller.error());
  boost::system::error_code ec;
  json::value body = json::parse(ctx.request.body, ec);
  if (ec || !body.is_object()) {
    return api::validation_problem(
        {{"body",
          "Le corps de la requête doit être un objet JSON : {\"url\": \"https://…\", "
          "\"event_types\": [\"journey.opened\", \"note.\"]}."}});
  }
  const auto& object = body.as_object();
  NewSubscription input{.token_id = caller->token_id,
                        .organisation_id = caller->organisation_id,
                        .allow_loopback_http = !ctx.config.https()};
  if (auto* url = object.if_contains("url")) {
    if (!url->is_string()) {
      return api::validation_problem({{"url", "Champ « url » : une chaîne est attendue."}});
    }
    input.url = url->as_string();
  }
  if (auto* types = object.if_contains("event_types"); types && !types->is_null()) {
    if (!types->is_array()) {
      return api::validation_problem(
          {{"event_types", "Champ « event_types » : une liste de types est attendue."}});
    }
    for (const auto& t : types->as_array()) {
      if (!t.is_string()) {
        return api::validation_problem(
            {{"event_types", "Champ « event_types » : chaque type est une chaîne."}});
      }
      if (!input.event_types.empty()) input.event_types.push_back(' ');
      input.event_types += t.as_string();
    }
  }
  if (auto* description = object.if_contains("description");
      description && !description->is_null()) {
    if (!description->is_string()) {
      return api::validation_problem(
          {{"description", "Champ « description » : une chaîne est attendue."}});
    }
    input.description = description->as_string();
  }
  // The token's technical account is the actor of the journal entry.
  input.created_by = caller->account_id;
  auto created =
      store::with_transaction(ctx.db, [&] { return create_subscription(ctx.db, input); });
  if (!created) {
    auto field = created.error().field;
    return api::validation_problem(
        {{field, "Champ « " + field + " » : " + created.error().message}});
  }
  auto json_body = subscription_json(created->subscription);
  json_body["secret"] = created->secret;
  auto response = http::Response::json(json::serialize(json_body), 201);
  response.set_header("Location", fmt::format("/api/v1/webhooks/{}", created->subscription.id));
  response.set_header("Cache-Control", "no-store");
  return response;
}

// The caller's own subscription of the path, or the problem.
std::expected<Subscription, http::Response> own(http::Context& ctx, const api::Caller& caller) {
  auto it = ctx.request.params.find("id");
  auto id = it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
  auto s = id ? find_subscription(ctx.db, *id) : std::nullopt;
  if (!s || s->token_id != caller.token_id) {
    return std::unexpected(api::problem(404, "Ce webhook n’existe pas pour ce jeton."));
  }
  return *s;
}

// GET /api/v1/webhooks/{id}
http::Response show(http::Context& ctx) {
  auto caller = caller_for(ctx, ApiAction::kListWebhooks);
  if (!caller) return std::move(caller.error());
  auto s = own(ctx, *caller);
  if (!s) return std::move(s.error());
  return http::Response::json(json::serialize(subscription_json(*s)));
}

// DELETE /api/v1/webhooks/{id}
http::Response remove(http::Context& ctx) {
  auto caller = caller_for(ctx, ApiAction::kDeleteWebhook);
  if (!caller) return std::move(caller.error());
  auto s = own(ctx, *caller);
  if (!s) return std::move(s.error());
  store::with_transaction(ctx.db, [&] { delete_subscription(ctx.db, *s, caller->account_id); });
  http::Response response;
  response.status = 204;
  return response;
}

// GET /api/v1/webhooks/{id}/deliveries?cursor=ID&limit=N
http::Response deliveries(http::Context& ctx) {
  auto caller = caller_for(ctx, ApiAction::kListWebhooks);
  if (!caller) return std::move(caller.error());
  auto s = own(ctx, *caller);
  if (!s) return std::move(s.error());
  std::int64_t before = 0;
  int limit = 50;
  std::vector<api::FieldError> errors;
  if (auto cursor = ctx.request.query_value("cursor"); !cursor.empty()) {
    auto parsed = integer(cursor, 1, std::numeric_limits<std::int64_t>::max());
    if (!parsed) {
      errors.push_back({"cursor",
                        "Paramètre « cursor » : le « next_cursor » de la page "
                        "précédente est attendu."});
    } else {
      before = *parsed;
    }
  }
  if (auto l = ctx.request.query_value("limit"); !l.empty()) {
    auto parsed = integer(l, 1, 200);
    if (!parsed) {
      errors.push_back({"limit", "Paramètre « limit » : un nombre entre 1 et 200 est attendu."});
    } else {
      limit = static_cast<int>(*parsed);
    }
  }
  if (!errors.empty()) return api::validation_problem(errors);
  auto log = list_deliveries(ctx.db, s->id, limit, before);
  json::array items;
  for (const auto& d : log) {
    items.push_back(
        json::object{{"id", d.id},
                     {"position", d.position},
                     {"type", d.event_type},
                     {"attempt", d.attempt},
                     {"status_code", d.status_code ? json::value(*d.status_code) : nullptr},
                     {"error", d.error.empty() ? json::value(nullptr) : json::value(d.error)},
                     {"duration_ms", d.duration_ms},
                     {"succeeded", d.succeeded},
                     {"at", format_iso8601(d.at)}});
  }
  json::value next = nullptr;
  if (static_cast<int>(log.size()) == limit) next = std::to_string(log.back().id);
  return http::Response::json(
      json::serialize(json::object{{"items", std::move(items)}, {"next_cursor", next}}));
}

}  // namespace

void register_api(http::Router& router) {
  router.add("GET", "/api/v1/events", events);
  router.add("GET", "/api/v1/webhooks", list);
  router.add("POST", "/api/v1/webhooks", create);
  router.add("GET", "/api/v1/webhooks/{id}", show);
  router.add("DELETE", "/api/v1/webhooks/{id}", remove);
  router.add("GET", "/api/v1/webhooks/{id}/deliveries", deliveries);
}

}  // namespace parcours::feed
