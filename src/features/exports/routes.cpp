#include "features/exports/routes.h"

#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/text.h"
#include "features/exports/exports.h"
#include "features/territories/territory.h"

namespace parcours::exports {
namespace {

std::optional<std::int64_t> territory_param(const http::Context& ctx) {
  auto it = ctx.request.params.find("id");
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

http::Response not_found(http::Context& ctx) {
  return html::error_page(ctx, 404, "Page non trouvée", "Ce territoire n’existe pas.");
}

// GET /territoires/{id}/exports — what can be exported, one button per file.
http::Response exports_page(http::Context& ctx) {
  auto id = territory_param(ctx);
  if (!id) return not_found(ctx);
  if (!may_export(ctx.actor, *id)) return html::refuse(ctx);
  auto territory = territories::find_territory(ctx.db, *id);
  if (!territory) return not_found(ctx);
  ctemplate::TemplateDictionary dict("exports");
  dict.SetIntValue("ID", *id);
  dict.SetValue("NAME", territory->name);
  auto count = [&](const char* sql) { return ctx.db.query_one(sql, {*id})->integer(0); };
  dict.SetIntValue("PERSONS",
                   count("SELECT COUNT(*) FROM persons p WHERE p.merged_into IS NULL AND "
                         "(p.territory_id = $1 OR EXISTS (SELECT 1 FROM journeys j WHERE "
                         "j.person_id = p.id AND j.territory_id = $1))"));
  dict.SetIntValue("JOURNEYS", count("SELECT COUNT(*) FROM journeys WHERE territory_id = $1"));
  ctemplate::TemplateDictionary* history = nullptr;
  for (const auto& e : ctx.db.query(
           "SELECT j.at, u.name, j.payload FROM journal j LEFT JOIN users u ON u.id = j.actor_id "
           "WHERE j.territory_id = $1 AND j.kind IN ('export.persons', 'export.journeys') "
           "ORDER BY j.seq DESC LIMIT 10",
           {*id})) {
    if (!history) history = dict.AddSectionDictionary("HAS_HISTORY");
    auto* row = history->AddSectionDictionary("HISTORY");
    row->SetValue(html::key("WHEN"), format_datetime_fr(e.integer(0)));
    row->SetValue(html::key("WHO"), e.text(1));
    auto payload = e.text(2);
    row->SetValue(html::key("WHAT"),
                  payload.find("\"personnes\"") != std::string::npos ? "Personnes" : "Parcours");
    auto rows_at = payload.find("\"rows\":");
    row->SetValue(
        html::key("ROWS"),
        rows_at == std::string::npos
            ? ""
            : payload.substr(rows_at + 7, payload.find_first_of(",}", rows_at) - rows_at - 7));
  }
  if (!history) dict.ShowSection("NO_HISTORY");
  return html::page(ctx, "Exports CSV — " + territory->name, "exports/page.tpl", dict);
}

// POST /territoires/{id}/exports/{kind} — the CSV, spooled to a temporary file page by page and
// streamed from it by the server.
http::Response download(http::Context& ctx, Kind kind) {
  auto id = territory_param(ctx);
  if (!id) return not_found(ctx);
  if (!may_export(ctx.actor, *id)) return html::refuse(ctx);
  auto territory = territories::find_territory(ctx.db, *id);
  if (!territory) return not_found(ctx);
  std::string path = (std::filesystem::temp_directory_path() / "parcours-export-XXXXXX").string();
  int fd = ::mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("fichier temporaire impossible à créer");
  ::close(fd);
  try {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    write_export(ctx.db, kind, *id, ctx.actor->user_id, out);
    out.close();
    if (!out) throw std::runtime_error("écriture du fichier d’export impossible");
  } catch (...) {
    std::filesystem::remove(path);
    throw;
  }
  http::Response response;
  response.set_header("Content-Type", "text/csv; charset=utf-8");
  std::string today = french_date_of(now_seconds());
  std::string date = today.substr(6, 4) + "-" + today.substr(3, 2) + "-" + today.substr(0, 2);
  response.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}-{}-{}.csv\"",
                                                         kind_code(kind), territory->slug, date));
  response.set_header("Cache-Control", "no-store");
  response.body_file = path;
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("GET", "/territoires/{id}/exports", exports_page);
  router.add("POST", "/territoires/{id}/exports/personnes",
             [](http::Context& ctx) { return download(ctx, Kind::kPersons); });
  router.add("POST", "/territoires/{id}/exports/parcours",
             [](http::Context& ctx) { return download(ctx, Kind::kJourneys); });
}

}  // namespace parcours::exports
