// The diagnostic (read, write), the orientation (read, decide) and the plan actions (read) of a
// journey in the partner API, through the diagnostic, orientation and referrals features'
// services and policies.
#include "features/api/journey_parts.h"

#include "core/clock.h"
#include "features/api/support.h"
#include "features/diagnostic/diagnostics.h"
#include "features/diagnostic/forms.h"
#include "features/diagnostic/policy.h"
#include "features/orientation/orientation.h"
#include "features/orientation/policy.h"
#include "features/people/journeys.h"
#include "features/referrals/plan_actions.h"
#include "features/rome/appellations.h"

namespace parcours::api {
namespace {

namespace json = boost::json;

json::value version_json(const std::optional<diagnostic::DiagnosticVersion>& v) {
  if (!v) return nullptr;
  return json::object{{"version", v->version},
                      {"answers", v->answers},
                      {"sources", v->sources},
                      {"author_name", v->user_name},
                      {"saved_at", format_iso8601(v->created_at)}};
}

// GET /api/v1/journeys/{id}/diagnostic — diagnostic:read: the current professional diagnostic
// and the person's own words, each its latest version.
http::Response read_diagnostic(http::Context& ctx, const Caller& caller) {
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!diagnostic::may_read_diagnostic(ctx.actor, s.facts)) {
    return problem(403, "Seule l’équipe du parcours peut lire son diagnostic.");
  }
  json::object out{{"journey_id", s.journey.id},
                   {"professional", version_json(diagnostic::current_diagnostic(
                                        ctx.db, s.journey.id, diagnostic::kByProfessional))},
                   {"person", version_json(diagnostic::current_diagnostic(ctx.db, s.journey.id,
                                                                          diagnostic::kByPerson))}};
  log_read(ctx, caller, s.journey.person_id, "diagnostic");
  return http::Response::json(json::serialize(out));
}

// POST /api/v1/journeys/{id}/diagnostic {"fields": {name: value | [values]}} — diagnostic:write:
// a new version of the professional diagnostic, the fields named as in the page's form (the
// socle commun and the territory's questions), checked by the same validation.
http::Response write_diagnostic(http::Context& ctx, const Caller& caller) {
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!diagnostic::may_write_diagnostic(ctx.actor, s.facts)) {
    return problem(403, "Seule l’équipe d’un parcours en cours peut écrire son diagnostic.");
  }
  boost::system::error_code ec;
  auto body = json::parse(ctx.request.body, ec);
  if (ec || !body.is_object() || !body.as_object().contains("fields") ||
      !body.as_object().at("fields").is_object() || body.as_object().size() != 1) {
    return validation_problem({{"fields",
                                "Champ « fields » : un objet des réponses est attendu (nom du "
                                "champ du formulaire → valeur, ou liste de valeurs)."}});
  }
  diagnostic::Fields fields;
  for (const auto& [name, value] : body.as_object().at("fields").as_object()) {
    auto add = [&](const json::value& v) {
      if (v.is_string()) {
        fields.emplace(std::string(name), std::string(v.as_string()));
        return true;
      }
      if (v.is_int64()) {
        fields.emplace(std::string(name), std::to_string(v.as_int64()));
        return true;
      }
      return false;
    };
    bool ok = value.is_array() ? std::all_of(value.as_array().begin(), value.as_array().end(), add)
                               : add(value);
    if (!ok) {
      return validation_problem({{std::string(name), "Champ « " + std::string(name) +
                                                         " » : une chaîne, un nombre ou une liste "
                                                         "est attendu."}});
    }
  }
  auto socle = diagnostic::current_socle_commun(ctx.db);
  if (!socle) return problem(503, "Le socle commun du diagnostic n’est pas chargé.");
  auto extra = diagnostic::current_territory_extra(ctx.db, s.journey.territory_id);
  diagnostic::FormDefinition combined = socle->definition;
  if (extra) {
    for (const auto& section : extra->definition.sections) combined.sections.push_back(section);
  }
  auto answers = diagnostic::validate_answers(combined, fields, [&](std::string_view q) {
    std::vector<diagnostic::RomeJob> out;
    if (auto hits = rome::search_appellations(ctx.db, q, rome::kMaxResults)) {
      for (const auto& h : *hits) out.push_back({h.code_rome, h.label});
    }
    return out;
  });
  if (!answers) {
    return validation_problem({{answers.error().field, answers.error().message}});
  }
  auto saved = diagnostic::save_diagnostic(
      ctx.db, {.journey_id = s.journey.id,
               .author = diagnostic::kByProfessional,
               .form_id = socle->id,
               .extra_form_id = extra ? std::optional(extra->id) : std::nullopt,
               .answers = std::move(*answers),
               .user_id = caller.account_id,
               .organisation_id = caller.organisation_id});
  if (!saved) return problem(saved.error());
  return http::Response::json(json::serialize(version_json(*saved)), 201);
}

