// Handlers of the diagnostic pages. The forms are drawn by the generic renderer from the stored
// definitions (socle commun + the territory's extra questions, current versions); answers are
// checked by the generic validator; nothing is written when a field is wrong.
#include "features/portal/pages.h"

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/diagnostic/diagnostics.h"
#include "features/diagnostic/forms.h"
#include "features/diagnostic/policy.h"
#include "features/diagnostic/renderer.h"
#include "features/diagnostic/routes.h"
#include "features/people/web.h"
#include "features/portal/accesses.h"
#include "features/rome/appellations.h"
#include "features/territories/territory.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;
using people::web::PersonPage;

// The socle commun followed by the territory's extra questions, as one form.
struct Forms {
  StoredForm socle;
  std::optional<StoredForm> extra;
  FormDefinition combined;
};

std::optional<Forms> forms_for(store::Connection& conn, std::int64_t territory_id) {
  auto socle = current_socle_commun(conn);
  if (!socle) return std::nullopt;
  Forms f{*socle, current_territory_extra(conn, territory_id), socle->definition};
  if (f.extra) {
    for (const auto& s : f.extra->definition.sections) f.combined.sections.push_back(s);
  }
  return f;
}

// The form a saved version was answered with (its own versions).
FormDefinition form_of(store::Connection& conn, const DiagnosticVersion& v) {
  FormDefinition out;
  if (auto socle = form_by_id(conn, v.form_id)) out = socle->definition;
  if (v.extra_form_id) {
    if (auto extra = form_by_id(conn, *v.extra_form_id)) {
      for (const auto& s : extra->definition.sections) out.sections.push_back(s);
    }
  }
  return out;
}

RomeLookup rome_lookup(store::Connection& conn) {
  return [&conn](std::string_view q) {
    std::vector<RomeJob> out;
    auto hits = rome::search_appellations(conn, q, rome::kMaxResults);
    if (hits) {
      for (const auto& h : *hits) out.push_back({h.code_rome, h.label});
    }
    return out;
  };
}

std::vector<RomeJob> suggestions_for(store::Connection& conn, const Error* error,
                                     const Fields& fields) {
  if (!error || !error->field.ends_with(".recherche")) return {};
  auto it = fields.find(error->field);
  if (it == fields.end()) return {};
  auto found = rome_lookup(conn)(it->second);
  if (found.size() > 10) found.resize(10);
  return found;
}

template <typename F>
http::Response with_person(http::Context& ctx, F&& handler) {
  auto loaded = people::web::load_person_page(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<PersonPage>(loaded));
}

std::string person_name(const people::Person& p) {
  return p.first_names + " " + (p.usage_name.empty() ? p.birth_name : p.usage_name);
}

std::string when(std::int64_t at) { return format_datetime_fr(at); }

void common(ctemplate::TemplateDictionary& dict, const PersonPage& p) {
  dict.SetIntValue("PERSON_ID", p.person.id);
  dict.SetValue("NAME", person_name(p.person));
}

http::Response professional_page(http::Context& ctx, PersonPage& p, const Forms& forms,
                                 const json::object& values, const json::object& sources,
                                 const Error* error, std::vector<RomeJob> suggestions) {
  ctemplate::TemplateDictionary dict("diagnostic_professional");
  common(dict, p);
  auto mine = current_diagnostic(ctx.db, p.journey->id, kByProfessional);
  auto theirs = current_diagnostic(ctx.db, p.journey->id, kByPerson);
  json::object none;
  if (theirs) {
    dict.ShowSection("PERSON_PART");
    dict.SetValue("PERSON_SAVED_AT", when(theirs->created_at));
  } else {
    dict.ShowSection("NO_PERSON_PART");
  }
  if (mine) {
    dict.ShowSection("SAVED");
    dict.SetIntValue("VERSION", mine->version);
    dict.SetValue("SAVED_AT", when(mine->created_at));
    dict.SetValue("SAVED_BY", mine->user_name);
  } else {
    dict.ShowSection("FIRST_TIME");
  }
  if (may_write_diagnostic(ctx.actor, p.facts)) dict.ShowSection("CAN_WRITE");
  if (error) {
    dict.ShowSection("ERROR_SUMMARY");
    dict.SetValue("ERROR_MESSAGE", error->message);
    dict.SetValue("ERROR_ANCHOR", html_id(error->field));
  }
  auto* fields = dict.AddIncludeDictionary("FIELDS");
  fields->SetFilename("diagnostic/fields.tpl");
  render_form(*fields, forms.combined,
              {.values = &values,
               .sources = &sources,
               .person_words = theirs ? &theirs->answers : &none,
               .error = error,
               .rome_suggestions = std::move(suggestions)});
  return html::page(ctx, "Diagnostic de " + person_name(p.person), "diagnostic/professional.tpl",
                    dict, error ? 422 : 200);
}

