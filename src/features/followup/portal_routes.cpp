// The person's commitments in their space:
//   GET  /mon-espace/engagements                 the signed-in person: their commitments
//   GET  /mon-espace/engagements/{id}            one of them, to read (and accept when proposed)
//   POST /mon-espace/engagements/{id}/accepter   the signed-in person: accept (box "accept")
#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/store/db.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/policy.h"
#include "features/followup/routes.h"
#include "features/followup/web.h"
#include "features/portal/accesses.h"
#include "features/portal/pages.h"

namespace parcours::followup {
namespace {

bool journey_active(store::Connection& conn, std::int64_t journey_id) {
  auto row = conn.query_one("SELECT status FROM journeys WHERE id = $1", {journey_id});
  return row && row->text(0) != "closed";
}

std::string signature_text(const Commitment& c) {
  if (c.signature == "online")
    return "Vous l’avez accepté le " + format_datetime_fr(*c.accepted_at) + ".";
  if (c.signature == "paper") return "Vous l’avez signé le " + french_date(c.signed_on) + ".";
  return "";
}

// GET /mon-espace/engagements — the signed-in person.
http::Response list(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  std::int64_t day = today();
  ctemplate::TemplateDictionary dict("followup/mine");
  auto all = commitments_of_person(ctx.db, *person);
  bool any = false;
  for (const auto& c : all) {
    if (!person_may_view_commitment(person, c.person_id) || c.status == "cancelled") continue;
    auto* item = dict.AddSectionDictionary("ITEM"_key);
    item->SetIntValue("ID"_key, c.id);
    item->SetValue("LABEL"_key, c.kind == "other" ? c.other_label : commitment_kind_label(c.kind));
    item->SetValue("DATES"_key,
                   "Du " + french_date(c.start_date) + " au " + french_date(c.end_date));
    item->SetValue("STATUS"_key, c.status == "proposed"
                                     ? "À lire et accepter"
                                     : commitment_status_label(c.status, c.expired(day)));
    item->SetValue("BADGE"_key, commitment_status_badge(c.status, c.expired(day)));
    std::string s = signature_text(c);
    if (!s.empty()) item->SetValueAndShowSection("SIGNATURE_TEXT"_key, s, "SIGNATURE"_key);
    any = true;
  }
  if (!any) dict.ShowSection("NONE"_key);
  store::with_transaction(ctx.db, [&] { portal::log_own_read(ctx.db, *person, "commitments"); });
  return html::page(ctx, "Mes engagements", "followup/mine.tpl", dict);
}

http::Response one_page(http::Context& ctx, const Commitment& c, bool checked, const Error* error) {
  std::int64_t day = today();
  ctemplate::TemplateDictionary dict("followup/mine_one");
  dict.SetIntValue("ID"_key, c.id);
  std::string label = c.kind == "other" ? c.other_label : commitment_kind_label(c.kind);
  dict.SetValue("LABEL"_key, label);
  dict.SetValue("DATES"_key, "Du " + french_date(c.start_date) + " au " + french_date(c.end_date));
  dict.SetValue("STATUS"_key, c.status == "proposed"
                                  ? "À lire et accepter"
                                  : commitment_status_label(c.status, c.expired(day)));
  dict.SetValue("BADGE"_key, commitment_status_badge(c.status, c.expired(day)));
  dict.SetValue("TEXT"_key, c.rights_and_duties);
  std::string s = signature_text(c);
  if (!s.empty()) dict.SetValueAndShowSection("SIGNATURE_TEXT"_key, s, "SIGNATURE"_key);
  auto person = portal::signed_in_person(ctx);
  if (person_may_accept(person, c.person_id, c.status, journey_active(ctx.db, c.journey_id))) {
    auto* form = dict.AddSectionDictionary("CAN_ACCEPT"_key);
    if (checked) form->ShowSection("CHECKED"_key);
    if (error) html::show_form_error(*form, *error);
  } else if (error) {
    html::show_form_error(dict, *error);
  }
  store::with_transaction(ctx.db,
                          [&] { portal::log_own_read(ctx.db, c.person_id, "commitments"); });
  return html::page(ctx, error ? "Erreur — " + label : label, "followup/mine_one.tpl", dict,
                    error ? http_status(error->code) : 200);
}

std::optional<Commitment> own(http::Context& ctx, const std::optional<std::int64_t>& person) {
  auto id = web::path_id(ctx, "id");
  auto c = id ? find_commitment(ctx.db, *id) : std::nullopt;
  if (!c || !person_may_view_commitment(person, c->person_id) || c->status == "cancelled") {
    return std::nullopt;
  }
  return c;
}

// GET /mon-espace/engagements/{id} — the signed-in person, their commitment.
http::Response show(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  auto c = own(ctx, person);
  if (!c) return html::error_page(ctx, 404, "Page non trouvée", "Cet engagement n’existe pas.");
  return one_page(ctx, *c, false, nullptr);
}

// POST /mon-espace/engagements/{id}/accepter — the signed-in person: accept ("oui" when ticked).
http::Response submit_accept(http::Context& ctx) {
  auto person = portal::signed_in_person(ctx);
  if (!person) return portal::to_login(ctx);
  auto c = own(ctx, person);
  if (!c) return html::error_page(ctx, 404, "Page non trouvée", "Cet engagement n’existe pas.");
  bool checked = ctx.request.form_value("accept") == "oui";
  auto done = accept_online(ctx.db, c->id, *person, checked, now_seconds());
  if (!done) return one_page(ctx, *c, checked, &done.error());
  http::set_flash(ctx,
                  "Merci : votre accord est enregistré. Votre référent(e) le voit dès maintenant.");
  return http::Response::redirect("/mon-espace/engagements/" + std::to_string(c->id), 303);
}

}  // namespace

void fill_home_section(http::Context& ctx, ctemplate::TemplateDictionary& dict,
                       std::int64_t person_id) {
  auto* section = dict.AddIncludeDictionary("FOLLOWUP"_key);
  section->SetFilename("followup/home_section.tpl");
  for (const auto& c : commitments_of_person(ctx.db, person_id)) {
    if (c.status != "proposed" || !journey_active(ctx.db, c.journey_id)) continue;
    auto* item = section->AddSectionDictionary("TO_ACCEPT"_key);
    item->SetIntValue("ID"_key, c.id);
    item->SetValue("LABEL"_key, c.kind == "other" ? c.other_label : commitment_kind_label(c.kind));
  }
}

void register_portal_routes(http::Router& router) {
  router.add("GET", "/mon-espace/engagements", list);
  router.add("GET", "/mon-espace/engagements/{id}", show);
  router.add("POST", "/mon-espace/engagements/{id}/accepter", submit_accept);
}

}  // namespace parcours::followup
