// The pages of the person's own space. Every page is about the person of the session only
// (policy.h); every read of their record from here is logged as their own (accesses.h), and
// every change goes through the service that journals it.
#include <boost/json.hpp>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/appointments/routes.h"
#include "features/followup/routes.h"
#include "features/people/identity.h"
#include "features/people/journeys.h"
#include "features/people/persons.h"
#include "features/people/team.h"
#include "features/plan/routes.h"
#include "features/portal/accesses.h"
#include "features/portal/objections.h"
#include "features/portal/pages.h"
#include "features/portal/person_sessions.h"
#include "features/portal/policy.h"
#include "features/portal/record.h"
#include "features/portal/referent_requests.h"
#include "features/portal/timeline.h"

namespace parcours::portal {
namespace {

// "12 mars 2027" from an instant.
std::string date_fr(std::int64_t at) {
  std::string when = format_datetime_fr(at);
  return when.substr(0, when.find(" à "));
}

// The person of the session, when they may read their record; a record gone or merged since
// sign-in ends the session.
std::optional<people::Person> current_person(http::Context& ctx) {
  auto id = signed_in_person(ctx);
  if (!id || !may_read_record(id, *id)) return std::nullopt;
  auto person = people::find_person(ctx.db, *id);
  if (!person || person->merged_into) {
    destroy_person_session(ctx.db, ctx.person_session->id);
    ctx.person_session.reset();
    ctx.response_headers.emplace_back("Set-Cookie", person_session_cookie("", ctx.config));
    return std::nullopt;
  }
  return person;
}

void fill_member(ctemplate::TemplateDictionary* dict, const people::Member& member) {
  dict->SetValue("NAME", member.name);
  dict->SetValue("ROLE", member.referent() ? "Votre référent(e)" : "Membre de votre équipe");
  if (member.referent()) dict->ShowSection("REFERENT");
  dict->SetValue("ORGANISATION", member.organisation_name);
  if (!member.organisation_phone.empty()) {
    auto* phone = dict->AddSectionDictionary("ORG_PHONE");
    auto e164 = people::normalise_phone(member.organisation_phone);
    phone->SetValue("PHONE", e164 ? people::display_phone(*e164) : member.organisation_phone);
    if (e164)
      phone->SetValueAndShowSection("TEL", *e164, "TEL_LINK");
    else
      phone->ShowSection("NO_TEL_LINK");
  }
  if (!member.organisation_email.empty()) {
    dict->SetValueAndShowSection("EMAIL", member.organisation_email, "ORG_EMAIL");
  }
}

void fill_rows(ctemplate::TemplateDictionary& dict, const char* section,
               const std::vector<Labelled>& rows) {
  for (const auto& row : rows) {
    auto* entry = dict.AddSectionDictionary(section);
    entry->SetValue("LABEL", row.label);
    entry->SetValue("VALUE", row.value.empty() ? "Non renseigné" : row.value);
  }
}

void fill_timeline(ctemplate::TemplateDictionary& dict, const std::vector<TimelineItem>& items) {
  if (items.empty()) dict.ShowSection("NO_ITEM");
  for (const auto& item : items) {
    auto* entry = dict.AddSectionDictionary("ITEM");
    entry->SetValue("WHEN", format_datetime_fr(item.at));
    entry->SetValue("TITLE", item.title);
    if (item.note) {
      entry->ShowSection("NOTE");
      // One paragraph per line the author wrote: no CSS needed to keep them apart.
      std::size_t start = 0;
      while (start <= item.body.size()) {
        std::size_t end = item.body.find('\n', start);
        if (end == std::string::npos) end = item.body.size();
        std::string line = text::trim(std::string_view(item.body).substr(start, end - start));
        if (!line.empty()) entry->SetValueAndShowSection("TEXT", line, "PARAGRAPH");
        start = end + 1;
      }
      if (item.correction) entry->ShowSection("CORRECTION");
      if (item.corrected) entry->ShowSection("CORRECTED");
    } else {
      entry->ShowSection("EVENT");
    }
  }
}

void fill_accesses(ctemplate::TemplateDictionary& dict, const std::vector<Access>& accesses) {
  if (accesses.empty())
    dict.ShowSection("NO_ACCESS");
  else
    dict.ShowSection("ACCESSES");
  for (const auto& access : accesses) {
    auto* row = dict.AddSectionDictionary("ACCESS");
    row->SetValue("WHEN", format_datetime_fr(access.at));
    row->SetValue("ORGANISATION", access.organisation);
    row->SetValue("ROLE", access.role);
    if (access.count > 1) {
      row->SetValueAndShowSection("COUNT", std::to_string(access.count), "SEVERAL");
    }
  }
}

people::ContactForm contact_from(const http::Request& request) {
  return {.email = request.form_value("email"),
          .phone = request.form_value("phone"),
          .phone2 = request.form_value("phone2"),
          .address = request.form_value("address"),
          .address_complement = request.form_value("address_complement"),
          .postcode = request.form_value("postcode"),
          .commune = request.form_value("commune"),
          .no_fixed_address = !request.form_value("no_fixed_address").empty(),
          .domiciliation = request.form_value("domiciliation")};
}

http::Response contact_page(http::Context& ctx, const people::ContactForm& form,
                            const Error* error) {
  ctemplate::TemplateDictionary dict("portal/contact");
  dict.SetValue("EMAIL", form.email);
  dict.SetValue("PHONE", form.phone);
  dict.SetValue("PHONE2", form.phone2);
  dict.SetValue("ADDRESS", form.address);
  dict.SetValue("ADDRESS_COMPLEMENT", form.address_complement);
  dict.SetValue("POSTCODE", form.postcode);
  dict.SetValue("COMMUNE", form.commune);
  if (form.no_fixed_address) dict.ShowSection("NO_FIXED_ADDRESS");
  dict.SetValue("DOMICILIATION", form.domiciliation);
  if (error) html::show_form_error(dict, *error);
  std::string title = "Mes coordonnées";
  return html::page(ctx, error ? "Erreur — " + title : title, "portal/contact.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// Active journeys that have a référent: where the person may ask for another one.
struct ReferentChoice {
  people::Journey journey;
  people::Member referent;
};

std::vector<ReferentChoice> referent_choices(store::Connection& conn, std::int64_t person_id) {
  std::vector<ReferentChoice> out;
  for (auto& journey : people::journeys_of(conn, person_id)) {
    if (!journey.active()) continue;
    for (auto& member : people::team_of(conn, journey.id)) {
      if (member.referent()) out.push_back({journey, std::move(member)});
    }
  }
  return out;
}

http::Response referent_page(http::Context& ctx, const people::Person& person,
                             const std::string& journey_id, const std::string& reason,
                             const Error* error) {
  ctemplate::TemplateDictionary dict("portal/referent");
  auto choices = referent_choices(ctx.db, person.id);
  if (choices.empty()) {
    dict.ShowSection("NO_REFERENT");
  } else {
    dict.ShowSection("FORM");
    if (choices.size() == 1) {
      auto* single = dict.AddSectionDictionary("SINGLE");
      single->SetIntValue("JOURNEY_ID", choices[0].journey.id);
      single->SetValue("REFERENT", choices[0].referent.name);
      single->SetValue("ORGANISATION", choices[0].referent.organisation_name);
    } else {
      dict.ShowSection("SEVERAL");
      for (const auto& choice : choices) {
        auto* option = dict.AddSectionDictionary("JOURNEY");
        option->SetIntValue("ID", choice.journey.id);
        option->SetValue("TERRITORY", choice.journey.territory_name);
        option->SetValue("REFERENT", choice.referent.name);
        option->SetValue("ORGANISATION", choice.referent.organisation_name);
        if (journey_id == std::to_string(choice.journey.id)) option->ShowSection("CHECKED");
      }
    }
  }
  dict.SetValue("REASON", reason);
  for (const auto& request : referent_requests_of(ctx.db, person.id)) {
    dict.ShowSection("HAS_REQUESTS");
    auto* row = dict.AddSectionDictionary("REQUEST");
    row->SetValue("WHEN", format_datetime_fr(request.created_at));
    row->SetValue("REASON", request.reason);
  }
  if (error) html::show_form_error(dict, *error);
  std::string title = "Demander un autre référent";
  return html::page(ctx, error ? "Erreur — " + title : title, "portal/referent.tpl", dict,
                    error ? http_status(error->code) : 200);
}

http::Response objections_page(http::Context& ctx, const people::Person& person,
                               const Error* error) {
  ctemplate::TemplateDictionary dict("portal/objections");
  auto choices = objection_choices(ctx.db, person.id);
  if (choices.empty())
    dict.ShowSection("NO_CHOICE");
  else
    dict.ShowSection("CHOICES");
  for (const auto& choice : choices) {
    auto* row = dict.AddSectionDictionary("CHOICE");
    row->SetIntValue("ID", choice.organisation_id);
    row->SetValue("NAME", choice.name);
    row->SetValue("KIND", choice.kind);
    if (choice.objected) {
      row->SetValueAndShowSection("SINCE", date_fr(choice.objected_at.value_or(0)), "OBJECTED");
      if (choice.in_team) row->ShowSection("IN_TEAM");
    } else {
      row->ShowSection("SHARED");
    }
  }
  if (error) html::show_form_error(dict, *error);
  std::string title = "Le partage de mon dossier";
  return html::page(ctx, error ? "Erreur — " + title : title, "portal/objections.tpl", dict,
                    error ? http_status(error->code) : 200);
}

}  // namespace

// GET /mon-espace — the signed-in person: their journeys, team, appointments, and the links.
http::Response show_home(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  ctemplate::TemplateDictionary dict("portal/home");
  dict.SetValue("FIRST_NAMES", person->first_names);
  bool any_active = false;
  for (const auto& journey : people::journeys_of(ctx.db, person->id)) {
    if (!journey.active()) {
      auto* closed = dict.AddSectionDictionary("CLOSED_JOURNEY");
      closed->SetValue("TERRITORY", journey.territory_name);
      closed->SetValue("OPENED", date_fr(journey.opened_at));
      closed->SetValue("CLOSED", date_fr(journey.closed_at.value_or(journey.opened_at)));
      continue;
    }
    any_active = true;
    auto* section = dict.AddSectionDictionary("JOURNEY");
    section->SetIntValue("ID", journey.id);
    section->SetValue("TERRITORY", journey.territory_name);
    section->SetValue("STATUS", status_for_person(journey.status));
    section->SetValue("OPENED", date_fr(journey.opened_at));
    auto team = people::team_of(ctx.db, journey.id);
    if (team.empty())
      section->ShowSection("NO_TEAM");
    else
      section->ShowSection("TEAM");
    for (const auto& member : team) fill_member(section->AddSectionDictionary("MEMBER"), member);
  }
  if (!any_active) dict.ShowSection("NO_JOURNEY");
  appointments::fill_home_section(ctx, dict, person->id);
  plan::fill_home_section(ctx, dict, person->id);
  followup::fill_home_section(ctx, dict, person->id);
  store::with_transaction(ctx.db, [&] { log_own_read(ctx.db, person->id, "home"); });
  return html::page(ctx, "Mon espace", "portal/home.tpl", dict);
}

// GET /mon-espace/carnet — the signed-in person: what their team shared with them.
http::Response show_timeline(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  ctemplate::TemplateDictionary dict("portal/timeline");
  fill_timeline(dict, person_timeline(ctx.db, person->id));
  store::with_transaction(ctx.db, [&] { log_own_read(ctx.db, person->id, "timeline"); });
  return html::page(ctx, "Mon carnet de bord", "portal/timeline.tpl", dict);
}

// GET /mon-espace/coordonnees — the signed-in person: their contact details in a form.
http::Response show_contact(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  store::with_transaction(ctx.db, [&] { log_own_read(ctx.db, person->id, "contact"); });
  return contact_page(ctx, people::contact_form_of(*person), nullptr);
}

// POST /mon-espace/coordonnees — the signed-in person: email, phone, phone2, address,
// address_complement, postcode, commune, no_fixed_address, domiciliation.
http::Response submit_contact(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  if (!may_update_contact(signed_in_person(ctx), person->id)) return to_login(ctx);
  auto form = contact_from(ctx.request);
  auto updated = people::update_contact(ctx.db, person->id, form, people::Provenance::person());
  if (!updated) return contact_page(ctx, form, &updated.error());
  http::set_flash(ctx, "Vos coordonnées sont enregistrées. Votre équipe les voit dès maintenant.");
  return http::Response::redirect("/mon-espace/coordonnees", 303);
}

// GET /mon-espace/changer-de-referent — the signed-in person.
http::Response show_referent_request(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  return referent_page(ctx, *person, "", "", nullptr);
}

// POST /mon-espace/changer-de-referent — the signed-in person: journey_id, reason.
http::Response submit_referent_request(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  std::string journey_text = ctx.request.form_value("journey_id");
  std::string reason = ctx.request.form_value("reason");
  auto journey_id = text::parse_id(journey_text);
  Result<std::int64_t> requested =
      journey_id ? request_referent_change(ctx.db, signed_in_person(ctx), person->id, *journey_id,
                                           reason, ctx.config.public_url)
                 : fail(ErrorCode::kInvalid, "Choisissez le parcours concerné.", "journey_id");
  if (!requested) return referent_page(ctx, *person, journey_text, reason, &requested.error());
  http::set_flash(
      ctx, "Votre demande est envoyée à votre équipe. Elle vous recontactera pour en parler.");
  return http::Response::redirect("/mon-espace", 303);
}

// GET /mon-espace/consultations — the signed-in person: who read their record and when.
http::Response show_accesses(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  ctemplate::TemplateDictionary dict("portal/accesses");
  fill_accesses(dict, list_accesses(ctx.db, person->id));
  store::with_transaction(ctx.db, [&] { log_own_read(ctx.db, person->id, "accesses"); });
  return html::page(ctx, "Qui a consulté mon dossier", "portal/accesses.tpl", dict);
}

// GET /mon-espace/mes-donnees — the signed-in person: how to get a copy of their data.
http::Response show_my_data(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  ctemplate::TemplateDictionary dict("portal/my_data");
  return html::page(ctx, "Mes données", "portal/my_data.tpl", dict);
}

// GET /mon-espace/mes-donnees.json — the signed-in person: everything, as a JSON file.
http::Response download_json(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  auto record = gather_record(ctx.db, *person);
  store::with_transaction(ctx.db, [&] { log_own_read(ctx.db, person->id, "export"); });
  auto response = http::Response::json(record_json(record));
  response.set_header("Content-Disposition", "attachment; filename=\"mes-donnees-parcours.json\"");
  return response;
}

// GET /mon-espace/mes-donnees/imprimer — the signed-in person: everything, as a page to print.
http::Response show_printable(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  auto record = gather_record(ctx.db, *person);
  ctemplate::TemplateDictionary dict("portal/printable");
  dict.SetValue("GENERATED", format_datetime_fr(record.generated_at));
  fill_rows(dict, "IDENTITY", record.identity);
  fill_rows(dict, "CONTACT", record.contact);
  fill_rows(dict, "SITUATION", record.situation);
  if (record.sources.empty())
    dict.ShowSection("NO_SOURCE");
  else
    dict.ShowSection("SOURCES");
  fill_rows(dict, "SOURCE", record.sources);
  if (record.journeys.empty()) dict.ShowSection("NO_JOURNEY");
  for (const auto& [journey, team] : record.journeys) {
    auto* section = dict.AddSectionDictionary("JOURNEY");
    section->SetValue("TERRITORY", journey.territory_name);
    section->SetValue("STATUS", status_for_person(journey.status));
    section->SetValue("OPENED", date_fr(journey.opened_at));
    auto entry = people::parse_entry(journey.entry);
    section->SetValue("ENTRY", entry ? people::entry_label(*entry) : journey.entry);
    if (!journey.need.empty()) section->SetValueAndShowSection("NEED", journey.need, "HAS_NEED");
    if (journey.closed_at) {
      section->SetValueAndShowSection("CLOSED", date_fr(*journey.closed_at), "IS_CLOSED");
    }
    if (team.empty()) section->ShowSection("NO_MEMBER");
    for (const auto& member : team) {
      auto* row = section->AddSectionDictionary("MEMBER");
      row->SetValue("NAME", member.name);
      row->SetValue("ORGANISATION", member.organisation_name);
      row->SetValue("ROLE", member.role == "referent" ? "Référent(e)" : "Membre");
      row->SetValue("JOINED", date_fr(member.joined_at));
      if (member.left_at) row->SetValueAndShowSection("LEFT", date_fr(*member.left_at), "HAS_LEFT");
    }
  }
  fill_timeline(dict, record.timeline);
  if (record.objections.empty()) dict.ShowSection("NO_OBJECTION");
  for (const auto& objection : record.objections) {
    auto* row = dict.AddSectionDictionary("OBJECTION");
    row->SetValue("NAME", objection.name);
    row->SetValue("SINCE", date_fr(objection.objected_at.value_or(0)));
  }
  if (record.referent_requests.empty()) dict.ShowSection("NO_REQUEST");
  for (const auto& request : record.referent_requests) {
    auto* row = dict.AddSectionDictionary("REQUEST");
    row->SetValue("WHEN", format_datetime_fr(request.created_at));
    row->SetValue("REASON", request.reason);
  }
  fill_accesses(dict, record.accesses);
  store::with_transaction(ctx.db, [&] { log_own_read(ctx.db, person->id, "export"); });
  return html::page(ctx, "Toutes mes données", "portal/printable.tpl", dict);
}

// GET /mon-espace/partage — the signed-in person: organisations they may object to.
http::Response show_objections(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  return objections_page(ctx, *person, nullptr);
}

// POST /mon-espace/partage/opposer — the signed-in person: organisation_id.
http::Response submit_objection(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  auto organisation_id = text::parse_id(ctx.request.form_value("organisation_id"));
  auto done = organisation_id
                  ? object_to(ctx.db, signed_in_person(ctx), person->id, *organisation_id)
                  : Result<void>(fail(ErrorCode::kNotFound, "Cette structure n'existe pas."));
  if (!done) return objections_page(ctx, *person, &done.error());
  http::set_flash(ctx, "C’est noté : cette structure ne pourra pas consulter votre dossier.");
  return http::Response::redirect("/mon-espace/partage", 303);
}

// POST /mon-espace/partage/retirer — the signed-in person: organisation_id.
http::Response submit_withdrawal(http::Context& ctx) {
  auto person = current_person(ctx);
  if (!person) return to_login(ctx);
  auto organisation_id = text::parse_id(ctx.request.form_value("organisation_id"));
  auto done =
      organisation_id
          ? withdraw_objection(ctx.db, signed_in_person(ctx), person->id, *organisation_id)
          : Result<void>(fail(ErrorCode::kNotFound,
                              "Vous ne vous opposiez pas au partage avec cette structure."));
  if (!done) return objections_page(ctx, *person, &done.error());
  http::set_flash(ctx, "C’est noté : vous ne vous opposez plus au partage avec cette structure.");
  return http::Response::redirect("/mon-espace/partage", 303);
}

}  // namespace parcours::portal