// GET /personnes/{id}/diagnostic — whoever may see the journey (team, chargés d'orientation):
// the professional diagnostic, the person's words next to each question.
http::Response show_professional(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_read_diagnostic(ctx.actor, p.facts)) return html::refuse(ctx);
    auto forms = forms_for(ctx.db, p.journey->territory_id);
    if (!forms)
      return html::error_page(ctx, 503, "Diagnostic indisponible",
                              "Le socle commun n’est pas chargé : lancez « parcours migrate ».");
    store::with_transaction(ctx.db, [&] { people::web::log_read(ctx, p.person.id, "diagnostic"); });
    json::object values;
    json::object sources;
    if (auto mine = current_diagnostic(ctx.db, p.journey->id, kByProfessional)) {
      values = mine->answers;
      sources = mine->sources;
    } else {
      auto prefill = prefill_from_person(ctx.db, p.person.id);
      values = std::move(prefill.answers);
      sources = std::move(prefill.sources);
    }
    return professional_page(ctx, p, *forms, values, sources, nullptr, {});
  });
}

// POST /personnes/{id}/diagnostic — the team, while the journey is active: every question of
// the form (see form.h for the field names). A new version; nothing written on a bad field.
http::Response save_professional(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_write_diagnostic(ctx.actor, p.facts)) return html::refuse(ctx);
    auto forms = forms_for(ctx.db, p.journey->territory_id);
    if (!forms)
      return html::error_page(ctx, 503, "Diagnostic indisponible", "Socle commun absent.");
    const Fields& fields = ctx.request.form();
    auto answers = validate_answers(forms->combined, fields, rome_lookup(ctx.db));
    if (!answers) {
      json::object raw = raw_answers(forms->combined, fields);
      json::object none;
      return professional_page(ctx, p, *forms, raw, none, &answers.error(),
                               suggestions_for(ctx.db, &answers.error(), fields));
    }
    // Sources of pre-filled values stay as long as the value is unchanged.
    json::object sources;
    auto previous = current_diagnostic(ctx.db, p.journey->id, kByProfessional);
    json::object known =
        previous ? previous->sources : prefill_from_person(ctx.db, p.person.id).sources;
    json::object before =
        previous ? previous->answers : prefill_from_person(ctx.db, p.person.id).answers;
    for (const auto& [key, source] : known) {
      auto now = answers->if_contains(key);
      auto then = before.if_contains(key);
      if (now && then && *now == *then) sources[key] = source;
    }
    auto me = people::web::team_actor(ctx, p.territory_id);
    auto saved = save_diagnostic(
        ctx.db, {.journey_id = p.journey->id,
                 .author = kByProfessional,
                 .form_id = forms->socle.id,
                 .extra_form_id = forms->extra ? std::optional(forms->extra->id) : std::nullopt,
                 .answers = std::move(*answers),
                 .sources = std::move(sources),
                 .user_id = me.user_id,
                 .organisation_id = me.organisation_id});
    if (!saved) return html::error_page(ctx, saved.error());
    http::set_flash(ctx, "Diagnostic enregistré (version " + std::to_string(saved->version) + ").");
    return http::Response::redirect("/personnes/" + std::to_string(p.person.id) + "/diagnostic",
                                    303);
  });
}

