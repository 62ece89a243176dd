// The search page, the creation of a person (with the matching before it) and the search API.
#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/api/persons.h"
#include "features/people/caseload.h"
#include "features/people/identity.h"
#include "features/people/matching.h"
#include "features/people/routes.h"
#include "features/people/search.h"
#include "features/people/web.h"
#include "features/plan/routes.h"
#include "features/territories/territory.h"

namespace parcours::people {
namespace {

namespace json = boost::json;

std::string territory_query(const http::Context& ctx, std::int64_t territory_id) {
  return working_territories(ctx.actor).size() > 1 ? "?territoire=" + std::to_string(territory_id)
                                                   : "";
}

SearchQuery query_for(const http::Context& ctx, std::int64_t territory_id, std::string text,
                      std::string cursor) {
  return {.territory_id = territory_id,
          .text = std::move(text),
          .cursor = std::move(cursor),
          .limit = 20,
          .hidden_for_organisations = ctx.actor->organisation_ids(),
          .member_user_id = ctx.actor->user_id};
}

// The family name of a row of a list: the usage name first, the birth name in brackets.
std::string listed_name(const std::string& birth_name, const std::string& usage_name) {
  if (usage_name.empty() || usage_name == birth_name) return birth_name;
  return usage_name + " (" + birth_name + ")";
}

// Without a search, the persons the actor follows (?suivi=referent: as référent only, ?suivis=
// cursor). Returns the page's status: 422 on a forged cursor.
unsigned show_caseload(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                       std::int64_t territory_id, const std::string& tq) {
  bool referent_only = ctx.request.query_value("suivi") == "referent";
  auto page = list_caseload(ctx.db, {.user_id = ctx.actor->user_id,
                                     .territory_id = territory_id,
                                     .referent_only = referent_only,
                                     .cursor = ctx.request.query_value("suivis")});
  auto* section = dict.AddSectionDictionary("CASELOAD"_key);
  if (ctx.request.query_value("suivis").empty()) plan::fill_late_reviews_of_referent(ctx, *section);
  std::string base = "/personnes?" + (tq.empty() ? "" : tq.substr(1) + "&");
  section->SetValue("ALL_HREF"_key, tq.empty() ? "/personnes" : "/personnes" + tq);
  section->SetValue("REFERENT_HREF"_key, base + "suivi=referent");
  section->ShowSection(referent_only ? "REFERENT_CURRENT" : "ALL_CURRENT");
  if (!page) {
    section->SetValueAndShowSection("MESSAGE"_key, page.error().message, "CURSOR_ERROR"_key);
    return http_status(page.error().code);
  }
  if (page->entries.empty()) {
    section->ShowSection(referent_only ? "EMPTY_REFERENT" : "EMPTY");
    return 200;
  }
  auto* rows = section->AddSectionDictionary("HAS_ROWS"_key);
  web::ReadLog reads(ctx);  // one row per person listed, in one INSERT
  for (const CaseloadEntry& e : page->entries) {
    reads.add(e.person_id, "caseload");
    auto* row = rows->AddSectionDictionary("ROW"_key);
    row->SetIntValue("ID"_key, e.person_id);
    row->SetValue("TERRITORY_QUERY"_key, tq);
    row->SetValue("NAME"_key, listed_name(e.birth_name, e.usage_name));
    row->SetValue("FIRST_NAMES"_key, e.first_names);
    row->SetValue("COMMUNE"_key, e.commune_name.empty() ? "—" : e.commune_name);
    row->SetValue("ROLE"_key, e.referent ? "Référent·e" : "Membre de l’équipe");
    row->SetValue("STATUS_LABEL"_key, journey_status_label(e.journey_status));
    row->SetValue("BADGE"_key, web::status_badge(e.journey_status));
    row->SetValue("ACTIVITY"_key, format_datetime_fr(e.last_activity_at));
  }
  if (page->next_cursor) {
    std::string next = base + (referent_only ? "suivi=referent&" : "") +
                       "suivis=" + http::url_encode(*page->next_cursor);
    rows->SetValueAndShowSection("NEXT_HREF"_key, next, "NEXT"_key);
  }
  reads.flush();
  return 200;
}

// GET /personnes?q=&cursor=&territoire= — professionals and managers of a territory.
http::Response search_page(http::Context& ctx) {
  auto territory =
      working_territory(ctx.actor, text::parse_id(ctx.request.query_value("territoire")));
  if (!territory || !may_search_persons(ctx.actor, *territory)) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("people_search");
  std::string q = ctx.request.query_value("q");
  dict.SetValue("Q"_key, q);
  std::string tq = territory_query(ctx, *territory);
  dict.SetValue("TERRITORY_QUERY"_key, tq);
  auto territories = working_territories(ctx.actor);
  if (territories.size() > 1) {
    dict.ShowSection("TERRITORY_CHOICE"_key);
    for (auto id : territories) {
      auto t = territories::find_territory(ctx.db, id);
      if (!t) continue;
      auto* option = dict.AddSectionDictionary("TERRITORY_OPTION"_key);
      option->SetIntValue("ID"_key, t->id);
      option->SetValue("NAME"_key, t->name);
      if (t->id == *territory) option->ShowSection("SELECTED"_key);
    }
  }
  if (may_open_journey(ctx.actor, *territory)) dict.ShowSection("CAN_CREATE"_key);
  unsigned status = 200;
  bool searched = ctx.request.query.contains("q");
  if (searched) {
    auto page =
        search_persons(ctx.db, query_for(ctx, *territory, q, ctx.request.query_value("cursor")));
    if (!page) {
      Error error = page.error();
      if (error.field == "cursor") error.field = "q";
      html::show_form_error(dict, error);
      status = http_status(error.code);
    } else {
      auto* results = dict.AddSectionDictionary("SEARCHED"_key);
      results->SetValue("Q"_key, q);
      results->SetValue("TERRITORY_QUERY"_key, tq);
      if (may_open_journey(ctx.actor, *territory)) results->ShowSection("CAN_CREATE"_key);
      if (page->hits.empty()) results->ShowSection("EMPTY"_key);
      ctemplate::TemplateDictionary* rows = results;  // replaced by the table when there are hits
      if (!page->hits.empty()) rows = results->AddSectionDictionary("HAS_ROWS"_key);
      web::ReadLog reads(ctx);  // one row per person shown, in one INSERT
      for (const SearchHit& hit : page->hits) {
        reads.add(hit.person_id, "search_result");
        auto* row = rows->AddSectionDictionary("ROW"_key);
        row->SetIntValue("ID"_key, hit.person_id);
        row->SetValue("TERRITORY_QUERY"_key, tq);
        row->SetValue("NAME"_key, listed_name(hit.birth_name, hit.usage_name));
        row->SetValue("FIRST_NAMES"_key, hit.first_names);
        row->SetValue("BIRTH_DATE"_key, hit.birth_date ? display_date(*hit.birth_date) : "—");
        row->SetValue("COMMUNE"_key, hit.commune_name.empty() ? "—" : hit.commune_name);
        if (hit.journey_status) {
          auto* badge = row->AddSectionDictionary("STATUS"_key);
          badge->SetValue("LABEL"_key, journey_status_label(*hit.journey_status));
          badge->SetValue("BADGE"_key, web::status_badge(*hit.journey_status));
        } else {
          row->ShowSection("NO_JOURNEY"_key);
        }
      }
      reads.flush();
      if (!page->hits.empty() && page->next_cursor) {
        std::string next =
            "q=" + http::url_encode(q) + "&cursor=" + http::url_encode(*page->next_cursor);
        if (!tq.empty()) next += "&territoire=" + std::to_string(*territory);
        rows->SetValueAndShowSection("NEXT_QUERY"_key, next, "NEXT"_key);
      }
    }
  }
  if (!searched && status == 200) status = show_caseload(ctx, dict, *territory, tq);
  std::string title = searched ? "Recherche « " + q + " » — Personnes" : "Personnes";
  return html::page(ctx, status == 200 ? title : "Erreur — " + title, "people/search.tpl", dict,
                    status);
}

struct NewPersonForm {
  PersonForm person;
  std::string need;
  bool confirm = false;
};

http::Response new_page(http::Context& ctx, std::int64_t territory_id, const NewPersonForm& form,
                        const Error* error, const std::vector<Match>& suggestions) {
  ctemplate::TemplateDictionary dict("people_new");
  dict.SetIntValue("TERRITORY_ID"_key, territory_id);
  web::show_error(dict, error);
  web::fill_identity_fields(dict, form.person.identity, error, false);
  web::fill_contact_fields(dict, form.person.contact, error);
  auto* need = dict.AddIncludeDictionary("NEED_FIELD"_key);
  need->SetFilename("people/text_field.tpl");
  need->SetValue("NAME"_key, "need");
  need->SetValue("LABEL"_key, "Besoin exprimé par la personne (facultatif)");
  need->SetValueAndShowSection(
      "HINT_TEXT"_key, "Avec ses mots : ce qu’elle attend de l’accompagnement.", "HINT"_key);
  need->ShowSection("MULTILINE"_key);
  need->SetIntValue("ROWS"_key, 3);
  need->SetValue("VALUE"_key, form.need);
  if (error && error->field == "need") {
    need->ShowSection("ERROR"_key);
    need->SetValue("MESSAGE"_key, error->message);
  }
  if (!suggestions.empty()) {
    auto* s = dict.AddSectionDictionary("SUGGESTIONS"_key);
    for (const Match& m : suggestions) {
      auto p = find_person(ctx.db, m.person_id);
      if (!p) continue;
      auto* row = s->AddSectionDictionary("SUGGESTION"_key);
      row->SetIntValue("ID"_key, p->id);
      row->SetValue("NAME"_key, display_name(*p));
      if (p->birth_date) {
        row->SetValueAndShowSection("BIRTH_DATE"_key, display_date(*p->birth_date), "BIRTH"_key);
      }
      row->SetValue("REASON"_key, match_reason_label(m.reason));
    }
    // The hidden "confirm" field lives in the form, outside the alert.
    dict.ShowSection("SUGGESTIONS"_key);
  }
  dict.SetValue("SUBMIT"_key, suggestions.empty() ? "Créer la fiche et ouvrir le parcours"
                                                  : "Créer quand même une nouvelle fiche");
  unsigned status = error ? http_status(error->code) : suggestions.empty() ? 200 : 409;
  return html::page(ctx, error ? "Erreur — Nouvelle personne" : "Nouvelle personne",
                    "people/new.tpl", dict, status);
}

// GET /personnes/nouvelle — professionals of a territory.
http::Response new_form(http::Context& ctx) {
  auto territory =
      working_territory(ctx.actor, text::parse_id(ctx.request.query_value("territoire")));
  if (!territory || !may_open_journey(ctx.actor, *territory)) return html::refuse(ctx);
  return new_page(ctx, *territory, {}, nullptr, {});
}

// POST /personnes/nouvelle — same: finds the person first, creates them only when unknown.
http::Response create(http::Context& ctx) {
  auto territory =
      working_territory(ctx.actor, text::parse_id(ctx.request.form_value("territoire")));
  if (!territory || !may_open_journey(ctx.actor, *territory)) return html::refuse(ctx);
  NewPersonForm form{.person = {.identity = web::identity_from_request(ctx.request),
                                .contact = web::contact_from_request(ctx.request)},
                     .need = ctx.request.form_value("need"),
                     .confirm = ctx.request.form_value("confirm") == "1"};
  auto identity = validate_identity(form.person.identity);
  if (!identity) return new_page(ctx, *territory, form, &identity.error(), {});
  auto contact = validate_contact(ctx.db, form.person.contact);
  if (!contact) return new_page(ctx, *territory, form, &contact.error(), {});
  std::string need = text::trim(form.need);
  if (need.size() > 2000) {
    Error error{ErrorCode::kInvalid, "Le besoin exprimé ne doit pas dépasser 2 000 caractères.",
                "need"};
    return new_page(ctx, *territory, form, &error, {});
  }
  TeamActor me = web::team_actor(ctx, *territory);
  Candidate candidate = candidate_of(ctx.db, *territory, *identity, *contact);

  if (auto same = find_strong_match(ctx.db, candidate)) {
    PersonFacts facts = load_person_facts(ctx.db, ctx.actor, same->person_id, *territory);
    if (objected(ctx.actor, facts) && !facts.in_team) {
      return html::error_page(ctx, 409, "Personne déjà enregistrée",
                              "Cette personne est déjà enregistrée, mais elle s’est opposée au "
                              "partage de sa fiche avec votre structure.");
    }
    std::string why = match_reason_label(same->reason);
    if (!active_journey(ctx.db, same->person_id, *territory)) {
      auto opened = open_journey(ctx.db, {.person_id = same->person_id,
                                          .territory_id = *territory,
                                          .need = need,
                                          .opened_by = me.user_id,
                                          .organisation_id = me.organisation_id});
      if (!opened) return html::error_page(ctx, opened.error());
      http::set_flash(ctx, "Cette personne était déjà enregistrée (" + why +
                               ") : aucune nouvelle fiche n’a été créée, un parcours a été "
                               "ouvert pour elle dans votre territoire.");
    } else {
      http::set_flash(ctx, "Cette personne est déjà enregistrée (" + why +
                               ") : aucune nouvelle fiche n’a été créée. Voici sa fiche.");
    }
    return http::Response::redirect(web::person_path(same->person_id));
  }

  if (!form.confirm) {
    std::vector<Match> visible;
    for (const Match& m : find_weak_matches(ctx.db, candidate)) {
      PersonFacts facts = load_person_facts(ctx.db, ctx.actor, m.person_id, *territory);
      if (may_view_identity(ctx.actor, facts)) visible.push_back(m);
    }
    if (!visible.empty()) return new_page(ctx, *territory, form, nullptr, visible);
  }

  auto created = atomically(ctx.db, [&]() -> Result<std::int64_t> {
    auto id = create_person(ctx.db, *territory, form.person,
                            Provenance::professional(me.user_id, me.organisation_id));
    if (!id) return id;
    auto opened = open_journey(ctx.db, {.person_id = *id,
                                        .territory_id = *territory,
                                        .need = need,
                                        .opened_by = me.user_id,
                                        .organisation_id = me.organisation_id});
    if (!opened) return std::unexpected(opened.error());
    return id;
  });
  if (!created) return new_page(ctx, *territory, form, &created.error(), {});
  http::set_flash(ctx, "Fiche créée et parcours ouvert.");
  return http::Response::redirect(web::person_path(*created));
}

http::Response problem(unsigned status, const std::string& title, const std::string& detail,
                       const std::string& field = {}) {
  json::object body{
      {"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  if (!field.empty()) body["field"] = field;
  auto response = http::Response::json(json::serialize(body), status);
  response.set_header("Content-Type", "application/problem+json");
  return response;
}

// GET /api/v1/persons?q=&cursor=&territoire= — a signed-in professional or manager: the persons
// of their territory matching q, 20 per page, `next_cursor` for the next one.
http::Response api_search(http::Context& ctx) {
  if (auto partner = api::bearer_persons_search(ctx)) return std::move(*partner);  // API token
  if (!ctx.actor) {
    return problem(401, error_title(ErrorCode::kUnauthenticated),
                   "Connectez-vous pour rechercher des personnes.");
  }
  std::string territory_text = ctx.request.query_value("territoire");
  auto requested = text::parse_id(territory_text);
  if (!territory_text.empty() && !requested) {
    return problem(422, error_title(ErrorCode::kInvalid),
                   "Le paramètre « territoire » doit être l’identifiant numérique d’un territoire.",
                   "territoire");
  }
  auto territory = working_territory(ctx.actor, requested);
  if (!territory || !may_search_persons(ctx.actor, *territory) ||
      (requested && *requested != *territory)) {
    return problem(403, error_title(ErrorCode::kForbidden),
                   "Votre compte ne permet pas de rechercher des personnes dans ce territoire.");
  }
  auto page = search_persons(ctx.db, query_for(ctx, *territory, ctx.request.query_value("q"),
                                               ctx.request.query_value("cursor")));
  if (!page) {
    const Error& e = page.error();
    return problem(http_status(e.code), error_title(e.code),
                   "Paramètre « " + e.field + " » : " + e.message, e.field);
  }
  json::array items;
  web::ReadLog reads(ctx);  // one row per person returned, in one INSERT
  for (const SearchHit& hit : page->hits) {
    reads.add(hit.person_id, "search_result");
    items.push_back(json::object{
        {"id", hit.person_id},
        {"birth_name", hit.birth_name},
        {"usage_name", hit.usage_name},
        {"first_names", hit.first_names},
        {"birth_date", hit.birth_date ? json::value(*hit.birth_date) : json::value(nullptr)},
        {"commune", hit.commune_name},
        {"journey_status",
         hit.journey_status ? json::value(*hit.journey_status) : json::value(nullptr)},
        {"url", web::person_path(hit.person_id)}});
  }
  reads.flush();
  json::object body{
      {"territory_id", *territory},
      {"matched_by", page->by},
      {"items", std::move(items)},
      {"next_cursor", page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr)}};
  return http::Response::json(json::serialize(body));
}

}  // namespace

void register_search_routes(http::Router& router) {
  router.add("GET", "/personnes", search_page);
  router.add("GET", "/personnes/nouvelle", new_form);
  router.add("POST", "/personnes/nouvelle", create);
  router.add("GET", "/api/v1/persons", api_search);
}

}  // namespace parcours::people
