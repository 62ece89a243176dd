// Commitment pages — the team of the journey (members), read only once it is closed:
//   GET  /personnes/{id}/engagements/nouveau[?type=cer]   the form, with the kind's default text
//   POST /personnes/{id}/engagements                      propose (kind, other_label, start_date,
//                                                         end_date, rights_and_duties, goals)
//   GET  /engagements/{id}                                one commitment
//   GET  /engagements/{id}/modifier                       edit form (proposed)
//   POST /engagements/{id}/modifier                       edit
//   POST /engagements/{id}/signature                      paper signature (signed_on)
//   POST /engagements/{id}/annuler                        withdraw (proposed)
//   GET  /engagements/{id}/renouveler                     renewal form (signed)
//   POST /engagements/{id}/renouveler                     renew
#include "core/clock.h"
#include "core/html/render.h"
#include "core/html/text_field.h"
#include "core/http/flash.h"
#include "features/followup/commitments.h"
#include "features/followup/dates.h"
#include "features/followup/policy.h"
#include "features/followup/routes.h"
#include "features/followup/web.h"
#include "features/people/persons.h"

namespace parcours::followup {
namespace {

using people::web::PersonPage;

enum class Mode { kNew, kEdit, kRenew };

CommitmentForm typed_form(const http::Request& r) {
  return {.kind = r.form_value("kind"),
          .other_label = r.form_value("other_label"),
          .start_date = r.form_value("start_date"),
          .end_date = r.form_value("end_date"),
          .rights_and_duties = r.form_value("rights_and_duties"),
          .goal_ids = r.form_values("goals")};
}

std::vector<std::pair<std::string, std::string>> kind_choices() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& k : commitment_kinds()) out.emplace_back(k, commitment_kind_label(k));
  return out;
}

http::Response form_page(http::Context& ctx, Mode mode, std::int64_t journey_id,
                         std::int64_t person_id, const std::string& person_name,
                         const std::string& action, const CommitmentForm& typed,
                         const Error* error) {
  ctemplate::TemplateDictionary dict("followup/commitment_form");
  dict.SetIntValue("PERSON_ID"_key, person_id);
  dict.SetValue("NAME"_key, person_name);
  std::string heading = mode == Mode::kNew    ? "Proposer un engagement réciproque"
                        : mode == Mode::kEdit ? "Modifier l’engagement"
                                              : "Renouveler l’engagement";
  dict.SetValue("HEADING"_key, heading);
  dict.SetValue("ACTION"_key, action);
  dict.SetValue("SUBMIT"_key, mode == Mode::kEdit ? "Enregistrer les modifications"
                                                  : "Proposer l’engagement à la personne");
  if (mode == Mode::kNew) {
    auto* links = dict.AddSectionDictionary("TEXT_OF_LINKS"_key);
    for (const auto& k : commitment_kinds()) {
      auto* link = links->AddSectionDictionary("TEXT_OF"_key);
      link->SetValue("CODE"_key, k);
      link->SetValue("LABEL"_key, commitment_kind_short(k) == std::string("Engagement")
                                      ? "autre engagement"
                                      : commitment_kind_short(k));
    }
  }
  if (mode == Mode::kRenew) dict.ShowSection("RENEWAL"_key);
  web::add_choices(dict, "KIND_OPTION", kind_choices(), typed.kind, "SELECTED");
  auto goals = available_goals(ctx.db, journey_id);
  if (!goals.empty()) {
    auto* choice = dict.AddSectionDictionary("GOALS_CHOICE"_key);
    for (const auto& g : goals) {
      auto* o = choice->AddSectionDictionary("GOAL_OPTION"_key);
      o->SetIntValue("CODE"_key, g.id);
      o->SetValue("LABEL"_key, g.title);
      if (std::find(typed.goal_ids.begin(), typed.goal_ids.end(), std::to_string(g.id)) !=
          typed.goal_ids.end()) {
        o->ShowSection("CHECKED"_key);
      }
    }
    if (error && error->field == "goals") html::show_form_error(*choice, *error);
  }
  html::add_text_field(dict, "OTHER_LABEL_FIELD",
                       {.name = "other_label",
                        .label = "Nom de l’engagement (pour un autre engagement)",
                        .hint = "Par exemple : contrat d’accompagnement renforcé."},
                       typed.other_label, error);
  html::add_text_field(
      dict, "START_FIELD",
      {.name = "start_date", .label = "Date de début", .hint = "jj/mm/aaaa", .type = "date"},
      typed.start_date, error);
  html::add_text_field(
      dict, "END_FIELD",
      {.name = "end_date", .label = "Date de fin", .hint = "jj/mm/aaaa", .type = "date"},
      typed.end_date, error);
  html::add_text_field(dict, "TEXT_FIELD",
                       {.name = "rights_and_duties",
                        .label = "Droits et devoirs",
                        .hint = "La personne lira ce texte avant de l’accepter : adaptez-le à sa "
                                "situation, en mots simples.",
                        .rows = 18},
                       typed.rights_and_duties, error);
  if (error) html::show_form_error(dict, *error);
  return html::page(ctx, error ? "Erreur — " + heading : heading + " — " + person_name,
                    "followup/commitment_form.tpl", dict, error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/engagements/nouveau[?type=] — team members of the active journey.
http::Response show_new(http::Context& ctx) {
  return web::with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_write_commitment(ctx.actor, p.facts)) return html::refuse(ctx);
    std::string kind = ctx.request.query_value("type");
    const auto& kinds = commitment_kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kind = "cer";
    std::int64_t day = today();
    CommitmentForm form{.kind = kind,
                        .start_date = iso_date(day),
                        .end_date = iso_date(add_months(day, 6) - 1),
                        .rights_and_duties = default_rights_and_duties(kind)};
    return form_page(ctx, Mode::kNew, p.journey->id, p.person.id, people::display_name(p.person),
                     "/personnes/" + std::to_string(p.person.id) + "/engagements", form, nullptr);
  });
}

