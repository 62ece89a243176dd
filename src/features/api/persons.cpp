// /api/v1/persons: search (NIR, CAF matricule, France Travail id, names), read, create, update
// the contact — through the people feature's services and policy (features/people).
#include "features/api/persons.h"

#include "core/atomic.h"
#include "core/clock.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/api/support.h"
#include "features/people/journeys.h"
#include "features/people/matching.h"
#include "features/people/search.h"

namespace parcours::api {
namespace {

namespace json = boost::json;
using people::Person;

json::object journey_json(const people::Journey& j) {
  return {
      {"id", j.id},
      {"person_id", j.person_id},
      {"territory_id", j.territory_id},
      {"status", j.status},
      {"entry", j.entry},
      {"need", j.need},
      {"opened_at", format_iso8601(j.opened_at)},
      {"closed_at", iso_or_null(j.closed_at)},
      {"close_reason", j.close_reason.empty() ? json::value(nullptr) : json::value(j.close_reason)},
      {"last_activity_at", format_iso8601(j.last_activity_at)}};
}

json::object person_json(http::Context& ctx, const Caller& caller, const Person& p,
                         const people::PersonFacts& facts) {
  json::object identity{{"birth_name", p.birth_name},
                        {"usage_name", p.usage_name},
                        {"first_names", p.first_names},
                        {"birth_date", text_or_null(p.birth_date)},
                        {"sex", text_or_null(p.sex)},
                        {"has_nir", p.has_nir()},
                        {"caf_number", text_or_null(p.caf_number)},
                        {"ft_id", text_or_null(p.ft_id)}};
  json::object out{{"id", p.id}, {"identity", std::move(identity)}};
  // The parts read, written to the access log by one INSERT (one turn of SQLite's write lock).
  std::vector<std::string> parts{"identity"};
  if (people::may_view_journey(ctx.actor, facts)) {
    out["contact"] = json::object{{"email", text_or_null(p.email)},
                                  {"phone", text_or_null(p.phone)},
                                  {"phone2", text_or_null(p.phone2)},
                                  {"address", p.address},
                                  {"address_complement", p.address_complement},
                                  {"postcode", p.postcode},
                                  {"commune_code", text_or_null(p.commune_code)},
                                  {"commune_name", p.commune_name},
                                  {"no_fixed_address", p.no_fixed_address},
                                  {"domiciliation", p.domiciliation}};
    out["situation"] = json::object{{"rsa_status", text_or_null(p.rsa_status)},
                                    {"rights_and_duties", p.rights_and_duties},
                                    {"allowances", p.allowances},
                                    {"rqth", p.rqth},
                                    {"education_level", text_or_null(p.education_level)},
                                    {"last_job", p.last_job},
                                    {"driving_licence", p.driving_licence},
                                    {"languages", p.languages}};
    parts.insert(parts.end(), {"contact", "situation"});
  } else {
    out["contact"] = nullptr;
    out["situation"] = nullptr;
  }
  out["journey"] = facts.journey_id ? json::value(json::object{{"id", *facts.journey_id},
                                                               {"status", facts.journey_status},
                                                               {"in_team", facts.in_team}})
                                    : json::value(nullptr);
  std::vector<store::AccessRecord> reads;
  reads.reserve(parts.size());
  for (const auto& part : parts) {
    reads.push_back({.actor_id = caller.account_id,
                     .person_id = p.id,
                     .part = part,
                     .purpose = "API " + ctx.request.method + " " + ctx.request.path});
  }
  store::log_accesses(ctx.db, reads);
  return out;
}

// GET /api/v1/persons?nir=|caf_number=|ft_id=|q= — persons:read.
http::Response search(http::Context& ctx, const Caller& caller) {
  if (!people::may_search_persons(ctx.actor, caller.territory_id)) {
    return problem(403, "Ce jeton ne permet pas de rechercher des personnes.");
  }
  auto p = paging(ctx.request);
  if (auto* refused = std::get_if<http::Response>(&p)) return std::move(*refused);
  auto& page_of = std::get<Paging>(p);
  std::string text;
  std::string field;
  for (const char* name : {"nir", "caf_number", "ft_id", "q"}) {
    auto value = ctx.request.query_value(name);
    if (value.empty()) continue;
    if (!field.empty()) {
      return validation_problem({{name, "Paramètre « " + std::string(name) +
                                            " » : un seul critère à la fois (nir, caf_number, "
                                            "ft_id ou q)."}});
    }
    field = name;
    text = value;
  }
  if (field.empty()) {
    return validation_problem(
        {{"q", "Paramètre « q » : indiquez un critère (nir, caf_number, ft_id ou q)."}});
  }
  auto found = people::search_persons(ctx.db, {.territory_id = caller.territory_id,
                                               .text = text,
                                               .cursor = page_of.cursor,
                                               .limit = page_of.size,
                                               .hidden_for_organisations = {caller.organisation_id},
                                               .member_user_id = caller.account_id});
  if (!found) {
    auto e = found.error();
    std::string name = e.field == "q" ? field : e.field;
    return validation_problem({{name, "Paramètre « " + name + " » : " + e.message}});
  }
  bool by_identifier = found->by != "names";
  if (field != "q" && found->by != field) {
    return validation_problem(
        {{field, "Paramètre « " + field + " » : ce n’est pas un " +
                     (field == "nir"          ? "NIR valide"
                      : field == "caf_number" ? "matricule CAF/MSA valide"
                                              : "identifiant France Travail valide") +
                     "."}});
  }
  (void)by_identifier;
  json::array items;
  std::vector<store::AccessRecord> reads;
  for (const auto& hit : found->hits) {
    reads.push_back({.actor_id = caller.account_id,
                     .person_id = hit.person_id,
                     .part = "search_result",
                     .purpose = "API GET /api/v1/persons"});
    items.push_back(json::object{{"id", hit.person_id},
                                 {"birth_name", hit.birth_name},
                                 {"usage_name", hit.usage_name},
                                 {"first_names", hit.first_names},
                                 {"birth_date", text_or_null(hit.birth_date)},
                                 {"commune_name", hit.commune_name},
                                 {"journey_status", text_or_null(hit.journey_status)}});
  }
  store::log_accesses(ctx.db, reads);
  return page_response(std::move(items), found->next_cursor);
}

// GET /api/v1/persons/{id} — persons:read.
http::Response show(http::Context& ctx, const Caller& caller) {
  auto id = path_id(ctx, "id");
  if (!id) return problem(404, "Personne introuvable.");
  auto seen = see_person(ctx, caller, *id);
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenPerson>(seen);
  return http::Response::json(json::serialize(person_json(ctx, caller, s.person, s.facts)));
}

const std::vector<std::string> kContactFields{
    "email",    "phone",   "phone2",           "address",      "address_complement",
    "postcode", "commune", "no_fixed_address", "domiciliation"};

void read_contact(Body& body, people::ContactForm& c) {
  if (body.has("email")) c.email = body.text("email");
  if (body.has("phone")) c.phone = body.text("phone");
  if (body.has("phone2")) c.phone2 = body.text("phone2");
  if (body.has("address")) c.address = body.text("address");
  if (body.has("address_complement")) c.address_complement = body.text("address_complement");
  if (body.has("postcode")) c.postcode = body.text("postcode");
  if (body.has("commune")) c.commune = body.text("commune");
  if (body.has("no_fixed_address")) c.no_fixed_address = body.flag("no_fixed_address");
  if (body.has("domiciliation")) c.domiciliation = body.text("domiciliation");
}

http::Response invalid(const Error& e) {
  return validation_problem({{e.field.empty() ? "body" : e.field, e.message}});
}

// POST /api/v1/persons — persons:write: finds the person first (the pages' matching), opens a
// journey when they have none in the territory, creates them only when unknown. The journey
// enters the orientation queue without a team (entry "import", opened by the token's account):
// a token is no person who could join a team; its organisation joins when a professional of it
// does (orientation, invitation).
http::Response create(http::Context& ctx, const Caller& caller) {
  if (!people::may_open_journey(ctx.actor, caller.territory_id)) {
    return problem(403, "Ce jeton ne permet pas d’enregistrer des personnes.");
  }
  std::vector<std::string> allowed{"birth_name", "usage_name", "first_names", "birth_date",
                                   "sex",        "nir",        "caf_number",  "ft_id",
                                   "need",       "confirm"};
  allowed.insert(allowed.end(), kContactFields.begin(), kContactFields.end());
  auto parsed = Body::parse(ctx.request, allowed);
  if (auto* refused = std::get_if<http::Response>(&parsed)) return std::move(*refused);
  auto& body = std::get<Body>(parsed);
  people::PersonForm form;
  form.identity = {.birth_name = body.text("birth_name"),
                   .usage_name = body.text("usage_name"),
                   .first_names = body.text("first_names"),
                   .birth_date = body.text("birth_date"),
                   .sex = body.text("sex"),
                   .nir = body.text("nir"),
                   .caf_number = body.text("caf_number"),
                   .ft_id = body.text("ft_id")};
  read_contact(body, form.contact);
  std::string need = text::trim(body.text("need"));
  bool confirm = body.flag("confirm");
  if (!body.errors().empty()) return validation_problem(body.errors());
  auto identity = people::validate_identity(form.identity);
  if (!identity) return invalid(identity.error());
  auto contact = people::validate_contact(ctx.db, form.contact);
  if (!contact) return invalid(contact.error());
  if (need.size() > 2000) {
    return validation_problem({{"need", "Champ « need » : 2 000 caractères au plus."}});
  }
  std::int64_t territory = caller.territory_id;
  auto candidate = people::candidate_of(ctx.db, territory, *identity, *contact);
  if (auto same = people::find_strong_match(ctx.db, candidate)) {
    auto facts = facts_for(ctx, caller, same->person_id);
    if (people::objected(ctx.actor, facts) && !facts.in_team) {
      return problem(409,
                     "Cette personne est déjà enregistrée, mais elle s’est opposée au partage de "
                     "sa fiche avec votre structure.");
    }
    if (!people::active_journey(ctx.db, same->person_id, territory)) {
      auto opened = people::open_journey(ctx.db, {.person_id = same->person_id,
                                                  .territory_id = territory,
                                                  .entry = people::Entry::kImport,
                                                  .need = need,
                                                  .opened_by = caller.account_id});
      if (!opened) return problem(opened.error());
    }
    auto person = people::find_person(ctx.db, same->person_id);
    auto body_out = person_json(ctx, caller, *person, facts_for(ctx, caller, same->person_id));
    body_out["created"] = false;
    body_out["match_reason"] = people::match_reason_label(same->reason);
    auto response = http::Response::json(json::serialize(body_out), 200);
    response.set_header("Location", "/api/v1/persons/" + std::to_string(same->person_id));
    return response;
  }
  if (!confirm) {
    json::array similar;
    for (const auto& m : people::find_weak_matches(ctx.db, candidate)) {
      auto facts = facts_for(ctx, caller, m.person_id);
      if (people::may_view_identity(ctx.actor, facts)) {
        similar.push_back(
            json::object{{"id", m.person_id}, {"reason", people::match_reason_label(m.reason)}});
      }
    }
    if (!similar.empty()) {
      json::object out{{"type", "about:blank"},
                       {"title", "Conflit"},
                       {"status", 409},
                       {"detail",
                        "Des personnes proches sont déjà enregistrées : vérifiez qu’il ne s’agit "
                        "pas de l’une d’elles, puis renvoyez la demande avec \"confirm\": true."},
                       {"similar", std::move(similar)}};
      auto response = http::Response::json(json::serialize(out), 409);
      response.set_header("Content-Type", "application/problem+json");
      return response;
    }
  }
  auto created = atomically(ctx.db, [&]() -> Result<std::int64_t> {
    auto id = people::create_person(
        ctx.db, territory, form,
        people::Provenance::professional(caller.account_id, caller.organisation_id));
    if (!id) return id;
    auto opened = people::open_journey(ctx.db, {.person_id = *id,
                                                .territory_id = territory,
                                                .entry = people::Entry::kImport,
                                                .need = need,
                                                .opened_by = caller.account_id});
    if (!opened) return std::unexpected(opened.error());
    return id;
  });
  if (!created) {
    return created.error().code == ErrorCode::kInvalid ? invalid(created.error())
                                                       : problem(created.error());
  }
  auto person = people::find_person(ctx.db, *created);
  auto out = person_json(ctx, caller, *person, facts_for(ctx, caller, *created));
  out["created"] = true;
  auto response = http::Response::json(json::serialize(out), 201);
  response.set_header("Location", "/api/v1/persons/" + std::to_string(*created));
  return response;
}

// PATCH /api/v1/persons/{id}/contact — persons:write: the members given replace the current
// values (the pages' contact form), the others stay.
http::Response update_contact(http::Context& ctx, const Caller& caller) {
  auto id = path_id(ctx, "id");
  if (!id) return problem(404, "Personne introuvable.");
  auto seen = see_person(ctx, caller, *id);
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenPerson>(seen);
  if (!people::may_edit_person(ctx.actor, s.facts)) {
    return problem(403, "Seule l’équipe du parcours peut modifier les coordonnées.");
  }
  auto parsed = Body::parse(ctx.request, kContactFields);
  if (auto* refused = std::get_if<http::Response>(&parsed)) return std::move(*refused);
  auto& body = std::get<Body>(parsed);
  auto form = people::contact_form_of(s.person);
  read_contact(body, form);
  if (!body.errors().empty()) return validation_problem(body.errors());
  auto done = people::update_contact(
      ctx.db, s.person.id, form,
      people::Provenance::professional(caller.account_id, caller.organisation_id));
  if (!done)
    return done.error().code == ErrorCode::kInvalid ? invalid(done.error()) : problem(done.error());
  auto person = people::find_person(ctx.db, s.person.id);
  return http::Response::json(json::serialize(person_json(ctx, caller, *person, s.facts)));
}

// GET /api/v1/persons/{id}/journeys — journeys:read: the person's journeys in the territory.
http::Response person_journeys(http::Context& ctx, const Caller& caller) {
  auto id = path_id(ctx, "id");
  if (!id) return problem(404, "Personne introuvable.");
  auto p = id_paging(ctx.request);
  if (auto* refused = std::get_if<http::Response>(&p)) return std::move(*refused);
  auto seen = see_person(ctx, caller, *id);
  if (auto* refused = std::get_if<http::Response>(&seen)) return std::move(*refused);
  auto& s = std::get<SeenPerson>(seen);
  if (!people::may_view_journey(ctx.actor, s.facts)) {
    return problem(403, "Seule l’équipe du parcours peut le consulter.");
  }
  auto journeys = people::journeys_of(ctx.db, s.person.id);
  std::erase_if(journeys, [&](const auto& j) { return j.territory_id != caller.territory_id; });
  log_read(ctx, caller, s.person.id, "journey");
  return id_page(journeys, std::get<IdPaging>(p), journey_json);
}

// GET /api/v1/journeys/{id} — journeys:read.
http::Response show_journey(http::Context& ctx, const Caller& caller) {
  auto id = path_id(ctx, "id");
  auto journey = id ? people::find_journey(ctx.db, *id) : std::nullopt;
  if (!journey || journey->territory_id != caller.territory_id) {
    return problem(404, "Parcours introuvable.");
  }
  auto facts = facts_for(ctx, caller, journey->person_id);
  if (facts.journey_id != journey->id || !people::may_view_journey(ctx.actor, facts)) {
    return problem(403, "Seule l’équipe du parcours peut le consulter.");
  }
  log_read(ctx, caller, journey->person_id, "journey");
  return http::Response::json(json::serialize(journey_json(*journey)));
}

}  // namespace

std::optional<http::Response> bearer_persons_search(http::Context& ctx) {
  if (!ctx.request.header("authorization").starts_with("Bearer ")) return std::nullopt;
  return with_caller(ctx, "persons", Access::kRead,
                     [&](const Caller& caller) { return search(ctx, caller); });
}

void register_person_routes(http::Router& router) {
  // GET /api/v1/persons is the people feature's route (session), which hands bearer calls to
  // bearer_persons_search.
  add_route(router, "POST", "/api/v1/persons", "persons", Access::kWrite, create);
  add_route(router, "GET", "/api/v1/persons/{id}", "persons", Access::kRead, show);
  add_route(router, "PATCH", "/api/v1/persons/{id}/contact", "persons", Access::kWrite,
            update_contact);
  add_route(router, "GET", "/api/v1/persons/{id}/journeys", "journeys", Access::kRead,
            person_journeys);
  add_route(router, "GET", "/api/v1/journeys/{id}", "journeys", Access::kRead, show_journey);
}

}  // namespace parcours::api
