#include "features/search/routes.h"

#include <boost/json.hpp>
#include <charconv>
#include <map>

#include "core/html/render.h"
#include "core/text.h"
#include "features/catalogue/service.h"
#include "features/catalogue/vocabulary.h"
#include "features/geo/communes.h"
#include "features/search/exchange.h"
#include "features/search/policy.h"
#include "features/search/search.h"

namespace parcours::search {
namespace {

namespace json = boost::json;
using catalogue::Vocabulary;

constexpr int kPageSize = 20;
constexpr int kExportDefaultSize = 100;
constexpr int kExportMaxSize = 1000;

http::Response problem(unsigned status, const std::string& detail, const std::string& field = {}) {
  json::object body{{"type", "about:blank"},
                    {"title", error_title(status == 404   ? ErrorCode::kNotFound
                                          : status == 403 ? ErrorCode::kForbidden
                                                          : ErrorCode::kInvalid)},
                    {"status", status},
                    {"detail", detail}};
  if (!field.empty()) body["field"] = field;
  auto response = http::Response::json(json::serialize(body), status);
  response.set_header("Content-Type", "application/problem+json");
  return response;
}

// Every value of a parameter, repeated (?a=x&a=y) or comma-separated (?a=x,y).
std::vector<std::string> values(const http::Request& request, const std::string& name) {
  std::vector<std::string> out;
  auto [begin, end] = request.query.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    std::string_view v = it->second;
    std::size_t start = 0;
    while (start <= v.size()) {
      auto comma = v.find(',', start);
      if (comma == std::string_view::npos) comma = v.size();
      auto item = text::trim(v.substr(start, comma - start));
      if (!item.empty()) out.push_back(item);
      start = comma + 1;
    }
  }
  return out;
}

std::optional<int> number(const std::string& text, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

json::object without_empty_lists(json::object record) {
  for (auto& [key, value] : record) {
    if (value.is_array() && value.as_array().empty()) value = nullptr;
  }
  return record;
}

// ---- API -----------------------------------------------------------------------------------

// GET /api/v1/search/services — data·inclusion's search: code_commune, thematiques, frais,
// modes_accueil, publics, types, q; `size` per page (1-100, 20), `cursor` for the next one.
// Each item: {"service": {...the data·inclusion record, score_qualite, structure}, "distance"}.
http::Response api_search(http::Context& ctx) {
  if (!allowed(ctx.actor ? &*ctx.actor : nullptr, Action::kSearch)) {
    return problem(403, "Recherche non autorisée.");
  }
  const auto& r = ctx.request;
  int size = kPageSize;
  if (auto s = r.query_value("size"); !s.empty()) {
    auto parsed = number(s, 1, kMaxLimit);
    if (!parsed) {
      return problem(422, "Paramètre « size » : un nombre entre 1 et 100 est attendu.", "size");
    }
    size = *parsed;
  }
  if (auto page = r.query_value("page"); !page.empty() && page != "1") {
    return problem(422,
                   "Paramètre « page » : cette API pagine par curseur ; suivez « next_cursor » "
                   "(paramètre « cursor »).",
                   "page");
  }
  auto page = search_services(ctx.db, {.code_commune = r.query_value("code_commune"),
                                       .thematiques = values(r, "thematiques"),
                                       .frais = values(r, "frais"),
                                       .types = values(r, "types"),
                                       .publics = values(r, "publics"),
                                       .modes_accueil = values(r, "modes_accueil"),
                                       .q = r.query_value("q"),
                                       .cursor = r.query_value("cursor"),
                                       .limit = size});
  if (!page) {
    const auto& e = page.error();
    return problem(http_status(e.code), "Paramètre « " + e.field + " » : " + e.message, e.field);
  }
  json::array items;
  std::map<std::int64_t, json::object> structures;
  for (const auto& hit : page->hits) {
    auto service = catalogue::find_service(ctx.db, hit.service_id);
    if (!service || service->status != catalogue::kPublished) continue;
    auto record = without_empty_lists(catalogue::service_to_data_inclusion(*service));
    record["score_qualite"] = service->score_qualite;
    auto it = structures.find(service->structure_id);
    if (it == structures.end()) {
      auto structure = catalogue::find_structure(ctx.db, service->structure_id);
      it =
          structures
              .emplace(service->structure_id,
                       structure
                           ? without_empty_lists(catalogue::structure_to_data_inclusion(*structure))
                           : json::object{})
              .first;
    }
    record["structure"] = it->second;
    items.push_back(json::object{
        {"service", std::move(record)},
        {"distance", hit.distance_km ? json::value(*hit.distance_km) : json::value(nullptr)}});
  }
  json::object body{
      {"items", std::move(items)},
      {"size", page->hits.size()},
      {"next_cursor", page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr)}};
  return http::Response::json(json::serialize(body));
}

// GET /api/v1/services and /api/v1/structures — the published catalogue, by id: `size` (1-1000,
// 100), `cursor` (the next_cursor of the previous page).
http::Response api_export(http::Context& ctx, ExportKind kind) {
  if (!allowed(ctx.actor ? &*ctx.actor : nullptr, Action::kReadCatalogue)) {
    return problem(403, "Lecture non autorisée.");
  }
  int size = kExportDefaultSize;
  if (auto s = ctx.request.query_value("size"); !s.empty()) {
    auto parsed = number(s, 1, kExportMaxSize);
    if (!parsed) {
      return problem(422, "Paramètre « size » : un nombre entre 1 et 1000 est attendu.", "size");
    }
    size = *parsed;
  }
  std::int64_t after = 0;
  if (auto c = ctx.request.query_value("cursor"); !c.empty()) {
    auto parsed = text::parse_id(c);
    if (!parsed) return problem(422, "Paramètre « cursor » : curseur invalide.", "cursor");
    after = *parsed;
  }
  auto page = export_page(ctx.db, kind, after, size);
  json::object body{{"items", std::move(page.items)},
                    {"next_cursor", page.next_after ? json::value(std::to_string(*page.next_after))
                                                    : json::value(nullptr)}};
  return http::Response::json(json::serialize(body));
}

http::Response api_services(http::Context& ctx) { return api_export(ctx, ExportKind::kServices); }
http::Response api_structures(http::Context& ctx) {
  return api_export(ctx, ExportKind::kStructures);
}

// ---- the public page -------------------------------------------------------------------------

struct Filter {
  const char* name;
  const char* legend;
  Vocabulary kind;
};
constexpr Filter kFilters[] = {
    {"frais", "Frais", Vocabulary::kFrais},
    {"modes_accueil", "Accueil", Vocabulary::kModesAccueil},
    {"types", "Type de service", Vocabulary::kTypes},
    {"publics", "Public", Vocabulary::kPublics},
};

std::string phone_link(const std::string& phone) {
  std::string out;
  for (char c : phone) {
    if ((c >= '0' && c <= '9') || c == '+') out += c;
  }
  return out;
}

std::string address_of(const catalogue::Service& s) {
  std::string out = s.adresse.value_or("");
  if (s.complement_adresse) out += (out.empty() ? "" : ", ") + *s.complement_adresse;
  std::string town = text::trim(s.code_postal.value_or("") + " " + s.commune.value_or(""));
  if (!town.empty()) out += (out.empty() ? "" : ", ") + town;
  return out;
}

std::string short_description(const std::string& text) {
  constexpr std::size_t kMax = 280;
  if (text.size() <= kMax) return text;
  std::size_t cut = text.rfind(' ', kMax);
  if (cut == std::string::npos) cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + " …";
}

http::Response search_page(http::Context& ctx) {
  if (!allowed(ctx.actor ? &*ctx.actor : nullptr, Action::kSearch)) return html::refuse(ctx);
  const auto& r = ctx.request;
  ctemplate::TemplateDictionary dict("content");
  std::string commune_input = text::trim(r.query_value("commune"));
  std::string theme = r.query_value("thematique");
  std::string q = r.query_value("q");
  dict.SetValue("COMMUNE", commune_input);
  dict.SetValue("Q", q);
  std::map<std::string, std::vector<std::string>> chosen;
  for (const auto& f : kFilters) chosen[f.name] = values(r, f.name);

  for (const auto& category : catalogue::thematique_categories()) {
    auto* c = dict.AddSectionDictionary("CATEGORY");
    c->SetValue("CODE", category.code);
    c->SetValue("LABEL", category.label);
    if (category.code == theme) c->ShowSection("SELECTED");
    for (const auto& t : category.thematiques) {
      auto* o = c->AddSectionDictionary("THEME");
      o->SetValue("CODE", t.value);
      o->SetValue("LABEL", t.label);
      if (t.value == theme) o->ShowSection("SELECTED");
    }
  }
  for (const auto& f : kFilters) {
    auto* group = dict.AddSectionDictionary("CHOICES");
    group->SetValue("NAME", f.name);
    group->SetValue("LEGEND", f.legend);
    for (const auto& term : catalogue::vocabulary(f.kind)) {
      auto* o = group->AddSectionDictionary("OPTION");
      o->SetValue("NAME", f.name);
      o->SetValue("CODE", term.value);
      o->SetValue("LABEL", term.label);
      const auto& picked = chosen[f.name];
      if (std::find(picked.begin(), picked.end(), term.value) != picked.end()) {
        o->ShowSection("CHECKED");
      }
    }
  }

  bool searched =
      r.query.contains("commune") || r.query.contains("thematique") || r.query.contains("q");
  if (!searched) return html::page(ctx, "Trouver un service", "search/search.tpl", dict);

  ServiceQuery query{
      .thematiques = theme.empty() ? std::vector<std::string>{} : std::vector<std::string>{theme},
      .frais = chosen["frais"],
      .types = chosen["types"],
      .publics = chosen["publics"],
      .modes_accueil = chosen["modes_accueil"],
      .q = q,
      .cursor = r.query_value("cursor"),
      .limit = kPageSize};
  auto show_error = [&](Error e) {
    if (e.field == "code_commune") e.field = "commune";
    html::show_form_error(dict, e);
    return html::page(ctx, "Trouver un service", "search/search.tpl", dict, 422);
  };
  if (!commune_input.empty()) {
    auto commune = geo::resolve_commune(ctx.db, commune_input, {}, "commune");
    if (!commune) return show_error(commune.error());
    query.code_commune = commune->code;
    dict.SetValue("COMMUNE", geo::commune_label(*commune));
  }
  auto page = search_services(ctx.db, query);
  if (!page) return show_error(page.error());

  dict.ShowSection("SEARCHED");
  std::string title = page->hits.empty() ? "Aucun résultat" : "Résultats";
  if (!page->commune_label.empty()) title += " pour " + page->commune_label;
  dict.SetValue("RESULTS_TITLE", title);
  if (page->hits.empty()) dict.ShowSection("EMPTY");
  if (!page->hits.empty()) {
    dict.SetValueAndShowSection(
        "ORDER",
        page->by_distance ? "Les services ouverts aux habitants de votre commune, les plus proches "
                            "d’abord ; les services à distance à la fin."
        : query.code_commune.empty()
            ? "Indiquez votre commune pour ne voir que les services qui vous sont ouverts."
            : "Les services ouverts aux habitants de votre commune.",
        "ORDER");
  }
  std::map<std::int64_t, std::string> structure_names;
  for (const auto& hit : page->hits) {
    auto s = catalogue::find_service(ctx.db, hit.service_id);
    if (!s || s->status != catalogue::kPublished) continue;
    auto* row = dict.AddSectionDictionary("RESULT");
    row->SetValue("ID", std::to_string(s->id));
    row->SetValue("NOM", s->nom);
    row->SetValue("DESCRIPTION", short_description(s->description));
    if (hit.distance_km) {
      row->SetValueAndShowSection("KM", std::to_string(*hit.distance_km), "DISTANCE");
    }
    if (std::find(s->modes_accueil.begin(), s->modes_accueil.end(), "a-distance") !=
        s->modes_accueil.end()) {
      row->ShowSection("REMOTE");
    }
    if (s->frais) {
      row->SetValueAndShowSection("LABEL", catalogue::label(Vocabulary::kFrais, *s->frais),
                                  "FRAIS");
    }
    if (s->type) {
      row->AddSectionDictionary("TYPE")->SetValue("LABEL",
                                                  catalogue::label(Vocabulary::kTypes, *s->type));
    }
    auto name = structure_names.find(s->structure_id);
    if (name == structure_names.end()) {
      auto st = catalogue::find_structure(ctx.db, s->structure_id);
      name = structure_names.emplace(s->structure_id, st ? st->nom : "").first;
    }
    row->SetValue("STRUCTURE", name->second);
    for (const auto& mode : s->modes_mobilisation) {
      row->AddSectionDictionary("MODE")->SetValue(
          "LABEL", catalogue::label(Vocabulary::kModesMobilisation, mode));
    }
    if (s->telephone) {
      auto* t = row->AddSectionDictionary("TELEPHONE");
      t->SetValue("VALUE", *s->telephone);
      t->SetValue("TEL", phone_link(*s->telephone));
    }
    if (s->courriel) row->AddSectionDictionary("COURRIEL")->SetValue("VALUE", *s->courriel);
    if (s->lien_mobilisation) {
      auto* l = row->AddSectionDictionary("LIEN");
      l->SetValue("VALUE", *s->lien_mobilisation);
      l->SetValue("NOM", s->nom);
    }
    if (auto address = address_of(*s); !address.empty()) {
      row->AddSectionDictionary("ADRESSE")->SetValue("VALUE", address);
    }
    if (s->horaires_accueil) {
      row->AddSectionDictionary("HORAIRES")->SetValue("VALUE", *s->horaires_accueil);
    }
  }
  if (page->next_cursor) {
    std::string next = "cursor=" + http::url_encode(*page->next_cursor);
    auto add = [&](const std::string& name, const std::string& value) {
      if (!value.empty()) next += "&" + name + "=" + http::url_encode(value);
    };
    add("commune", query.code_commune.empty() ? "" : query.code_commune);
    add("thematique", theme);
    add("q", q);
    for (const auto& f : kFilters) {
      for (const auto& v : chosen[f.name]) add(f.name, v);
    }
    dict.SetValueAndShowSection("NEXT_QUERY", next, "NEXT");
  }
  return html::page(ctx, "Trouver un service", "search/search.tpl", dict);
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/services", search_page);
  router.add("GET", "/api/v1/search/services", api_search);
  router.add("GET", "/api/v1/services", api_services);
  router.add("GET", "/api/v1/structures", api_structures);
}

}  // namespace parcours::search
