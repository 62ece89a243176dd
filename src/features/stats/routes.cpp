#include "features/stats/routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/html/render.h"
#include "core/text.h"
#include "features/stats/indicators.h"
#include "features/stats/policy.h"
#include "features/stats/projection.h"

namespace parcours::stats {
namespace {

namespace json = boost::json;

constexpr const char* kMonthNames[] = {"janvier",   "février", "mars",     "avril",
                                       "mai",       "juin",    "juillet",  "août",
                                       "septembre", "octobre", "novembre", "décembre"};

std::string month_label(std::int64_t yyyymm) {
  auto m = static_cast<std::size_t>(yyyymm % 100);
  if (m < 1 || m > 12) return std::to_string(yyyymm);
  return fmt::format("{} {}", kMonthNames[m - 1], yyyymm / 100);
}

std::string month_value(std::int64_t yyyymm) {
  return fmt::format("{:04}-{:02}", yyyymm / 100, yyyymm % 100);
}

std::optional<std::int64_t> parse_month(std::string_view typed) {
  if (typed.size() != 7 || typed[4] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (typed[i] < '0' || typed[i] > '9') return std::nullopt;
  }
  int year = std::stoi(std::string(typed.substr(0, 4)));
  int month = std::stoi(std::string(typed.substr(5, 2)));
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return std::nullopt;
  return year * 100 + month;
}

std::int64_t add_months_to(std::int64_t yyyymm, int months) {
  std::int64_t index = (yyyymm / 100) * 12 + (yyyymm % 100 - 1) + months;
  return (index / 12) * 100 + index % 12 + 1;
}

// The filters as typed, checked; the first error names its field.
struct Filters {
  std::string debut, fin, parcours, structure;
  StatsFilter filter;
  std::optional<Error> error;
};

Filters read_filters(const http::Context& ctx, bool with_structure) {
  Filters f;
  f.debut = text::trim(ctx.request.query_value("debut"));
  f.fin = text::trim(ctx.request.query_value("fin"));
  f.parcours = ctx.request.query_value("parcours");
  f.structure = with_structure ? ctx.request.query_value("structure") : "";
  std::int64_t current = month_of_day(paris_day(now_seconds()));
  f.filter.to_month = current;
  f.filter.from_month = add_months_to(current, -11);
  auto invalid = [&](std::string message, const char* field) {
    if (!f.error) f.error = Error{ErrorCode::kInvalid, std::move(message), field};
  };
  if (!f.debut.empty()) {
    if (auto m = parse_month(f.debut)) {
      f.filter.from_month = *m;
    } else {
      invalid("Début de la période : indiquez un mois au format AAAA-MM, par exemple 2027-01.",
              "debut");
    }
  }
  if (!f.fin.empty()) {
    if (auto m = parse_month(f.fin)) {
      f.filter.to_month = *m;
    } else {
      invalid("Fin de la période : indiquez un mois au format AAAA-MM, par exemple 2027-12.",
              "fin");
    }
  }
  if (!f.error && f.filter.from_month > f.filter.to_month) {
    invalid("Fin de la période : choisissez un mois égal ou postérieur au début.", "fin");
  }
  if (f.parcours == "pro" || f.parcours == "socio_pro" || f.parcours == "social") {
    f.filter.route = route_code(f.parcours);
  } else if (f.parcours == "aucun") {
    f.filter.route = kRouteNone;
  } else if (!f.parcours.empty()) {
    invalid("Parcours : choisissez professionnel, socio-professionnel, social ou non orienté.",
            "parcours");
  }
  if (!f.structure.empty()) {
    if (auto id = text::parse_id(f.structure)) {
      f.filter.organisation_id = *id;
    } else {
      invalid("Structure : choisissez une structure de la liste.", "structure");
    }
  }
  if (f.error) {  // the page shows the error and every journey of the default period
    f.filter.route.reset();
    f.filter.organisation_id.reset();
    f.filter.to_month = current;
    f.filter.from_month = add_months_to(current, -11);
  }
  return f;
}

std::string query_of(const Filters& f, std::optional<std::int64_t> territory) {
  std::string q;
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    q += (q.empty() ? "?" : "&") + std::string(name) + "=" + value;
  };
  if (territory) add("territoire", std::to_string(*territory));
  if (!f.error) {
    add("debut", month_value(f.filter.from_month));
    add("fin", month_value(f.filter.to_month));
    add("parcours", f.parcours);
    add("structure", f.structure);
  }
  return q;
}

// A table as text: the same cells on the page and in its CSV.
struct TextTable {
  std::string id, title, caption;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  std::string chart_tag;  // "line-chart", "bar-chart" or none
  std::vector<std::string> chart_x;
  std::vector<std::int64_t> chart_y;
  std::string chart_series;
};

TextTable summary_table(const Totals& total, const std::string& scope) {
  TextTable t{.id = "ensemble",
              .title = "Vue d’ensemble",
              .caption = "Indicateurs de la période — " + scope,
              .headers = {"Indicateur", "Valeur"}};
  for (const auto& c : columns()) t.rows.push_back({c.header, c.cell(total)});
  return t;
}

TextTable breakdown_table(std::string id, std::string title, std::string caption, std::string first,
                          const std::vector<std::pair<std::string, const Totals*>>& rows) {
  TextTable t{.id = std::move(id), .title = std::move(title), .caption = std::move(caption)};
  t.headers.push_back(std::move(first));
  for (const auto& c : columns()) t.headers.emplace_back(c.header);
  for (const auto& [label, totals] : rows) {
    std::vector<std::string> row{label};
    for (const auto& c : columns()) row.push_back(c.cell(*totals));
    t.rows.push_back(std::move(row));
    t.chart_x.push_back(label);
    t.chart_y.push_back(totals->n[kEntrants]);
  }
  return t;
}

std::map<std::int64_t, std::string> names(store::Connection& conn, const char* sql,
                                          const store::Params& params) {
  std::map<std::int64_t, std::string> out;
  for (const auto& r : conn.query(sql, params)) out[r.integer(0)] = r.text(1);
  return out;
}

std::vector<TextTable> territory_tables(store::Connection& conn, const Scope& scope,
                                        const Filters& f, const std::string& scope_name) {
  StatsFilter filter = f.filter;
  filter.territory_id = scope.territory_id;
  if (scope.organisation_id) filter.organisation_id = scope.organisation_id;
  auto shared = cached_breakdown(conn, filter);
  const Breakdown& b = *shared;
  std::vector<TextTable> tables;
  tables.push_back(summary_table(b.total, scope_name));

  std::vector<std::pair<std::string, const Totals*>> rows;
  for (auto m = filter.from_month; m <= filter.to_month; m = add_months_to(m, 1)) {
    static const Totals kNone;
    auto it = b.by_month.find(m);
    rows.emplace_back(month_label(m), it == b.by_month.end() ? &kNone : &it->second);
    if (rows.size() > 240) break;
  }
  auto months = breakdown_table("mois", "Par mois d’entrée",
                                "Indicateurs par mois d’entrée dans le parcours — " + scope_name,
                                "Mois d’entrée", rows);
  months.chart_tag = "line-chart";
  months.chart_series = "Entrants";
  tables.push_back(std::move(months));

  rows.clear();
  for (const auto& [route, totals] : b.by_route) rows.emplace_back(route_label(route), &totals);
  auto routes = breakdown_table("parcours", "Par parcours",
                                "Indicateurs par parcours — " + scope_name, "Parcours", rows);
  routes.chart_tag = "bar-chart";
  routes.chart_series = "Entrants";
  tables.push_back(std::move(routes));

  if (!scope.organisation_id) {
    auto orgs = names(conn, "SELECT id, name FROM organisations WHERE territory_id = $1",
                      {scope.territory_id});
    rows.clear();
    std::vector<std::pair<std::string, const Totals*>> sorted;
    for (const auto& [org, totals] : b.by_organisation) {
      auto it = orgs.find(org);
      sorted.emplace_back(org == 0           ? "Sans structure (pas encore orienté)"
                          : it == orgs.end() ? "Structure n° " + std::to_string(org)
                                             : it->second,
                          &totals);
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    tables.push_back(breakdown_table(
        "structures", "Par structure",
        "Indicateurs par structure (celle du référent, sinon celle de l’orientation) — " +
            scope_name,
        "Structure", sorted));
  }
  return tables;
}

std::vector<TextTable> national_tables(store::Connection& conn, const Filters& f) {
  StatsFilter filter = f.filter;
  auto shared = cached_breakdown(conn, filter);
  const Breakdown& b = *shared;
  auto territories = names(conn, "SELECT id, name FROM territories", {});
  std::vector<std::pair<std::string, const Totals*>> rows;
  for (const auto& [t, totals] : b.by_territory) {
    auto it = territories.find(t);
    rows.emplace_back(it == territories.end() ? "Territoire n° " + std::to_string(t) : it->second,
                      &totals);
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  auto table = breakdown_table("territoires", "Par territoire",
                               "Indicateurs par territoire, et au total", "Territoire", rows);
  table.chart_tag = "bar-chart";
  table.chart_series = "Entrants";
  std::vector<std::string> total{"Total"};
  for (const auto& c : columns()) total.push_back(c.cell(b.total));
  table.rows.push_back(std::move(total));
  return {std::move(table)};
}

std::string csv_of(const TextTable& t) {
  std::string out = "\xEF\xBB\xBF";
  auto cell = [&](const std::string& v) {
    if (v.find_first_of(";\"\r\n") == std::string::npos) {
      out += v;
      return;
    }
    out += '"';
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  };
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ';';
      cell(cells[i]);
    }
    out += "\r\n";
  };
  line(t.headers);
  for (const auto& r : t.rows) line(r);
  return out;
}

http::Response csv_response(const TextTable& t, const std::string& name) {
  http::Response r;
  r.body = csv_of(t);
  r.set_header("Content-Type", "text/csv; charset=utf-8");
  r.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}.csv\"", name));
  r.set_header("Cache-Control", "no-store");
  return r;
}

