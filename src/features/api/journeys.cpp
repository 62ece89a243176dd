// /api/v1/journeys/{id}/team and /api/v1/journeys/{id}/appointments, /api/v1/appointments/{id}:
// the team of a journey (read, add a professional of the territory) and its appointments (list,
// book, change the status) through the people and appointments features' services and policies.
#include "features/api/journeys.h"

#include "core/clock.h"
#include "features/api/support.h"
#include "features/appointments/appointments.h"
#include "features/appointments/policy.h"
#include "features/people/journeys.h"
#include "features/people/team.h"

namespace parcours::api {
namespace {

namespace json = boost::json;

json::object member_json(const people::Member& m) {
  return {{"user_id", m.user_id},
          {"name", m.name},
          {"organisation_id", m.organisation_id},
          {"organisation_name", m.organisation_name},
          {"role", m.role},
          {"joined_at", format_iso8601(m.joined_at)}};
}

// GET /api/v1/journeys/{id}/team — team:read: the active members (the team's contacts, which
// the pages show with the identity).
http::Response team(http::Context& ctx, const Caller& caller) {
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!people::may_view_identity(ctx.actor, s.facts)) {
    return problem(403, "Ce jeton ne permet pas de consulter cette personne.");
  }
  json::array items;
  for (const auto& m : people::team_of(ctx.db, s.journey.id)) items.push_back(member_json(m));
  log_read(ctx, caller, s.journey.person_id, "team");
  return page_response(std::move(items), std::nullopt);
}

// POST /api/v1/journeys/{id}/team {user_id, organisation_id} — team:write: the team (a member
// of the token's organisation in it) adds a professional of the territory, as its pages do.
http::Response add_to_team(http::Context& ctx, const Caller& caller) {
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!people::may_manage_team(ctx.actor, s.facts)) {
    return problem(403, "Seule l’équipe d’un parcours en cours peut y ajouter un professionnel.");
  }
  auto parsed = Body::parse(ctx.request, {"user_id", "organisation_id"});
  if (auto* refused = std::get_if<http::Response>(&parsed)) return std::move(*refused);
  auto& body = std::get<Body>(parsed);
  auto user = body.integer("user_id");
  auto org = body.integer("organisation_id");
  if (!user && body.errors().empty()) body.add_error("user_id", "Champ « user_id » : obligatoire.");
  if (!org && body.errors().empty()) {
    body.add_error("organisation_id", "Champ « organisation_id » : obligatoire.");
  }
  if (!body.errors().empty()) return validation_problem(body.errors());
  auto added = people::add_member(ctx.db, {.journey_id = s.journey.id,
                                           .user_id = *user,
                                           .organisation_id = *org,
                                           .added_by = caller.account_id,
                                           .actor_organisation_id = caller.organisation_id,
                                           .via = "invitation"});
  if (!added) {
    auto e = added.error();
    if (e.code == ErrorCode::kInvalid) return validation_problem({{"user_id", e.message}});
    return problem(e);
  }
  auto member = people::active_member(ctx.db, s.journey.id, *user);
  return http::Response::json(json::serialize(member_json(*member)), 201);
}

json::object appointment_json(const appointments::Appointment& a) {
  return {{"id", a.id},
          {"journey_id", a.journey_id},
          {"person_id", a.person_id},
          {"professional_id", a.professional_id},
          {"professional_name", a.professional_name},
          {"organisation_id", a.organisation_id},
          {"starts_at", format_iso8601(a.starts_at)},
          {"duration_minutes", a.duration_minutes},
          {"place_kind", a.place_kind},
          {"place", a.place},
          {"purpose", a.purpose},
          {"status", a.status},
          {"status_message", a.status_message}};
}

// GET /api/v1/journeys/{id}/appointments — appointments:read: by start, `cursor` (an id).
http::Response list_appointments(http::Context& ctx, const Caller& caller) {
  auto p = id_paging(ctx.request);
  if (auto* refused = std::get_if<http::Response>(&p)) return std::move(*refused);
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!appointments::may_view_appointments(ctx.actor, s.facts)) {
    return problem(403, "Seule l’équipe du parcours peut consulter ses rendez-vous.");
  }
  auto all = appointments::of_journey(ctx.db, s.journey.id);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  log_read(ctx, caller, s.journey.person_id, "appointments");
  return id_page(all, std::get<IdPaging>(p), appointment_json);
}

