// Outcome pages — the team of the journey (members), read only once it is closed:
//   GET  /personnes/{id}/sorties/nouvelle   the form
//   POST /personnes/{id}/sorties            record (kind, title, contract, hours_per_week,
//                                           start_date, end_date, employer_name, employer_siret,
//                                           contact_name, contact_phone, contact_email,
//                                           followup_until)
//   GET  /sorties/{id}                      one outcome, its follow-up and check-ins
//   POST /sorties/{id}/points               a check-in (date, with_whom, note)
//   POST /sorties/{id}/fin-du-suivi         the follow-up's end date (followup_until)
#include "core/clock.h"
#include "core/html/render.h"
#include "core/html/text_field.h"
#include "core/http/flash.h"
#include "features/followup/dates.h"
#include "features/followup/outcomes.h"
#include "features/followup/policy.h"
#include "features/followup/routes.h"
#include "features/followup/web.h"
#include "features/people/persons.h"

namespace parcours::followup {
namespace {

using people::web::PersonPage;

std::vector<std::pair<std::string, std::string>> choices(const std::vector<std::string>& codes,
                                                         const char* (*label)(std::string_view)) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& c : codes) out.emplace_back(c, label(c));
  return out;
}

http::Response form_page(http::Context& ctx, const PersonPage& p, const OutcomeForm& typed,
                         const Error* error) {
  ctemplate::TemplateDictionary dict("followup/outcome_form");
  dict.SetIntValue("PERSON_ID"_key, p.person.id);
  dict.SetValue("NAME"_key, people::display_name(p.person));
  web::add_choices(dict, "KIND_OPTION", choices(outcome_kinds(), outcome_kind_label),
                   typed.kind.empty() ? "job" : typed.kind);
  web::add_choices(dict, "CONTRACT_OPTION", choices(contract_kinds(), contract_label),
                   typed.contract, "SELECTED");
  html::add_text_field(dict, "TITLE_FIELD",
                       {.name = "title",
                        .label = "Intitulé",
                        .hint = "Le poste, la formation, l’activité créée… Par exemple : agent "
                                "d’entretien des espaces verts."},
                       typed.title, error);
  html::add_text_field(dict, "HOURS_FIELD",
                       {.name = "hours_per_week",
                        .label = "Heures par semaine",
                        .hint = "Pour un emploi",
                        .type = "number"},
                       typed.hours_per_week, error);
  html::add_text_field(
      dict, "START_FIELD",
      {.name = "start_date", .label = "Date de début", .hint = "jj/mm/aaaa", .type = "date"},
      typed.start_date, error);
  html::add_text_field(dict, "END_FIELD",
                       {.name = "end_date",
                        .label = "Date de fin (facultatif)",
                        .hint = "Pour un CDD, une mission, une formation",
                        .type = "date"},
                       typed.end_date, error);
  html::add_text_field(dict, "EMPLOYER_FIELD",
                       {.name = "employer_name",
                        .label = "Employeur ou organisme",
                        .hint = "Obligatoire pour un emploi",
                        .autocomplete = "organization"},
                       typed.employer_name, error);
  html::add_text_field(dict, "SIRET_FIELD",
                       {.name = "employer_siret",
                        .label = "SIRET (facultatif)",
                        .hint = "14 chiffres, par exemple 732 829 320 00074"},
                       typed.employer_siret, error);
  html::add_text_field(
      dict, "CONTACT_NAME_FIELD",
      {.name = "contact_name", .label = "Nom du contact chez l’employeur (facultatif)"},
      typed.contact_name, error);
  html::add_text_field(
      dict, "CONTACT_PHONE_FIELD",
      {.name = "contact_phone", .label = "Téléphone du contact (facultatif)", .type = "tel"},
      typed.contact_phone, error);
  html::add_text_field(
      dict, "CONTACT_EMAIL_FIELD",
      {.name = "contact_email", .label = "Courriel du contact (facultatif)", .type = "email"},
      typed.contact_email, error);
  html::add_text_field(dict, "FOLLOWUP_FIELD",
                       {.name = "followup_until",
                        .label = "Fin du suivi dans l’emploi (facultatif)",
                        .hint = "Pour un emploi ; vide : 6 mois après le début",
                        .type = "date"},
                       typed.followup_until, error);
  if (error) html::show_form_error(dict, *error);
  std::string title = "Enregistrer une sortie — " + people::display_name(p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "followup/outcome_form.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/sorties/nouvelle — team members of the active journey.
http::Response show_new(http::Context& ctx) {
  return web::with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_record_outcome(ctx.actor, p.facts)) return html::refuse(ctx);
    return form_page(ctx, p, {.kind = "job", .start_date = iso_date(today())}, nullptr);
  });
}