void fill_tables(ctemplate::TemplateDictionary& dict, const std::vector<TextTable>& tables,
                 const std::string& csv_base) {
  for (const auto& t : tables) {
    auto* s = dict.AddSectionDictionary(html::key("TABLE"));
    s->SetValue(html::key("ID"), t.id);
    s->SetValue(html::key("TITLE"), t.title);
    s->SetValue(html::key("CAPTION"), t.caption);
    s->SetValue(html::key("CSV"), csv_base + "tableau=" + t.id);
    for (std::size_t i = 0; i < t.headers.size(); ++i) {
      auto* h = s->AddSectionDictionary(html::key(i == 0 ? "FIRST" : "HEAD"));
      h->SetValue(html::key("H"), t.headers[i]);
    }
    for (const auto& row : t.rows) {
      auto* r = s->AddSectionDictionary(html::key("ROW"));
      r->SetValue(html::key("LABEL"), row.empty() ? "" : row[0]);
      for (std::size_t i = 1; i < row.size(); ++i) {
        r->AddSectionDictionary(html::key("CELL"))->SetValue(html::key("V"), row[i]);
      }
    }
    if (!t.chart_tag.empty() && !t.chart_x.empty()) {
      json::array xs, ys;
      for (const auto& x : t.chart_x) xs.emplace_back(x);
      for (auto y : t.chart_y) ys.emplace_back(y);
      auto* c = s->AddSectionDictionary(html::key(t.chart_tag == "line-chart" ? "LINE" : "BAR"));
      json::array x, y, name;
      x.emplace_back(std::move(xs));
      y.emplace_back(std::move(ys));
      name.emplace_back(t.chart_series);
      c->SetValue(html::key("X"), json::serialize(x));
      c->SetValue(html::key("Y"), json::serialize(y));
      c->SetValue(html::key("NAME"), json::serialize(name));
    }
  }
}