// POST /personnes/{id}/engagements — team members of the active journey.
http::Response submit_new(http::Context& ctx) {
  return web::with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_write_commitment(ctx.actor, p.facts)) return html::refuse(ctx);
    auto typed = typed_form(ctx.request);
    auto id = propose(ctx.db, p.journey->id, typed, web::actor_in(ctx, p.territory_id));
    if (!id) {
      return form_page(ctx, Mode::kNew, p.journey->id, p.person.id, people::display_name(p.person),
                       "/personnes/" + std::to_string(p.person.id) + "/engagements", typed,
                       &id.error());
    }
    http::set_flash(ctx,
                    "L’engagement est proposé : la personne peut le lire et l’accepter dans son "
                    "espace, ou le signer sur papier.");
    return http::Response::redirect("/engagements/" + std::to_string(*id), 303);
  });
}

struct Loaded {
  Commitment commitment;
  people::PersonFacts facts;
};

std::variant<Loaded, http::Response> load(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto id = web::path_id(ctx, "id");
  auto c = id ? find_commitment(ctx.db, *id) : std::nullopt;
  if (!c) return html::error_page(ctx, 404, "Page non trouvée", "Cet engagement n’existe pas.");
  auto facts = web::facts_for(ctx, c->person_id, c->territory_id, c->journey_id);
  if (!may_view_followup(ctx.actor, facts)) return html::refuse(ctx);
  return Loaded{*c, facts};
}

template <typename F>
http::Response with_commitment(http::Context& ctx, F&& handler) {
  auto loaded = load(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<Loaded>(loaded));
}