// POST /personnes/{id}/sorties — team members of the active journey.
http::Response submit_new(http::Context& ctx) {
  return web::with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_record_outcome(ctx.actor, p.facts)) return html::refuse(ctx);
    const auto& r = ctx.request;
    OutcomeForm typed{.kind = r.form_value("kind"),
                      .title = r.form_value("title"),
                      .contract = r.form_value("contract"),
                      .hours_per_week = r.form_value("hours_per_week"),
                      .start_date = r.form_value("start_date"),
                      .end_date = r.form_value("end_date"),
                      .employer_name = r.form_value("employer_name"),
                      .employer_siret = r.form_value("employer_siret"),
                      .contact_name = r.form_value("contact_name"),
                      .contact_phone = r.form_value("contact_phone"),
                      .contact_email = r.form_value("contact_email"),
                      .followup_until = r.form_value("followup_until")};
    auto id = record_outcome(ctx.db, p.journey->id, typed, web::actor_in(ctx, p.territory_id));
    if (!id) return form_page(ctx, p, typed, &id.error());
    http::set_flash(ctx, typed.kind == "job"
                             ? "La sortie en emploi est enregistrée ; le suivi dans l’emploi "
                               "commence."
                             : "La sortie est enregistrée.");
    return http::Response::redirect("/sorties/" + std::to_string(*id), 303);
  });
}

struct Loaded {
  Outcome outcome;
  people::PersonFacts facts;
};

std::variant<Loaded, http::Response> load(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto id = web::path_id(ctx, "id");
  auto o = id ? find_outcome(ctx.db, *id) : std::nullopt;
  if (!o) return html::error_page(ctx, 404, "Page non trouvée", "Cette sortie n’existe pas.");
  auto facts = web::facts_for(ctx, o->person_id, o->territory_id, o->journey_id);
  if (!may_view_followup(ctx.actor, facts)) return html::refuse(ctx);
  return Loaded{*o, facts};
}

template <typename F>
http::Response with_outcome(http::Context& ctx, F&& handler) {
  auto loaded = load(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<Loaded>(loaded));
}

struct Typed {
  CheckinForm checkin;
  std::string followup_until;
};