std::string renamed(const std::string& field) {
  return field == "professional" ? "professional_id"
         : field == "duration"   ? "duration_minutes"
                                 : field;
}

// POST /api/v1/journeys/{id}/appointments — appointments:write: books with a team member.
http::Response book(http::Context& ctx, const Caller& caller) {
  auto seen = see_journey(ctx, caller, path_id(ctx, "id"));
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenJourney>(seen);
  if (!appointments::may_book(ctx.actor, s.facts)) {
    return problem(403, "Seule l’équipe d’un parcours en cours peut fixer un rendez-vous.");
  }
  auto parsed = Body::parse(ctx.request, {"professional_id", "date", "time", "duration_minutes",
                                          "place_kind", "place", "purpose"});
  if (auto* refused = std::get_if<http::Response>(&parsed)) return std::move(*refused);
  auto& body = std::get<Body>(parsed);
  auto professional = body.integer("professional_id");
  auto duration = body.integer("duration_minutes");
  appointments::AppointmentForm form{
      .professional = professional ? std::to_string(*professional) : "",
      .date = body.text("date"),
      .time = body.text("time"),
      .duration = duration ? std::to_string(*duration) : "",
      .place_kind = body.text("place_kind"),
      .place = body.text("place"),
      .purpose = body.text("purpose")};
  if (!body.errors().empty()) return validation_problem(body.errors());
  auto id = appointments::book(
      ctx.db, s.journey.id, form,
      {.user_id = caller.account_id, .organisation_id = caller.organisation_id}, now_seconds());
  if (!id) {
    auto e = id.error();
    if (e.code == ErrorCode::kInvalid) return validation_problem({{renamed(e.field), e.message}});
    return problem(e);
  }
  auto made = appointments::find_appointment(ctx.db, *id);
  auto response = http::Response::json(json::serialize(appointment_json(*made)), 201);
  response.set_header("Location", "/api/v1/appointments/" + std::to_string(*id));
  return response;
}

// PATCH /api/v1/appointments/{id} {status, message} — appointments:write: the pages' rule (the
// professional of the appointment, or the référent: here, when the token's organisation holds
// the référent).
http::Response set_status(http::Context& ctx, const Caller& caller) {
  auto id = path_id(ctx, "id");
  auto a = id ? appointments::find_appointment(ctx.db, *id) : std::nullopt;
  if (!a || a->territory_id != caller.territory_id) return problem(404, "Rendez-vous introuvable.");
  auto facts = facts_for(ctx, caller, a->person_id);
  if (facts.journey_id != a->journey_id ||
      !appointments::may_set_status(ctx.actor, facts, a->professional_id)) {
    return problem(403,
                   "Seul le professionnel du rendez-vous ou le référent du parcours peut en "
                   "changer le statut.");
  }
  auto parsed = Body::parse(ctx.request, {"status", "message"});
  if (auto* refused = std::get_if<http::Response>(&parsed)) return std::move(*refused);
  auto& body = std::get<Body>(parsed);
  std::string status = body.text("status");
  std::string message = body.text("message");
  if (!body.errors().empty()) return validation_problem(body.errors());
  auto done = appointments::change_status(
      ctx.db, a->id, status, message,
      {.user_id = caller.account_id, .organisation_id = caller.organisation_id}, now_seconds());
  if (!done) {
    auto e = done.error();
    if (e.code == ErrorCode::kInvalid) {
      return validation_problem({{e.field.empty() ? "status" : e.field, e.message}});
    }
    return problem(e);
  }
  return http::Response::json(
      json::serialize(appointment_json(*appointments::find_appointment(ctx.db, a->id))));
}

}  // namespace

void register_journey_routes(http::Router& router) {
  add_route(router, "GET", "/api/v1/journeys/{id}/team", "team", Access::kRead, team);
  add_route(router, "POST", "/api/v1/journeys/{id}/team", "team", Access::kWrite, add_to_team);
  add_route(router, "GET", "/api/v1/journeys/{id}/appointments", "appointments", Access::kRead,
            list_appointments);
  add_route(router, "POST", "/api/v1/journeys/{id}/appointments", "appointments", Access::kWrite,
            book);
  add_route(router, "PATCH", "/api/v1/appointments/{id}", "appointments", Access::kWrite,
            set_status);
}

}  // namespace parcours::api