http::Response commitment_page(http::Context& ctx, const Loaded& l, const std::string& signed_on,
                               const Error* error) {
  const Commitment& c = l.commitment;
  std::int64_t day = today();
  ctemplate::TemplateDictionary dict("followup/commitment");
  dict.SetIntValue("ID"_key, c.id);
  dict.SetIntValue("PERSON_ID"_key, c.person_id);
  dict.SetValue("NAME"_key, c.person_name);
  dict.SetValue("KIND_LABEL"_key,
                c.kind == "other" ? c.other_label : std::string(commitment_kind_label(c.kind)));
  dict.SetValue("DATES"_key, "Du " + french_date(c.start_date) + " au " + french_date(c.end_date));
  dict.SetValue("STATUS"_key, commitment_status_label(c.status, c.expired(day)));
  dict.SetValue("BADGE"_key, commitment_status_badge(c.status, c.expired(day)));
  dict.SetValue("TEXT"_key, c.rights_and_duties);
  if (c.signature == "online") {
    dict.SetValueAndShowSection(
        "SIGNATURE_TEXT",
        "Accepté par la personne dans son espace le " + format_datetime_fr(*c.accepted_at) + ".",
        "SIGNATURE"_key);
  } else if (c.signature == "paper") {
    dict.SetValueAndShowSection(
        "SIGNATURE_TEXT", "Signé sur papier le " + french_date(c.signed_on) + ".", "SIGNATURE"_key);
  }
  if (c.replaces_id) {
    dict.SetIntValue("REPLACES_ID"_key, *c.replaces_id);
    dict.ShowSection("REPLACES"_key);
  }
  if (c.replaced_by_id) {
    dict.SetIntValue("REPLACED_BY_ID"_key, *c.replaced_by_id);
    dict.ShowSection("REPLACED_BY"_key);
  }
  if (!c.goals.empty()) {
    auto* goals = dict.AddSectionDictionary("GOALS"_key);
    for (const auto& g : c.goals)
      goals->AddSectionDictionary("GOAL"_key)->SetValue("GOAL_TITLE"_key, g.title);
  }
  bool writable = may_write_commitment(ctx.actor, l.facts);
  if (writable && c.status == "proposed") {
    auto* s = dict.AddSectionDictionary("PROPOSED"_key);
    html::add_text_field(*s, "SIGNED_ON_FIELD",
                         {.name = "signed_on",
                          .label = "Date de la signature",
                          .hint = "jj/mm/aaaa",
                          .type = "date"},
                         signed_on.empty() ? iso_date(day) : signed_on, error);
    if (error) html::show_form_error(*s, *error);
  } else if (error) {
    html::show_form_error(dict, *error);
  }
  if (writable && c.status == "signed") dict.ShowSection("CAN_RENEW"_key);
  web::log_read(ctx, c.person_id, "commitments");
  std::string title =
      (c.kind == "other" ? c.other_label : std::string(commitment_kind_short(c.kind))) + " — " +
      c.person_name;
  return html::page(ctx, error ? "Erreur — " + title : title, "followup/commitment.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /engagements/{id} — the team of the journey.
http::Response show(http::Context& ctx) {
  return with_commitment(ctx, [&](Loaded& l) { return commitment_page(ctx, l, "", nullptr); });
}

// GET /engagements/{id}/modifier — team members of the active journey, a proposed commitment.
http::Response show_edit(http::Context& ctx) {
  return with_commitment(ctx, [&](Loaded& l) {
    if (!may_write_commitment(ctx.actor, l.facts)) return html::refuse(ctx);
    if (l.commitment.status != "proposed") {
      http::set_flash(ctx, "Cet engagement ne se modifie plus.");
      return http::Response::redirect("/engagements/" + std::to_string(l.commitment.id), 303);
    }
    web::log_read(ctx, l.commitment.person_id, "commitments");
    return form_page(ctx, Mode::kEdit, l.commitment.journey_id, l.commitment.person_id,
                     l.commitment.person_name,
                     "/engagements/" + std::to_string(l.commitment.id) + "/modifier",
                     form_of(l.commitment), nullptr);
  });
}

// POST /engagements/{id}/modifier — team members of the active journey.
http::Response submit_edit(http::Context& ctx) {
  return with_commitment(ctx, [&](Loaded& l) {
    if (!may_write_commitment(ctx.actor, l.facts)) return html::refuse(ctx);
    auto typed = typed_form(ctx.request);
    auto done = update_commitment(ctx.db, l.commitment.id, typed,
                                  web::actor_in(ctx, l.commitment.territory_id));
    if (!done) {
      return form_page(ctx, Mode::kEdit, l.commitment.journey_id, l.commitment.person_id,
                       l.commitment.person_name,
                       "/engagements/" + std::to_string(l.commitment.id) + "/modifier", typed,
                       &done.error());
    }
    http::set_flash(ctx, "L’engagement est modifié.");
    return http::Response::redirect("/engagements/" + std::to_string(l.commitment.id), 303);
  });
}

// POST /engagements/{id}/signature — team members of the active journey: signed_on.
http::Response submit_signature(http::Context& ctx) {
  return with_commitment(ctx, [&](Loaded& l) {
    if (!may_write_commitment(ctx.actor, l.facts)) return html::refuse(ctx);
    std::string signed_on = ctx.request.form_value("signed_on");
    auto done = record_paper_signature(ctx.db, l.commitment.id, signed_on,
                                       web::actor_in(ctx, l.commitment.territory_id));
    if (!done) return commitment_page(ctx, l, signed_on, &done.error());
    http::set_flash(ctx, "La signature sur papier est enregistrée.");
    return http::Response::redirect("/engagements/" + std::to_string(l.commitment.id), 303);
  });
}

// POST /engagements/{id}/annuler — team members of the active journey.
http::Response submit_cancel(http::Context& ctx) {
  return with_commitment(ctx, [&](Loaded& l) {
    if (!may_write_commitment(ctx.actor, l.facts)) return html::refuse(ctx);
    auto done =
        cancel_commitment(ctx.db, l.commitment.id, web::actor_in(ctx, l.commitment.territory_id));
    if (!done) return commitment_page(ctx, l, "", &done.error());
    http::set_flash(ctx, "L’engagement est annulé.");
    return http::Response::redirect(
        "/personnes/" + std::to_string(l.commitment.person_id) + "/suivi", 303);
  });
}

CommitmentForm renewal_of(const Commitment& c) {
  CommitmentForm form = form_of(c);
  auto end = parse_date(c.end_date);
  std::int64_t start = std::max(end ? *end + 1 : today(), today());
  form.start_date = iso_date(start);
  form.end_date = iso_date(add_months(start, 6) - 1);
  return form;
}

// GET /engagements/{id}/renouveler — team members of the active journey, a signed commitment.
http::Response show_renew(http::Context& ctx) {
  return with_commitment(ctx, [&](Loaded& l) {
    if (!may_write_commitment(ctx.actor, l.facts)) return html::refuse(ctx);
    if (l.commitment.status != "signed") {
      http::set_flash(ctx, "Seul un engagement signé se renouvelle.");
      return http::Response::redirect("/engagements/" + std::to_string(l.commitment.id), 303);
    }
    web::log_read(ctx, l.commitment.person_id, "commitments");
    return form_page(ctx, Mode::kRenew, l.commitment.journey_id, l.commitment.person_id,
                     l.commitment.person_name,
                     "/engagements/" + std::to_string(l.commitment.id) + "/renouveler",
                     renewal_of(l.commitment), nullptr);
  });
}

// POST /engagements/{id}/renouveler — team members of the active journey.
http::Response submit_renew(http::Context& ctx) {
  return with_commitment(ctx, [&](Loaded& l) {
    if (!may_write_commitment(ctx.actor, l.facts)) return html::refuse(ctx);
    auto typed = typed_form(ctx.request);
    auto id = renew(ctx.db, l.commitment.id, typed, web::actor_in(ctx, l.commitment.territory_id));
    if (!id) {
      return form_page(ctx, Mode::kRenew, l.commitment.journey_id, l.commitment.person_id,
                       l.commitment.person_name,
                       "/engagements/" + std::to_string(l.commitment.id) + "/renouveler", typed,
                       &id.error());
    }
    http::set_flash(ctx, "Le nouvel engagement est proposé ; il remplace le précédent.");
    return http::Response::redirect("/engagements/" + std::to_string(*id), 303);
  });
}

}  // namespace

void register_commitment_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}/engagements/nouveau", show_new);
  router.add("POST", "/personnes/{id}/engagements", submit_new);
  router.add("GET", "/engagements/{id}", show);
  router.add("GET", "/engagements/{id}/modifier", show_edit);
  router.add("POST", "/engagements/{id}/modifier", submit_edit);
  router.add("POST", "/engagements/{id}/signature", submit_signature);
  router.add("POST", "/engagements/{id}/annuler", submit_cancel);
  router.add("GET", "/engagements/{id}/renouveler", show_renew);
  router.add("POST", "/engagements/{id}/renouveler", submit_renew);
}

}  // namespace parcours::followup