http::Response outcome_page(http::Context& ctx, const Loaded& l, const Typed& typed,
                            const Error* checkin_error, const Error* end_error) {
  const Outcome& o = l.outcome;
  std::int64_t day = today();
  ctemplate::TemplateDictionary dict("followup/outcome");
  dict.SetIntValue("ID"_key, o.id);
  dict.SetIntValue("PERSON_ID"_key, o.person_id);
  dict.SetValue("NAME"_key, o.person_name);
  dict.SetValue("KIND"_key, outcome_kind_label(o.kind));
  dict.SetValue("TITLE"_key, o.title);
  auto row = [&](const char* label, const std::string& value) {
    if (value.empty()) return;
    auto* r = dict.AddSectionDictionary("ROW"_key);
    r->SetValue("LABEL"_key, label);
    r->SetValue("VALUE"_key, value);
  };
  row("Contrat", contract_label(o.contract));
  if (o.hours_per_week) row("Heures par semaine", std::to_string(*o.hours_per_week));
  row("Début", french_date(o.start_date));
  row("Fin", o.end_date.empty() ? "" : french_date(o.end_date));
  row("Employeur ou organisme", o.employer_name);
  row("SIRET", o.employer_siret);
  row("Contact chez l’employeur", o.contact_name);
  row("Téléphone du contact", o.contact_phone);
  row("Courriel du contact", o.contact_email);
  if (o.followed()) {
    auto* f = dict.AddSectionDictionary("FOLLOWUP"_key);
    f->SetValue("UNTIL"_key, french_date(o.followup_until));
    if (o.next_checkin_on.empty()) {
      f->ShowSection("ENDED"_key);
    } else {
      auto* next = f->AddSectionDictionary("NEXT"_key);
      next->SetValue("NEXT_ON"_key, french_date(o.next_checkin_on));
      auto next_day = parse_date(o.next_checkin_on);
      if (next_day && *next_day < day) {
        next->ShowSection("LATE"_key);
      } else if (next_day && *next_day <= day + kDueWithinDays) {
        next->ShowSection("DUE"_key);
      }
    }
    auto checkins = checkins_of(ctx.db, o.id);
    if (checkins.empty()) f->ShowSection("NO_CHECKIN"_key);
    for (const auto& c : checkins) {
      auto* r = f->AddSectionDictionary("CHECKIN"_key);
      r->SetValue("DATE"_key, french_date(c.date));
      r->SetValue("WITH"_key, with_whom_label(c.with_whom));
      r->SetValue("NOTE"_key, c.note);
      r->SetValue("AUTHOR"_key, c.author);
    }
    if (may_record_outcome(ctx.actor, l.facts)) {
      auto* form = f->AddSectionDictionary("CAN_CHECKIN"_key);
      html::add_text_field(
          *form, "DATE_FIELD",
          {.name = "date", .label = "Date du point", .hint = "jj/mm/aaaa", .type = "date"},
          typed.checkin.date.empty() ? iso_date(day) : typed.checkin.date, checkin_error);
      web::add_choices(
          *form, "WITH_OPTION",
          {{"person", "Avec la personne"}, {"employer", "Avec le contact chez l’employeur"}},
          typed.checkin.with_whom.empty() ? "person" : typed.checkin.with_whom);
      html::add_text_field(
          *form, "NOTE_FIELD",
          {.name = "note",
           .label = "Compte rendu",
           .hint = "Comment se passe la prise de poste, ce qui aide, ce qui bloque.",
           .rows = 3},
          typed.checkin.note, checkin_error);
      if (checkin_error) html::show_form_error(*form, *checkin_error);
      auto* end = f->AddSectionDictionary("CAN_END"_key);
      html::add_text_field(*end, "UNTIL_FIELD",
                           {.name = "followup_until",
                            .label = "Fin du suivi",
                            .hint = "Une date passée ou aujourd’hui met fin au suivi.",
                            .type = "date"},
                           typed.followup_until.empty() ? o.followup_until : typed.followup_until,
                           end_error);
      if (end_error) html::show_form_error(*end, *end_error);
    }
  }
  web::log_read(ctx, o.person_id, "outcomes");
  const Error* error = checkin_error ? checkin_error : end_error;
  std::string title =
      std::string(outcome_kind_label(o.kind)) + " : " + o.title + " — " + o.person_name;
  return html::page(ctx, error ? "Erreur — " + title : title, "followup/outcome.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /sorties/{id} — the team of the journey.
http::Response show(http::Context& ctx) {
  return with_outcome(ctx, [&](Loaded& l) { return outcome_page(ctx, l, {}, nullptr, nullptr); });
}

// POST /sorties/{id}/points — team members of the active journey: date, with_whom, note.
http::Response submit_checkin(http::Context& ctx) {
  return with_outcome(ctx, [&](Loaded& l) {
    if (!may_record_outcome(ctx.actor, l.facts)) return html::refuse(ctx);
    Typed typed{.checkin = {.date = ctx.request.form_value("date"),
                            .with_whom = ctx.request.form_value("with_whom"),
                            .note = ctx.request.form_value("note")}};
    auto id = add_checkin(ctx.db, l.outcome.id, typed.checkin,
                          web::actor_in(ctx, l.outcome.territory_id));
    if (!id) return outcome_page(ctx, l, typed, &id.error(), nullptr);
    http::set_flash(ctx, "Le point de suivi est enregistré.");
    return http::Response::redirect("/sorties/" + std::to_string(l.outcome.id), 303);
  });
}

// POST /sorties/{id}/fin-du-suivi — team members of the active journey: followup_until.
http::Response submit_end(http::Context& ctx) {
  return with_outcome(ctx, [&](Loaded& l) {
    if (!may_record_outcome(ctx.actor, l.facts)) return html::refuse(ctx);
    Typed typed{.followup_until = ctx.request.form_value("followup_until")};
    auto done = change_followup_end(ctx.db, l.outcome.id, typed.followup_until,
                                    web::actor_in(ctx, l.outcome.territory_id));
    if (!done) return outcome_page(ctx, l, typed, nullptr, &done.error());
    http::set_flash(ctx, "La fin du suivi dans l’emploi est enregistrée.");
    return http::Response::redirect("/sorties/" + std::to_string(l.outcome.id), 303);
  });
}

}  // namespace

void register_outcome_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}/sorties/nouvelle", show_new);
  router.add("POST", "/personnes/{id}/sorties", submit_new);
  router.add("GET", "/sorties/{id}", show);
  router.add("POST", "/sorties/{id}/points", submit_checkin);
  router.add("POST", "/sorties/{id}/fin-du-suivi", submit_end);
}

}  // namespace parcours::followup