void fill_filters(ctemplate::TemplateDictionary& dict, const Filters& f) {
  dict.SetValue("DEBUT", f.error ? f.debut : month_value(f.filter.from_month));
  dict.SetValue("FIN", f.error ? f.fin : month_value(f.filter.to_month));
  for (const auto& [code, label] :
       std::vector<std::pair<const char*, const char*>>{{"", "Tous les parcours"},
                                                        {"pro", "Professionnel"},
                                                        {"socio_pro", "Socio-professionnel"},
                                                        {"social", "Social"},
                                                        {"aucun", "Non orienté"}}) {
    auto* o = dict.AddSectionDictionary("ROUTE_OPTION");
    o->SetValue("VALUE", code);
    o->SetValue("LABEL", label);
    if (f.parcours == code) o->ShowSection("SELECTED");
  }
  if (f.error) html::show_form_error(dict, *f.error);
  dict.SetValue("CHART_JS", html::asset_url("dsfr-chart/DSFRChart.js"));
  dict.SetValue("CHART_CSS", html::asset_url("dsfr-chart/DSFRChart.css"));
}

std::optional<Scope> requested_scope(http::Context& ctx) {
  auto typed = ctx.request.query_value("territoire");
  if (!typed.empty()) {
    auto id = text::parse_id(typed);
    return id ? territory_scope(ctx.actor, *id) : std::nullopt;
  }
  auto territories = pilotage_territories(ctx.actor);
  if (territories.empty()) return std::nullopt;
  return territory_scope(ctx.actor, territories.front());
}

