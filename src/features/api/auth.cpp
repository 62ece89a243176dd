#include "features/api/auth.h"

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include "core/clock.h"

namespace parcours::api {
namespace {

namespace json = boost::json;

struct Bucket {
  double tokens = 0;
  std::int64_t at_ms = 0;
};

struct Limiter {
  std::mutex mutex;
  double rate = 20;
  double burst = 100;
  std::unordered_map<std::int64_t, Bucket> buckets;
};

Limiter& limiter() {
  static Limiter instance;
  return instance;
}

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

http::Response with_problem_type(std::string body, unsigned status) {
  auto response = http::Response::json(std::move(body), status);
  response.set_header("Content-Type", "application/problem+json");
  return response;
}

const char* title_of(unsigned status) {
  switch (status) {
    case 400:
      return "Requête incorrecte";
    case 401:
      return error_title(ErrorCode::kUnauthenticated);
    case 403:
      return error_title(ErrorCode::kForbidden);
    case 404:
      return error_title(ErrorCode::kNotFound);
    case 409:
      return error_title(ErrorCode::kConflict);
    case 413:
      return error_title(ErrorCode::kPayloadTooLarge);
    case 422:
      return error_title(ErrorCode::kInvalid);
    case 429:
      return error_title(ErrorCode::kTooManyRequests);
    case 503:
      return error_title(ErrorCode::kUnavailable);
    default:
      return "Erreur";
  }
}

http::Response unauthenticated(std::string_view detail) {
  auto response = problem(401, detail);
  response.set_header("WWW-Authenticate", "Bearer realm=\"parcours\"");
  return response;
}

}  // namespace

security::Actor Caller::actor() const {
  security::Actor a;
  a.user_id = account_id;
  a.name = name;
  a.grants.push_back(security::Grant{.role = security::Role::kProfessional,
                                     .organisation_id = organisation_id,
                                     .organisation_territory_id = territory_id,
                                     .orientation = can("orientation", Access::kWrite),
                                     .referent = false});
  a.acting_organisation_id = organisation_id;
  return a;
}

void configure_rate_limit(double rate, double burst) {
  auto& l = limiter();
  std::lock_guard lock(l.mutex);
  l.rate = rate > 0 ? rate : 20;
  l.burst = burst >= 1 ? burst : 1;
  l.buckets.clear();
}

std::optional<int> take_request(std::int64_t token_id, std::int64_t now_ms) {
  auto& l = limiter();
  std::lock_guard lock(l.mutex);
  auto [it, fresh] = l.buckets.try_emplace(token_id, Bucket{l.burst, now_ms});
  Bucket& b = it->second;
  if (!fresh && now_ms > b.at_ms) {
    b.tokens = std::min(l.burst, b.tokens + static_cast<double>(now_ms - b.at_ms) * l.rate / 1000);
    b.at_ms = now_ms;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / l.rate)));
}

std::expected<Caller, http::Response> authenticate(http::Context& ctx) {
  std::string header = ctx.request.header("authorization");
  if (header.empty()) {
    return std::unexpected(unauthenticated(
        "Authentification requise : envoyez un jeton d’API dans l’en-tête « Authorization: "
        "Bearer … »."));
  }
  if (!header.starts_with("Bearer ") || header.size() <= 7) {
    return std::unexpected(unauthenticated(
        "En-tête « Authorization » : le schéma attendu est « Bearer » suivi du jeton."));
  }
  auto token = find_token_by_secret(ctx.db, std::string_view(header).substr(7));
  std::int64_t now = now_seconds();
  if (!token) return std::unexpected(unauthenticated("Jeton d’API inconnu."));
  if (token->revoked_at) return std::unexpected(unauthenticated("Ce jeton d’API a été révoqué."));
  if (token->expired(now)) return std::unexpected(unauthenticated("Ce jeton d’API a expiré."));
  if (auto wait = take_request(token->id, steady_ms())) {
    auto response = problem(
        429, "Trop de requêtes pour ce jeton : réessayez dans " + std::to_string(*wait) + " s.");
    response.set_header("Retry-After", std::to_string(*wait));
    return std::unexpected(std::move(response));
  }
  touch_token(ctx.db, *token, now);
  return Caller{.token_id = token->id,
                .organisation_id = token->organisation_id,
                .territory_id = token->territory_id,
                .account_id = token->account_id,
                .name = token->name,
                .scopes = token->scopes};
}

std::optional<http::Response> require_scope(const Caller& caller, std::string_view resource,
                                            Access access) {
  if (caller.can(resource, access)) return std::nullopt;
  return problem(403, "Ce jeton n’a pas la portée « " + std::string(resource) +
                          (access == Access::kRead ? ":read" : ":write") + " ».");
}

http::Response problem(unsigned status, std::string_view detail) {
  json::object body{
      {"type", "about:blank"}, {"title", title_of(status)}, {"status", status}, {"detail", detail}};
  return with_problem_type(json::serialize(body), status);
}

http::Response validation_problem(const std::vector<FieldError>& errors) {
  json::array list;
  for (const auto& e : errors)
    list.push_back(json::object{{"field", e.field}, {"message", e.message}});
  json::object body{{"type", "about:blank"},
                    {"title", title_of(422)},
                    {"status", 422},
                    {"detail", errors.empty() ? "Données invalides." : errors.front().message},
                    {"errors", std::move(list)}};
  return with_problem_type(json::serialize(body), 422);
}

http::Response problem(const Error& error) {
  if (error.code == ErrorCode::kInvalid) {
    return validation_problem({{error.field.empty() ? "body" : error.field, error.message}});
  }
  return problem(http_status(error.code), error.message);
}

}  // namespace parcours::api
