// The merge page of a territory manager: compare this record with a duplicate (by its number),
// merge it into this one, and undo a merge within 30 days.
#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/flash.h"
#include "core/text.h"
#include "features/people/identity.h"
#include "features/people/merge.h"
#include "features/people/nir_protection.h"
#include "features/people/routes.h"
#include "features/people/web.h"

namespace parcours::people {
namespace {

using web::PersonPage;

template <typename F>
http::Response with_person(http::Context& ctx, F&& handler) {
  auto loaded = web::load_person_page(ctx);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  return handler(std::get<PersonPage>(loaded));
}

std::string value_or_dash(const std::optional<std::string>& v) { return v ? *v : "—"; }

// The duplicate named by `typed`, when the manager may see it; an error naming "other_id".
Result<Person> other_record(http::Context& ctx, const PersonPage& p, const std::string& typed) {
  auto id = text::parse_id(text::trim(typed));
  if (!id)
    return fail(ErrorCode::kInvalid, "Indiquez le numéro de la fiche en double.", "other_id");
  if (*id == p.person.id) {
    return fail(ErrorCode::kInvalid, "Indiquez le numéro d’une autre fiche que celle-ci.",
                "other_id");
  }
  auto other = find_person(ctx.db, *id);
  PersonFacts facts = load_person_facts(ctx.db, ctx.actor, *id, p.territory_id);
  if (!other || !may_merge(ctx.actor, facts)) {
    return fail(ErrorCode::kInvalid,
                "Aucune fiche n° " + std::to_string(*id) + " n’est suivie dans votre territoire.",
                "other_id");
  }
  return *other;
}

http::Response merge_page(http::Context& ctx, const PersonPage& p, const std::string& typed,
                          const std::optional<Person>& other, const Error* error) {
  ctemplate::TemplateDictionary dict("person_merge");
  dict.SetIntValue("PERSON_ID"_key, p.person.id);
  dict.SetValue("NAME"_key, display_name(p.person));
  dict.SetValue("OTHER_TYPED"_key, typed);
  if (error) html::show_form_error(dict, *error);
  if (other) {
    web::log_read(ctx, other->id, "identity");
    auto* compare = dict.AddSectionDictionary("COMPARE"_key);
    compare->SetIntValue("OTHER_ID"_key, other->id);
    auto row = [&](const char* label, const std::string& kept, const std::string& merged) {
      auto* field = compare->AddSectionDictionary("FIELD"_key);
      field->SetValue("LABEL"_key, label);
      field->SetValue("KEPT"_key, kept);
      field->SetValue("MERGED"_key, merged);
    };
    auto date = [](const Person& x) {
      return x.birth_date ? display_date(*x.birth_date) : std::string("—");
    };
    auto nir = [&](const Person& x) {
      if (!x.nir_sealed) return std::string("—");
      return display_nir(reveal_nir(ctx.db, *x.nir_sealed).value_or("illisible"));
    };
    auto phone = [](const Person& x) { return x.phone ? display_phone(*x.phone) : "—"; };
    row("Nom de naissance", p.person.birth_name, other->birth_name);
    row("Nom d’usage", p.person.usage_name.empty() ? "—" : p.person.usage_name,
        other->usage_name.empty() ? "—" : other->usage_name);
    row("Prénoms", p.person.first_names, other->first_names);
    row("Date de naissance", date(p.person), date(*other));
    row("Numéro de sécurité sociale", nir(p.person), nir(*other));
    row("Numéro allocataire", value_or_dash(p.person.caf_number), value_or_dash(other->caf_number));
    row("Identifiant France Travail", value_or_dash(p.person.ft_id), value_or_dash(other->ft_id));
    row("Adresse électronique", value_or_dash(p.person.email), value_or_dash(other->email));
    row("Téléphone", phone(p.person), phone(*other));
    row("Commune", p.person.commune_name.empty() ? "—" : p.person.commune_name,
        other->commune_name.empty() ? "—" : other->commune_name);
    web::log_read(ctx, p.person.id, "nir");
    web::log_read(ctx, other->id, "nir");
  }
  auto merges = merges_into(ctx.db, p.person.id);
  if (!merges.empty()) {
    auto* list = dict.AddSectionDictionary("HAS_MERGES"_key);
    for (const MergeRecord& m : merges) {
      auto* row = list->AddSectionDictionary("MERGE"_key);
      row->SetIntValue("MERGE_ID"_key, m.id);
      row->SetIntValue("MERGED_ID"_key, m.merged_id);
      row->SetValue("WHEN"_key, format_datetime_fr(m.at));
      if (m.undone_at) row->ShowSection("UNDONE"_key);
      if (m.undoable(now_seconds())) row->ShowSection("UNDOABLE"_key);
    }
  }
  std::string title = "Fusion — " + display_name(p.person);
  return html::page(ctx, error ? "Erreur — " + title : title, "people/merge.tpl", dict,
                    error ? http_status(error->code) : 200);
}

// GET /personnes/{id}/fusion[?autre=N] — managers of the territory.
http::Response show(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_merge(ctx.actor, p.facts)) return html::refuse(ctx);
    std::string typed = ctx.request.query_value("autre");
    if (typed.empty()) return merge_page(ctx, p, typed, std::nullopt, nullptr);
    auto other = other_record(ctx, p, typed);
    if (!other) return merge_page(ctx, p, typed, std::nullopt, &other.error());
    return merge_page(ctx, p, typed, *other, nullptr);
  });
}

// POST /personnes/{id}/fusion — managers of the territory: merges `other_id` into this record.
http::Response merge(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_merge(ctx.actor, p.facts)) return html::refuse(ctx);
    std::string typed = ctx.request.form_value("other_id");
    auto other = other_record(ctx, p, typed);
    if (!other) return merge_page(ctx, p, typed, std::nullopt, &other.error());
    auto merged = merge_persons(ctx.db, p.person.id, other->id, ctx.actor->user_id);
    if (!merged) return merge_page(ctx, p, typed, std::nullopt, &merged.error());
    http::set_flash(ctx,
                    "Les deux fiches ont été fusionnées. Vous pouvez annuler la fusion "
                    "pendant 30 jours depuis la page « Fusion ».");
    return http::Response::redirect(web::person_path(p.person.id));
  });
}

// POST /personnes/{id}/fusions/{merge}/annuler — managers of the territory, within 30 days.
http::Response undo(http::Context& ctx) {
  return with_person(ctx, [&](PersonPage& p) {
    if (!may_merge(ctx.actor, p.facts)) return html::refuse(ctx);
    auto merge_id = web::path_id(ctx, "merge");
    auto record = merge_id ? find_merge(ctx.db, *merge_id) : std::nullopt;
    if (!record || record->kept_id != p.person.id) {
      return html::error_page(ctx, 404, "Page non trouvée", "Cette fusion n’existe pas.");
    }
    auto done = unmerge(ctx.db, record->id, ctx.actor->user_id);
    if (!done) return merge_page(ctx, p, "", std::nullopt, &done.error());
    http::set_flash(ctx, "La fusion a été annulée : les deux fiches sont de nouveau distinctes.");
    return http::Response::redirect(web::person_path(p.person.id) + "/fusion");
  });
}

}  // namespace

void register_merge_routes(http::Router& router) {
  router.add("GET", "/personnes/{id}/fusion", show);
  router.add("POST", "/personnes/{id}/fusion", merge);
  router.add("POST", "/personnes/{id}/fusions/{merge}/annuler", undo);
}

}  // namespace parcours::people