const char* author_label(std::string_view author) {
  return author == kByPerson ? "La personne" : "Professionnel(le)";
}

// GET /personnes/{id}/diagnostic/historique — whoever may see the journey: every version of
// both parts, and the choice of two versions to compare.
http::Response show_history(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_read_diagnostic(ctx.actor, p.facts)) return html::refuse(ctx);
    store::with_transaction(ctx.db,
                            [&] { people::web::log_read(ctx, p.person.id, "diagnostic_history"); });
    ctemplate::TemplateDictionary dict("diagnostic_history");
    common(dict, p);
    bool any = false;
    for (const char* author : {kByProfessional, kByPerson}) {
      auto versions = diagnostic_versions(ctx.db, p.journey->id, author);
      if (versions.empty()) continue;
      any = true;
      auto* part = dict.AddSectionDictionary("PART");
      part->SetValue("AUTHOR", author);
      part->SetValue("AUTHOR_LABEL", author == std::string_view(kByPerson)
                                         ? "Les besoins exprimés par la personne"
                                         : "Le diagnostic des professionnels");
      for (const auto& v : versions) {
        auto* row = part->AddSectionDictionary("VERSION");
        row->SetIntValue("VERSION", v.version);
        row->SetValue("AT", when(v.created_at));
        row->SetValue("BY", v.user_name.empty() ? author_label(v.author) : v.user_name);
        row->SetIntValue("ANSWERED", static_cast<long>(v.answers.size()));
      }
      if (versions.size() > 1) {
        part->ShowSection("CAN_COMPARE");
        for (const auto& v : versions) {
          auto* from = part->AddSectionDictionary("FROM_OPTION");
          from->SetIntValue("VERSION", v.version);
          if (v.version == versions[1].version) from->ShowSection("SELECTED");
          auto* to = part->AddSectionDictionary("TO_OPTION");
          to->SetIntValue("VERSION", v.version);
          if (v.version == versions[0].version) to->ShowSection("SELECTED");
        }
      }
    }
    if (!any) dict.ShowSection("EMPTY");
    return html::page(ctx, "Historique du diagnostic", "diagnostic/history.tpl", dict);
  });
}

// GET /personnes/{id}/diagnostic/comparer?auteur=&de=&a= — whoever may see the journey: what
// changed between two versions of one part, question by question.
http::Response show_compare(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!p.journey || !may_read_diagnostic(ctx.actor, p.facts)) return html::refuse(ctx);
    std::string author = ctx.request.query_value("auteur");
    auto from = text::parse_id(ctx.request.query_value("de"));
    auto to = text::parse_id(ctx.request.query_value("a"));
    if ((author != kByPerson && author != kByProfessional) || !from || !to) {
      return html::error_page(ctx, 400, "Comparaison impossible",
                              "Choisissez deux versions du diagnostic à comparer.");
    }
    auto a = diagnostic_version(ctx.db, p.journey->id, author, *from);
    auto b = diagnostic_version(ctx.db, p.journey->id, author, *to);
    if (!a || !b) {
      return html::error_page(ctx, 404, "Version introuvable",
                              "Cette version du diagnostic n’existe pas.");
    }
    store::with_transaction(ctx.db,
                            [&] { people::web::log_read(ctx, p.person.id, "diagnostic_compare"); });
    ctemplate::TemplateDictionary dict("diagnostic_compare");
    common(dict, p);
    dict.SetIntValue("FROM", a->version);
    dict.SetIntValue("TO", b->version);
    dict.SetValue("FROM_AT", when(a->created_at));
    dict.SetValue("TO_AT", when(b->created_at));
    dict.SetValue("AUTHOR_LABEL", author == kByPerson ? "besoins exprimés par la personne"
                                                      : "diagnostic des professionnels");
    // Questions of both versions' forms: a question added later still shows.
    FormDefinition form = form_of(ctx.db, *b);
    for (const auto& s : form_of(ctx.db, *a).sections) {
      for (const auto& q : s.questions) {
        if (!form.find(q.id)) form.sections.push_back({s.id, s.title, {q}});
      }
    }
    auto changes = compare_answers(form, a->answers, b->answers);
    for (const auto& c : changes) {
      auto* row = dict.AddSectionDictionary("CHANGE");
      row->SetValue("LABEL", c.label);
      row->SetValue("BEFORE", c.before.empty() ? "Pas de réponse" : c.before);
      row->SetValue("AFTER", c.after.empty() ? "Pas de réponse" : c.after);
    }
    if (changes.empty()) dict.ShowSection("NO_CHANGE");
    return html::page(ctx, "Comparer deux versions du diagnostic", "diagnostic/compare.tpl", dict);
  });
}