std::string scope_name(store::Connection& conn, const Scope& scope) {
  auto t = conn.query_one("SELECT name FROM territories WHERE id = $1", {scope.territory_id});
  std::string name = t ? t->text(0) : "Territoire";
  if (scope.organisation_id) {
    auto o =
        conn.query_one("SELECT name FROM organisations WHERE id = $1", {*scope.organisation_id});
    if (o) name = o->text(0) + " (" + name + ")";
  }
  return name;
}

// GET /pilotage
http::Response territory_page(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  if (ctx.request.query_value("territoire").empty() && pilotage_territories(ctx.actor).empty() &&
      may_view_national(ctx.actor)) {
    return http::Response::redirect("/pilotage/national", 302);
  }
  auto scope = requested_scope(ctx);
  if (!scope) return html::refuse(ctx);
  std::int64_t left = catch_up_before_page(ctx.db);
  Filters f = read_filters(ctx, !scope->organisation_id);
  std::string name = scope_name(ctx.db, *scope);
  ctemplate::TemplateDictionary dict("pilotage");
  dict.ShowSection("TERRITORY");
  if (may_view_national(ctx.actor)) dict.ShowSection("NATIONAL_LINK");
  dict.SetValue("SCOPE", name);
  dict.SetIntValue("TERRITORY_ID", scope->territory_id);
  if (scope->organisation_id) {
    dict.ShowSection("ORGANISATION_SCOPE");
  } else {
    dict.ShowSection("TERRITORY_PAGES");  // what works, open data: the territory's managers
    auto* s = dict.AddSectionDictionary("STRUCTURE_FILTER");
    auto* none = s->AddSectionDictionary("STRUCTURE_OPTION");
    none->SetValue("VALUE", "");
    none->SetValue("LABEL", "Toutes les structures");
    for (const auto& r :
         ctx.db.query("SELECT id, name FROM organisations WHERE territory_id = $1 ORDER BY name",
                      {scope->territory_id})) {
      auto* o = s->AddSectionDictionary("STRUCTURE_OPTION");
      o->SetValue("VALUE", r.text(0));
      o->SetValue("LABEL", r.text(1));
      if (f.structure == r.text(0)) o->ShowSection("SELECTED");
    }
  }
  auto territories = pilotage_territories(ctx.actor);
  if (territories.size() <= 1) dict.ShowSection("TERRITORY_HIDDEN");
  if (territories.size() > 1) {
    auto* s = dict.AddSectionDictionary("TERRITORY_CHOICE");
    for (auto t : territories) {
      auto* o = s->AddSectionDictionary("TERRITORY_OPTION");
      o->SetIntValue("VALUE", t);
      auto row = ctx.db.query_one("SELECT name FROM territories WHERE id = $1", {t});
      o->SetValue("LABEL", row ? row->text(0) : std::to_string(t));
      if (t == scope->territory_id) o->ShowSection("SELECTED");
    }
  }
  if (left > 0) {
    dict.SetIntValue("LAG", left);
    dict.ShowSection("LAGGING");
  }
  fill_filters(dict, f);
  std::string q = query_of(f, scope->territory_id);
  fill_tables(dict, territory_tables(ctx.db, *scope, f, name),
              "/pilotage/export" + q + (q.empty() ? "?" : "&"));
  return html::page(ctx, "Pilotage — " + name, "stats/page.tpl", dict);
}

