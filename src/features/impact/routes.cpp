#include "features/impact/routes.h"

#include <fmt/format.h>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/text.h"
#include "features/impact/impact.h"
#include "features/impact/open_data.h"
#include "features/impact/policy.h"
#include "features/stats/projection.h"
#include "features/territories/territory.h"

namespace parcours::impact {
namespace {

std::string percent(const Share& s) {
  return fmt::format("{:.0f} %",
                     100.0 * static_cast<double>(s.positives) / static_cast<double>(s.n));
}
std::string interval(const Share& s) {
  return fmt::format("{:.0f} à {:.0f} %", 100.0 * s.interval.low, 100.0 * s.interval.high);
}

// The territories the actor may see, and the one asked for (?territoire=ID) or the first.
std::optional<territories::Territory> chosen_territory(http::Context& ctx, Action action,
                                                       ctemplate::TemplateDictionary* dict) {
  auto asked = text::parse_id(ctx.request.query_value("territoire"));
  std::optional<territories::Territory> chosen;
  for (auto& t : territories::list_territories(ctx.db)) {
    if (!allowed(ctx.actor, action, t.id)) continue;
    if (dict) {
      auto* option = dict->AddSectionDictionary("TERRITORY");
      option->SetIntValue("ID", t.id);
      option->SetValue("NAME", t.name);
      if (asked == t.id) option->ShowSection("SELECTED");
    }
    if (!chosen || asked == t.id) chosen = t;
  }
  if (asked && (!chosen || chosen->id != *asked)) return std::nullopt;
  return chosen;
}

void fill_side(ctemplate::TemplateDictionary* row, const char* prefix, const Share& s) {
  std::string p(prefix);
  if (!s.shown) {
    row->ShowSection(html::key(p + "_HIDDEN"));
    return;
  }
  auto* shown = row->AddSectionDictionary(html::key(p + "_SHOWN"));
  shown->SetIntValue(html::key("N"), s.n);
  shown->SetIntValue(html::key("POSITIVES"), s.positives);
  shown->SetValue(html::key("PERCENT"), percent(s));
  shown->SetValue(html::key("INTERVAL"), interval(s));
}

// GET /pilotage/ce-qui-marche?territoire=ID&profil=age — the comparisons for one profile
// dimension (a manager of the territory, or an admin).
http::Response what_works(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("impact");
  auto territory = chosen_territory(ctx, Action::kViewImpact, &dict);
  if (!territory) return html::refuse(ctx);
  std::string dimension = ctx.request.query_value("profil");
  const auto& all = dimensions();
  if (std::find(all.begin(), all.end(), dimension) == all.end()) dimension = "ensemble";
  for (const auto& d : all) {
    auto* option = dict.AddSectionDictionary("DIMENSION");
    option->SetValue("CODE", d);
    option->SetValue("LABEL", dimension_label(d));
    if (d == dimension) option->ShowSection("SELECTED");
  }
  dict.SetValue("NAME", territory->name);
  dict.SetIntValue("TERRITORY_ID", territory->id);
  dict.SetValue("DIMENSION_LABEL", dimension_label(dimension));
  dict.SetIntValue("MIN_GROUP", kMinGroup);
  if (auto left = stats::catch_up_before_page(ctx.db)) {
    dict.ShowSection("HAS_LAG");
    dict.SetIntValue("LAG", left);
  }
  auto rows = compare(ctx.db, territory->id, dimension, paris_day(now_seconds()));
  int shown = 0;
  auto* table = rows.empty() ? nullptr : dict.AddSectionDictionary("HAS_ROWS");
  for (const auto& c : rows) {
    auto* row = table->AddSectionDictionary(html::key("ROW"));
    row->SetValue(html::key("ACTION"), action_label(c.action));
    row->SetValue(html::key("STRATUM"), value_label(c.dimension, c.value));
    fill_side(row, "WITH6", c.with6);
    fill_side(row, "WITHOUT6", c.without6);
    fill_side(row, "WITH12", c.with12);
    fill_side(row, "WITHOUT12", c.without12);
    if (c.with6.shown || c.with12.shown) ++shown;
  }
  if (rows.empty()) dict.ShowSection("EMPTY");
  dict.SetIntValue("SHOWN", shown);
  dict.SetIntValue("HIDDEN", static_cast<int>(rows.size()) - shown);
  return html::page(ctx, "Ce qui marche, pour qui — " + territory->name, "impact/what_works.tpl",
                    dict);
}

// GET /pilotage/donnees-ouvertes?territoire=ID — what the open data holds, field by field.
http::Response open_data_page(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("open_data");
  auto territory = chosen_territory(ctx, Action::kDownloadOpenData, &dict);
  if (!territory) return html::refuse(ctx);
  dict.SetValue("NAME", territory->name);
  dict.SetIntValue("TERRITORY_ID", territory->id);
  dict.SetIntValue("MIN_GROUP", kMinGroup);
  return html::page(ctx, "Données ouvertes — " + territory->name, "impact/open_data.tpl", dict);
}

// GET /pilotage/donnees-ouvertes.csv|.json?territoire=ID — the file itself.
http::Response open_data_file(http::Context& ctx, bool csv) {
  if (!ctx.actor) return html::refuse(ctx);
  auto territory = chosen_territory(ctx, Action::kDownloadOpenData, nullptr);
  if (!territory) return html::refuse(ctx);
  stats::catch_up_before_page(ctx.db);
  std::string today = paris_day(now_seconds());
  auto rows = open_data(ctx.db, territory->id, today);
  http::Response response;
  response.body = csv ? to_csv(territory->slug, rows) : to_json(territory->slug, today, rows);
  response.set_header("Content-Type",
                      csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
  response.set_header("Content-Disposition",
                      fmt::format("attachment; filename=\"parcours-donnees-ouvertes-{}-{}.{}\"",
                                  territory->slug, today, csv ? "csv" : "json"));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/pilotage/ce-qui-marche", what_works);
  router.add("GET", "/pilotage/donnees-ouvertes", open_data_page);
  router.add("GET", "/pilotage/donnees-ouvertes.csv",
             [](http::Context& ctx) { return open_data_file(ctx, true); });
  router.add("GET", "/pilotage/donnees-ouvertes.json",
             [](http::Context& ctx) { return open_data_file(ctx, false); });
}

}  // namespace parcours::impact