// The person's own part.
struct OwnJourney {
  people::Person person;
  people::Journey journey;
};

std::optional<OwnJourney> own_journey(http::Context& ctx) {
  auto id = portal::signed_in_person(ctx);
  if (!id) return std::nullopt;
  auto person = people::find_person(ctx.db, *id);
  if (!person || person->merged_into) return std::nullopt;
  for (const auto& j : people::journeys_of(ctx.db, *id)) {
    if (j.active()) return OwnJourney{*person, j};
  }
  return std::nullopt;
}

http::Response person_page(http::Context& ctx, const OwnJourney& own, const json::object& values,
                           const Error* error, std::vector<RomeJob> suggestions) {
  ctemplate::TemplateDictionary dict("diagnostic_person");
  auto forms = forms_for(ctx.db, own.journey.territory_id);
  if (!forms) return html::error_page(ctx, 503, "Indisponible", "Le questionnaire n’est pas prêt.");
  if (auto mine = current_diagnostic(ctx.db, own.journey.id, kByPerson)) {
    dict.ShowSection("SAVED");
    dict.SetValue("SAVED_AT", when(mine->created_at));
  }
  if (error) {
    dict.ShowSection("ERROR_SUMMARY");
    dict.SetValue("ERROR_MESSAGE", error->message);
    dict.SetValue("ERROR_ANCHOR", html_id(error->field));
  }
  auto* fields = dict.AddIncludeDictionary("FIELDS");
  fields->SetFilename("diagnostic/fields.tpl");
  render_form(*fields, forms->combined,
              {.values = &values, .error = error, .rome_suggestions = std::move(suggestions)});
  return html::page(ctx, "Vos besoins, avec vos mots", "diagnostic/person.tpl", dict,
                    error ? 422 : 200);
}

http::Response no_journey(http::Context& ctx) {
  if (!portal::signed_in_person(ctx)) return portal::to_login(ctx);
  return html::error_page(ctx, 404, "Pas de parcours en cours",
                          "Vous n’avez pas de parcours en cours : il n’y a pas de besoins à "
                          "exprimer pour l’instant.");
}

// GET /mon-espace/diagnostic — the signed-in person with an active journey: their own part.
http::Response show_person(http::Context& ctx) {
  auto own = own_journey(ctx);
  if (!own) return no_journey(ctx);
  store::with_transaction(ctx.db,
                          [&] { portal::log_own_read(ctx.db, own->person.id, "diagnostic"); });
  auto mine = current_diagnostic(ctx.db, own->journey.id, kByPerson);
  return person_page(ctx, *own, mine ? mine->answers : json::object{}, nullptr, {});
}