// GET /pilotage/export?tableau=...
http::Response territory_csv(http::Context& ctx) {
  if (!ctx.actor) return html::refuse(ctx);
  auto scope = requested_scope(ctx);
  if (!scope) return html::refuse(ctx);
  catch_up_before_page(ctx.db);
  Filters f = read_filters(ctx, !scope->organisation_id);
  if (f.error) return html::error_page(ctx, *f.error);
  auto wanted = ctx.request.query_value("tableau");
  for (const auto& t : territory_tables(ctx.db, *scope, f, scope_name(ctx.db, *scope))) {
    if (t.id == wanted) {
      return csv_response(
          t, fmt::format("pilotage-{}-{}-{}-{}", t.id, scope->territory_id,
                         month_value(f.filter.from_month), month_value(f.filter.to_month)));
    }
  }
  return html::error_page(ctx, 404, "Page non trouvée", "Ce tableau n’existe pas.");
}

// GET /pilotage/national
http::Response national_page(http::Context& ctx) {
  if (!may_view_national(ctx.actor)) return html::refuse(ctx);
  std::int64_t left = catch_up_before_page(ctx.db);
  Filters f = read_filters(ctx, false);
  ctemplate::TemplateDictionary dict("national");
  dict.ShowSection("NATIONAL");
  if (left > 0) {
    dict.SetIntValue("LAG", left);
    dict.ShowSection("LAGGING");
  }
  fill_filters(dict, f);
  std::string q = query_of(f, std::nullopt);
  fill_tables(dict, national_tables(ctx.db, f),
              "/pilotage/national/export" + q + (q.empty() ? "?" : "&"));
  return html::page(ctx, "Pilotage national", "stats/page.tpl", dict);
}

// GET /pilotage/national/export?tableau=territoires
http::Response national_csv(http::Context& ctx) {
  if (!may_view_national(ctx.actor)) return html::refuse(ctx);
  catch_up_before_page(ctx.db);
  Filters f = read_filters(ctx, false);
  if (f.error) return html::error_page(ctx, *f.error);
  if (ctx.request.query_value("tableau") != "territoires") {
    return html::error_page(ctx, 404, "Page non trouvée", "Ce tableau n’existe pas.");
  }
  return csv_response(national_tables(ctx.db, f).front(),
                      fmt::format("pilotage-national-{}-{}", month_value(f.filter.from_month),
                                  month_value(f.filter.to_month)));
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/pilotage", territory_page);
  router.add("GET", "/pilotage/export", territory_csv);
  router.add("GET", "/pilotage/national", national_page);
  router.add("GET", "/pilotage/national/export", national_csv);
}

}  // namespace parcours::stats
