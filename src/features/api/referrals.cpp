// /api/v1/journeys/{id}/referrals (list, send), /api/v1/referrals (received by the token's
// organisation) and /api/v1/referrals/{id}/answer (accept, refuse): through the referrals
// feature's services and policy.
#include "features/api/referrals.h"

#include "core/clock.h"
#include "core/store/journal.h"
#include "features/api/support.h"
#include "features/people/journeys.h"
#include "features/referrals/policy.h"
#include "features/referrals/referrals.h"

namespace parcours::api {
namespace {

namespace json = boost::json;

json::object referral_json(const referrals::Referral& r) {
  json::array shared;
  for (const auto& s : r.shared) shared.emplace_back(s);
  return {{"id", r.id},
          {"journey_id", r.journey_id},
          {"person_id", r.person_id},
          {"service_id", r.service_id},
          {"service_name", r.service_name},
          {"structure_name", r.structure_name},
          {"sender_organisation_id", r.sender_organisation_id},
          {"receiving_organisation_id", r.receiving_organisation_id
                                            ? json::value(*r.receiving_organisation_id)
                                            : json::value(nullptr)},
          {"message", r.message},
          {"shared", std::move(shared)},
          {"status", r.status},
          {"refusal_reason", r.refusal_reason},
          {"sent_at", format_iso8601(r.sent_at)},
          {"answered_at", iso_or_null(r.answered_at)}};
}

// Referrals by id after the cursor, at most `size`, with the next cursor; the persons of those
// written go to `persons`.
http::Response paged(std::vector<referrals::Referral> all, const IdPaging& paging,
                     std::vector<std::int64_t>* persons = nullptr) {
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return id_page(all, paging, [&](const referrals::Referral& r) {
    if (persons) persons->push_back(r.person_id);
    return referral_json(r);
  });
}

// GET /api/v1/journeys/{id}/referrals — referrals:read: the team.
http::Response of_journey(http::Context& ctx, const Caller& caller) {
  auto p = id_paging(ctx.request);
  if (auto* refused = std::get_if<http::Response>(&p)) return std::move(*refused);
  auto id = path_id(ctx, "id");
  auto journey = id ? people::find_journey(ctx.db, *id) : std::nullopt;
  if (!journey || journey->territory_id != caller.territory_id) {
    return problem(404, "Parcours introuvable.");
  }
  auto facts = facts_for(ctx, caller, journey->person_id);
  if (facts.journey_id != journey->id || !people::may_view_journey(ctx.actor, facts)) {
    return problem(403, "Seule l’équipe du parcours peut consulter ses prescriptions.");
  }
  log_read(ctx, caller, journey->person_id, "referrals");
  return paged(referrals::referrals_of_journey(ctx.db, journey->id), std::get<IdPaging>(p));
}

// GET /api/v1/referrals — referrals:read: received by the token's organisation.
http::Response received(http::Context& ctx, const Caller& caller) {
  auto p = id_paging(ctx.request);
  if (auto* refused = std::get_if<http::Response>(&p)) return std::move(*refused);
  if (!referrals::may_view_inbox(ctx.actor, caller.organisation_id)) {
    return problem(403, "Ce jeton ne permet pas de consulter les prescriptions reçues.");
  }
  std::string status = ctx.request.query_value("status");
  auto list = referrals::received(ctx.db, {caller.organisation_id}, status, 10000);
  std::vector<std::int64_t> persons;
  auto response = paged(std::move(list), std::get<IdPaging>(p), &persons);
  std::vector<store::AccessRecord> reads;
  reads.reserve(persons.size());
  for (auto person : persons) {
    reads.push_back({.actor_id = caller.account_id,
                     .person_id = person,
                     .part = "referral",
                     .purpose = "API GET /api/v1/referrals"});
  }
  store::log_accesses(ctx.db, reads);
  return response;
}

// POST /api/v1/journeys/{id}/referrals — referrals:write: the team sends the person to a
// published service.
http::Response send(http::Context& ctx, const Caller& caller) {
  auto id = path_id(ctx, "id");
  auto journey = id ? people::find_journey(ctx.db, *id) : std::nullopt;
  if (!journey || journey->territory_id != caller.territory_id) {
    return problem(404, "Parcours introuvable.");
  }
  auto facts = facts_for(ctx, caller, journey->person_id);
  if (facts.journey_id != journey->id || !referrals::may_refer(ctx.actor, facts)) {
    return problem(403, "Seule l’équipe d’un parcours en cours peut prescrire.");
  }
  auto parsed =
      Body::parse(ctx.request, {"service_id", "message", "shared", "consent", "consent_mode"});
  if (auto* refused = std::get_if<http::Response>(&parsed)) return std::move(*refused);
  auto& body = std::get<Body>(parsed);
  auto service = body.integer("service_id");
  referrals::ReferralForm form{.message = body.text("message"),
                               .shared = body.strings("shared"),
                               .consent = body.flag("consent") ? "1" : "",
                               .consent_mode = body.text("consent_mode")};
  if (!service && body.errors().empty()) {
    body.add_error("service_id", "Champ « service_id » : obligatoire.");
  }
  if (!body.errors().empty()) return validation_problem(body.errors());
  auto sent = referrals::send_referral(
      ctx.db, {.journey_id = journey->id,
               .service_id = *service,
               .form = form,
               .sender = {.user_id = caller.account_id, .organisation_id = caller.organisation_id},
               .public_url = ctx.config.public_url});
  if (!sent) {
    auto e = sent.error();
    if (e.code == ErrorCode::kInvalid) {
      return validation_problem({{e.field == "service" ? "service_id" : e.field, e.message}});
    }
    return problem(e);
  }
  auto made = referrals::find_referral(ctx.db, sent->id);
  auto response = http::Response::json(json::serialize(referral_json(*made)), 201);
  response.set_header("Location", "/api/v1/referrals/" + std::to_string(sent->id));
  return response;
}

referrals::ReferralFacts referral_facts(http::Context& ctx, const Caller& caller,
                                        const referrals::Referral& r) {
  auto facts = facts_for(ctx, caller, r.person_id);
  return {.status = r.status,
          .receiving_organisation = r.receiving_organisation_id,
          .in_team = facts.journey_id == r.journey_id && facts.in_team,
          .journey_visible =
              facts.journey_id == r.journey_id && people::may_view_journey(ctx.actor, facts)};
}

// GET /api/v1/referrals/{id} — referrals:read: the sender's team or the receiver.
http::Response show(http::Context& ctx, const Caller& caller) {
  auto id = path_id(ctx, "id");
  auto r = id ? referrals::find_referral(ctx.db, *id) : std::nullopt;
  if (!r) return problem(404, "Prescription introuvable.");
  auto rf = referral_facts(ctx, caller, *r);
  if (!referrals::may_view_as_sender(ctx.actor, rf) &&
      !referrals::may_view_as_receiver(ctx.actor, rf)) {
    return problem(404, "Prescription introuvable.");
  }
  log_read(ctx, caller, r->person_id, "referral");
  return http::Response::json(json::serialize(referral_json(*r)));
}

// POST /api/v1/referrals/{id}/answer {decision: accept|refuse, reason} — referrals:write: the
// receiving organisation answers a waiting referral.
http::Response answer(http::Context& ctx, const Caller& caller) {
  auto id = path_id(ctx, "id");
  auto r = id ? referrals::find_referral(ctx.db, *id) : std::nullopt;
  if (!r) return problem(404, "Prescription introuvable.");
  auto rf = referral_facts(ctx, caller, *r);
  if (!referrals::may_view_as_receiver(ctx.actor, rf)) {
    return problem(404, "Prescription introuvable.");
  }
  if (!referrals::may_answer(ctx.actor, rf)) {
    return problem(409, "Cette prescription n’attend plus de réponse.");
  }
  auto parsed = Body::parse(ctx.request, {"decision", "reason"});
  if (auto* refused = std::get_if<http::Response>(&parsed)) return std::move(*refused);
  auto& body = std::get<Body>(parsed);
  std::string decision = body.text("decision");
  std::string reason = body.text("reason");
  if (body.errors().empty() && decision != "accept" && decision != "refuse") {
    body.add_error("decision", "Champ « decision » : « accept » ou « refuse » est attendu.");
  }
  if (!body.errors().empty()) return validation_problem(body.errors());
  referrals::Answerer by{.user_id = caller.account_id, .organisation_id = caller.organisation_id};
  auto done = decision == "accept" ? referrals::accept_referral(ctx.db, r->id, by)
                                   : referrals::refuse_referral(ctx.db, r->id, reason, by);
  if (!done) {
    auto e = done.error();
    if (e.code == ErrorCode::kInvalid) {
      return validation_problem({{e.field.empty() ? "decision" : e.field, e.message}});
    }
    return problem(e);
  }
  return http::Response::json(
      json::serialize(referral_json(*referrals::find_referral(ctx.db, r->id))));
}

}  // namespace

void register_referral_routes(http::Router& router) {
  add_route(router, "GET", "/api/v1/journeys/{id}/referrals", "referrals", Access::kRead,
            of_journey);
  add_route(router, "POST", "/api/v1/journeys/{id}/referrals", "referrals", Access::kWrite, send);
  add_route(router, "GET", "/api/v1/referrals", "referrals", Access::kRead, received);
  add_route(router, "GET", "/api/v1/referrals/{id}", "referrals", Access::kRead, show);
  add_route(router, "POST", "/api/v1/referrals/{id}/answer", "referrals", Access::kWrite, answer);
}

}  // namespace parcours::api