// POST /mon-espace/diagnostic — the signed-in person with an active journey: every question.
http::Response save_person(http::Context& ctx) {
  auto own = own_journey(ctx);
  if (!own || !person_may_write_diagnostic(own->journey.active())) return no_journey(ctx);
  auto forms = forms_for(ctx.db, own->journey.territory_id);
  if (!forms) return html::error_page(ctx, 503, "Indisponible", "Le questionnaire n’est pas prêt.");
  const Fields& fields = ctx.request.form();
  auto answers = validate_answers(forms->combined, fields, rome_lookup(ctx.db));
  if (!answers) {
    return person_page(ctx, *own, raw_answers(forms->combined, fields), &answers.error(),
                       suggestions_for(ctx.db, &answers.error(), fields));
  }
  auto saved = save_diagnostic(
      ctx.db, {.journey_id = own->journey.id,
               .author = kByPerson,
               .form_id = forms->socle.id,
               .extra_form_id = forms->extra ? std::optional(forms->extra->id) : std::nullopt,
               .answers = std::move(*answers)});
  if (!saved) return html::error_page(ctx, saved.error());
  http::set_flash(
      ctx,
      "Merci : vos réponses sont enregistrées. Votre équipe les verra avant votre rendez-vous.");
  return http::Response::redirect("/mon-espace/diagnostic", 303);
}

// A territory's extra questions.
http::Response territory_page(http::Context& ctx, std::int64_t territory_id,
                              const std::string& definition, const Error* error) {
  auto territory = territories::find_territory(ctx.db, territory_id);
  if (!territory)
    return html::error_page(ctx, 404, "Territoire introuvable", "Ce territoire n’existe pas.");
  ctemplate::TemplateDictionary dict("diagnostic_territory");
  dict.SetIntValue("TERRITORY_ID", territory_id);
  dict.SetValue("TERRITORY_NAME", territory->name);
  dict.SetValue("DEFINITION", definition);
  if (auto current = current_territory_extra(ctx.db, territory_id)) {
    dict.ShowSection("CURRENT");
    dict.SetIntValue("VERSION", current->version);
    dict.SetValue("SAVED_AT", when(current->created_at));
    auto* preview = dict.AddIncludeDictionary("PREVIEW");
    preview->SetFilename("diagnostic/fields.tpl");
    render_form(*preview, current->definition, {});
  }
  if (error) {
    dict.ShowSection("ERROR");
    dict.SetValue("ERROR_MESSAGE", error->message);
  }
  return html::page(ctx, "Questions du territoire", "diagnostic/territory.tpl", dict,
                    error ? 422 : 200);
}

// GET /territoires/{id}/diagnostic — the territory's manager: its extra questions (JSON).
http::Response show_territory(http::Context& ctx) {
  auto id = people::web::path_id(ctx, "id");
  if (!id || !may_edit_territory_questions(ctx.actor, *id)) return html::refuse(ctx);
  auto current = current_territory_extra(ctx.db, *id);
  std::string definition = current ? json::serialize(json::parse(current->json)) : "";
  return territory_page(ctx, *id, definition, nullptr);
}

// POST /territoires/{id}/diagnostic — the territory's manager: definition (JSON). A new version
// when it changed; old diagnostics keep the version they were answered with.
http::Response save_territory(http::Context& ctx) {
  auto id = people::web::path_id(ctx, "id");
  if (!id || !may_edit_territory_questions(ctx.actor, *id)) return html::refuse(ctx);
  std::string definition = ctx.request.form_value("definition");
  auto saved = save_territory_extra(ctx.db, *id, definition, ctx.actor->user_id);
  if (!saved) return territory_page(ctx, *id, definition, &saved.error());
  http::set_flash(ctx, "Questions du territoire enregistrées (version " +
                           std::to_string(saved->version) + ").");
  return http::Response::redirect("/territoires/" + std::to_string(*id) + "/diagnostic", 303);
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}/diagnostic", show_professional);
  router.add("POST", "/personnes/{id}/diagnostic", save_professional);
  router.add("GET", "/personnes/{id}/diagnostic/historique", show_history);
  router.add("GET", "/personnes/{id}/diagnostic/comparer", show_compare);
  router.add("GET", "/mon-espace/diagnostic", show_person);
  router.add("POST", "/mon-espace/diagnostic", save_person);
  router.add("GET", "/territoires/{id}/diagnostic", show_territory);
  router.add("POST", "/territoires/{id}/diagnostic", save_territory);
}

}  // namespace parcours::diagnostic