json::value orientation_json(const std::optional<orientation::Orientation>& o) {
  if (!o) return nullptr;
  return json::object{{"route", o->route},
                      {"organisation_id", o->organisation_id},
                      {"organisation_name", o->organisation_name},
                      {"referent_id", o->referent_id ? json::value(*o->referent_id) : nullptr},
                      {"referent_name", o->referent_name},
                      {"reason", o->reason},
                      {"decided_at", format_iso8601(o->decided_at)}};
}

// GET /api/v1/journeys/{id}/orientation — orientation:read: the team, or the chargés
// d'orientation of the territory (orientation:write tokens).
http::Response read_orientation(http::Context& ctx, const Caller& caller) {
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!people::may_view_journey(ctx.actor, s.facts) &&
      !orientation::may_view_decision_page(ctx.actor, s.journey.territory_id)) {
    return problem(403, "Ce jeton ne permet pas de lire l’orientation de ce parcours.");
  }
  log_read(ctx, caller, s.journey.person_id, "orientation");
  json::object out{
      {"journey_id", s.journey.id},
      {"status", s.journey.status},
      {"orientation", orientation_json(orientation::current_orientation(ctx.db, s.journey.id))}};
  return http::Response::json(json::serialize(out));
}

// POST /api/v1/journeys/{id}/orientation {route, organisation_id, referent_id, reason} —
// orientation:write: a chargé(e) d'orientation's decision, as on the decision page.
http::Response decide(http::Context& ctx, const Caller& caller) {
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!orientation::may_decide(ctx.actor, s.journey.territory_id)) {
    return problem(403, "Seuls les chargés d’orientation du territoire décident des orientations.");
  }
  auto parsed = Body::parse(ctx.request, {"route", "organisation_id", "referent_id", "reason"});
  if (auto* refused = std::get_if<http::Response>(&parsed)) return std::move(*refused);
  auto& body = std::get<Body>(parsed);
  std::string route = body.text("route");
  auto organisation = body.integer("organisation_id");
  auto referent = body.integer("referent_id");
  std::string reason = body.text("reason");
  if (!body.errors().empty()) return validation_problem(body.errors());
  auto done = orientation::decide(
      ctx.db, {.journey_id = s.journey.id,
               .route = route,
               .organisation_id = organisation ? std::to_string(*organisation) : "",
               .referent = referent ? std::to_string(*referent) : "",
               .reason = reason,
               .actor_id = caller.account_id,
               .actor_organisation_id = caller.organisation_id,
               .public_url = ctx.config.public_url});
  if (!done) {
    auto e = done.error();
    if (e.code == ErrorCode::kInvalid) {
      std::string field = e.field == "referent" ? "referent_id" : e.field;
      return validation_problem({{field.empty() ? "route" : field, e.message}});
    }
    return problem(e);
  }
  json::object out{
      {"journey_id", s.journey.id},
      {"status", people::find_journey(ctx.db, s.journey.id)->status},
      {"orientation", orientation_json(orientation::current_orientation(ctx.db, s.journey.id))}};
  return http::Response::json(json::serialize(out), 201);
}

// GET /api/v1/journeys/{id}/plan — plan:read: the plan's actions (the team).
http::Response read_plan(http::Context& ctx, const Caller& caller) {
  auto p = id_paging(ctx.request);
  if (auto* refused = std::get_if<http::Response>(&p)) return std::move(*refused);
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!people::may_view_journey(ctx.actor, s.facts)) {
    return problem(403, "Seule l’équipe du parcours peut lire son plan d’action.");
  }
  auto actions = referrals::actions_of(ctx.db, s.journey.id);
  std::sort(actions.begin(), actions.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  log_read(ctx, caller, s.journey.person_id, "plan");
  return id_page(actions, std::get<IdPaging>(p), [](const auto& a) {
    return json::object{{"id", a.id},
                        {"title", a.title},
                        {"status", a.status},
                        {"service_id", a.service_id ? json::value(*a.service_id) : nullptr},
                        {"responsible_user_id",
                         a.responsible_user_id ? json::value(*a.responsible_user_id) : nullptr},
                        {"responsible_name", a.responsible_name},
                        {"created_at", format_iso8601(a.created_at)},
                        {"updated_at", format_iso8601(a.updated_at)}};
  });
}

}  // namespace

void register_journey_part_routes(http::Router& router) {
  add_route(router, "GET", "/api/v1/journeys/{id}/diagnostic", "diagnostic", Access::kRead,
            read_diagnostic);
  add_route(router, "POST", "/api/v1/journeys/{id}/diagnostic", "diagnostic", Access::kWrite,
            write_diagnostic);
  add_route(router, "GET", "/api/v1/journeys/{id}/orientation", "orientation", Access::kRead,
            read_orientation);
  add_route(router, "POST", "/api/v1/journeys/{id}/orientation", "orientation", Access::kWrite,
            decide);
  add_route(router, "GET", "/api/v1/journeys/{id}/plan", "plan", Access::kRead, read_plan);
}

}  // namespace parcours::api
