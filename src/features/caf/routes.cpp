#include "features/caf/routes.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>

#include "core/clock.h"
#include "core/html/render.h"
#include "core/http/upload.h"
#include "core/jobs/queue_thread.h"
#include "core/store/bulk.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/caf/import.h"
#include "features/caf/policy.h"

namespace parcours::caf {
namespace json = boost::json;
namespace {

constexpr int kPageLines = 500;

std::optional<std::int64_t> id_param(const http::Context& ctx) {
  auto it = ctx.request.params.find("id");
  return it == ctx.request.params.end() ? std::nullopt : text::parse_id(it->second);
}

// The territories the actor manages, in grant order.
std::vector<std::int64_t> managed_territories(const http::Context& ctx) {
  std::vector<std::int64_t> out;
  if (!ctx.actor) return out;
  for (const auto& g : ctx.actor->grants) {
    if (g.role == security::Role::kTerritoryManager && g.territory_id &&
        std::find(out.begin(), out.end(), *g.territory_id) == out.end()) {
      out.push_back(*g.territory_id);
    }
  }
  return out;
}

std::string status_label(const Report& r) {
  if (r.status == "queued") return "En attente";
  if (r.status == "running") return "En cours";
  if (r.status == "done") return "Terminé";
  if (r.status == "refused") return "Refusé";
  if (r.status == "failed") return "Échec";
  if (r.status == "interrupted") return "Interrompu";
  return r.status;
}

std::string badge(const Report& r) {
  if (r.status == "done") return "fr-badge--success";
  if (r.status == "refused" || r.status == "failed") return "fr-badge--error";
  if (r.status == "interrupted") return "fr-badge--warning";
  return "fr-badge--info";
}

int percent(const Report& r) {
  if (r.status == "done") return 100;
  if (r.households_total <= 0) return 0;
  return static_cast<int>(r.households * 100 / r.households_total);
}

http::Response list_page(http::Context& ctx, const Error* error) {
  auto territories = managed_territories(ctx);
  ctemplate::TemplateDictionary dict("caf_imports");
  if (territories.size() > 1) {
    dict.ShowSection("TERRITORY_CHOICE");
    for (auto t : territories) {
      auto* option = dict.AddSectionDictionary("TERRITORY");
      option->SetIntValue("ID", t);
      auto row = ctx.db.query_one("SELECT name FROM territories WHERE id = $1", {t});
      option->SetValue("NAME", row ? row->text(0) : "");
    }
  }
  int shown = 0;
  for (auto t : territories) {
    for (const auto& r : list_imports(ctx.db, t, 50)) {
      auto* row = dict.AddSectionDictionary("ROW");
      row->SetIntValue("ID", r.import_id);
      row->SetValue("FILE_NAME", r.file_name);
      row->SetValue("STARTED", format_datetime_fr(r.started_at));
      row->SetValue("STATUS", status_label(r));
      row->SetValue("BADGE", badge(r));
      row->SetValue("SUMMARY", r.status == "refused" ? r.message : r.summary());
      ++shown;
    }
  }
  dict.ShowSection(shown ? "HAS_ROWS" : "EMPTY");
  if (error) html::show_form_error(dict, *error);
  return html::page(ctx, error ? "Erreur — Imports du flux CAF" : "Imports du flux CAF",
                    "caf/list.tpl", dict, error ? http_status(error->code) : 200);
}

// GET /imports/caf
http::Response list(http::Context& ctx) {
  if (!may_import(ctx.actor)) return html::refuse(ctx);
  return list_page(ctx, nullptr);
}

// POST /imports/caf
http::Response upload(http::Context& ctx) {
  if (!may_import(ctx.actor)) return html::refuse(ctx);
  auto territories = managed_territories(ctx);
  std::int64_t territory = territories.front();
  if (territories.size() > 1) {
    auto chosen = text::parse_id(ctx.request.form_value("territory_id"));
    if (!chosen || !may_import_into(ctx.actor, *chosen)) {
      Error e{ErrorCode::kInvalid, "Territoire : choisissez l’un de vos territoires.",
              "territory_id"};
      return list_page(ctx, &e);
    }
    territory = *chosen;
  }
  const auto& file = ctx.request.upload_file;
  std::error_code ec;
  if (file.empty() || ctx.request.upload_name.empty() ||
      std::filesystem::file_size(file, ec) == 0) {
    Error e{ErrorCode::kInvalid,
            "Fichier du flux : choisissez le fichier XML reçu de la CAF ou de la MSA.", "file"};
    return list_page(ctx, &e);
  }
  std::string name = ctx.request.upload_name;
  std::int64_t id = 0;
  std::string kept;
  store::with_transaction(ctx.db, [&] {
    id = create_queued_import(ctx.db, name, ctx.actor->user_id, territory);
    kept =
        (std::filesystem::temp_directory_path() / fmt::format("parcours-caf-{}.xml", id)).string();
    std::filesystem::rename(file, kept);
    json::object payload{{"import_id", id}, {"path", kept}};
    jobs::enqueue_job(ctx.db, kImportJob, json::serialize(payload));
    store::append_event(
        ctx.db,
        {.kind = "caf.import_uploaded",
         .territory_id = territory,
         .actor_id = ctx.actor->user_id,
         .payload_json = json::serialize(json::object{{"import_id", id}, {"file_name", name}})});
  });
  return http::Response::redirect("/imports/caf/" + std::to_string(id));
}

std::optional<Report> visible_import(http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return std::nullopt;
  auto report = find_import(ctx.db, *id);
  if (!report || !report->territory_id) return std::nullopt;
  return report;
}

// GET /imports/caf/{id}
http::Response show(http::Context& ctx) {
  if (!may_import(ctx.actor)) return html::refuse(ctx);
  auto report = visible_import(ctx);
  if (!report) {
    return html::error_page(ctx, 404, "Page non trouvée", "Cet import n’existe pas.");
  }
  if (!may_import_into(ctx.actor, *report->territory_id)) return html::refuse(ctx);
  ctemplate::TemplateDictionary dict("caf_import");
  dict.SetIntValue("ID", report->import_id);
  dict.SetValue("FILE_NAME", report->file_name);
  dict.SetValue("STATUS", status_label(*report));
  dict.SetValue("BADGE", badge(*report));
  dict.SetValue("STARTED", format_datetime_fr(report->started_at));
  dict.SetIntValue("PERCENT", percent(*report));
  dict.SetIntValue("DONE", report->households);
  dict.SetIntValue("TOTAL", report->households_total);
  bool finished = report->status != "queued" && report->status != "running";
  if (!finished) dict.ShowSection("RUNNING");
  if (report->status == "refused" || report->status == "failed") {
    dict.SetValueAndShowSection("MESSAGE", report->message, "REFUSED");
    for (const auto& e : report->schema_errors) {
      auto* row = dict.AddSectionDictionary("SCHEMA_ERROR");
      row->SetIntValue("LINE", e.line);
      row->SetValue("TEXT", e.message);
    }
  }
  if (finished && report->status != "refused" && report->status != "failed") {
    dict.ShowSection("FINISHED");
    if (!report->message.empty()) dict.SetValueAndShowSection("NOTE", report->message, "HAS_NOTE");
    if (!report->reference_date.empty()) {
      dict.SetValueAndShowSection("REFERENCE_DATE", report->reference_date, "HAS_REFERENCE");
    }
    dict.SetIntValue("HOUSEHOLDS", report->households);
    dict.SetIntValue("CREATED", report->persons_created);
    dict.SetIntValue("UPDATED", report->persons_updated);
    dict.SetIntValue("UNCHANGED", report->persons_unchanged);
    dict.SetIntValue("REJECTED", report->rejected);
    auto page =
        std::max<std::int64_t>(1, text::parse_id(ctx.request.query_value("page")).value_or(1));
    auto lines = report_lines(ctx.db, report->import_id, (page - 1) * kPageLines, kPageLines + 1);
    bool more = lines.size() > kPageLines;
    if (more) lines.pop_back();
    std::vector<store::AccessRecord> reads;
    for (const auto& l : lines) {
      auto* row = dict.AddSectionDictionary(html::key("LINE"));
      row->SetIntValue(html::key("LINE_NUMBER"), l.line);
      row->SetValue(html::key("MATRICULE"), l.matricule);
      row->SetValue(html::key("OUTCOME"), outcome_label(l.outcome));
      row->SetValue(html::key("TEXT"), l.message);
      if (l.person_id) {
        row->SetIntValue(html::key("PERSON_ID"), *l.person_id);
        row->ShowSection(html::key("HAS_PERSON"));
        reads.push_back({ctx.actor->user_id, *l.person_id, "caf_import", "imports/caf"});
      } else {
        row->ShowSection(html::key("NO_PERSON"));
      }
    }
    store::log_accesses(ctx.db, reads);
    dict.ShowSection(lines.empty() ? "NO_LINES" : "HAS_LINES");
    if (page > 1) dict.SetIntValue("PREVIOUS_PAGE", page - 1), dict.ShowSection("PREVIOUS");
    if (more) dict.SetIntValue("NEXT_PAGE", page + 1), dict.ShowSection("NEXT");
  }
  return html::page(ctx, "Import du flux CAF « " + report->file_name + " »", "caf/show.tpl", dict);
}

// GET /imports/caf/{id}/progression.json
http::Response progress(http::Context& ctx) {
  if (!may_import(ctx.actor)) {
    return http::Response::problem(403, "Accès refusé", "Réservé aux responsables de territoire.");
  }
  auto report = visible_import(ctx);
  if (!report) return http::Response::problem(404, "Introuvable", "Cet import n’existe pas.");
  if (!may_import_into(ctx.actor, *report->territory_id)) {
    return http::Response::problem(403, "Accès refusé",
                                   "Cet import n’est pas de votre territoire.");
  }
  json::object o{{"status", report->status},
                 {"status_label", status_label(*report)},
                 {"message", report->message},
                 {"done", report->households},
                 {"total", report->households_total},
                 {"percent", percent(*report)},
                 {"finished", report->status != "queued" && report->status != "running"}};
  auto response = http::Response::json(json::serialize(o));
  response.set_header("Cache-Control", "no-store");
  return response;
}

// GET /imports/caf/{id}/rapport.json
http::Response report_json_route(http::Context& ctx) {
  if (!may_import(ctx.actor)) {
    return http::Response::problem(403, "Accès refusé", "Réservé aux responsables de territoire.");
  }
  auto report = visible_import(ctx);
  if (!report) return http::Response::problem(404, "Introuvable", "Cet import n’existe pas.");
  if (!may_import_into(ctx.actor, *report->territory_id)) {
    return http::Response::problem(403, "Accès refusé",
                                   "Cet import n’est pas de votre territoire.");
  }
  std::vector<store::AccessRecord> reads{
      {ctx.actor->user_id, std::nullopt, "caf_import_report", "imports/caf/rapport.json"}};
  store::log_accesses(ctx.db, reads);
  auto response = http::Response::json(report_json(ctx.db, *report));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  http::register_streamed_upload("POST", "/imports/caf", kUploadLimit,
                                 [](const http::Context& ctx) { return may_import(ctx.actor); });
  router.add("GET", "/imports/caf", list);
  router.add("POST", "/imports/caf", upload);
  router.add("GET", "/imports/caf/{id}", show);
  router.add("GET", "/imports/caf/{id}/progression.json", progress);
  router.add("GET", "/imports/caf/{id}/rapport.json", report_json_route);
}

namespace {

struct QueuedImport {
  std::int64_t id = 0;
  std::string path;
};

jobs::QueueThread<QueuedImport>& worker() {
  static jobs::QueueThread<QueuedImport> w;
  return w;
}

// Imports run in one thread of their own, with their own connection: they commit batch by
// batch, which they could not do inside the job's transaction. The job only hands the import
// over. On shutdown the import stops between two batches and is queued again, so that the next
// start resumes it (the households already applied are found unchanged).
void apply_import(store::Db& db, std::int64_t id, const std::string& path) {
  auto conn = db.acquire();
  auto report = find_import(*conn, id);
  if (!report || report->status != "queued") return;
  store::WithoutMemoryMap bounded(*conn);
  bool interrupted = false;
  try {
    // The import records its own outcome (report and status) in the database.
    (void)import_flux(*conn, path,
                      {.file_name = report->file_name,
                       .user_id = report->user_id,
                       .territory_id = report->territory_id,
                       .import_id = id,
                       .after_batch = [&](std::int64_t) {
                         interrupted = worker().stopping();
                         return !interrupted;
                       }});
  } catch (const std::exception& e) {
    if (conn->in_transaction()) conn->rollback();
    conn->execute(
        "UPDATE caf_imports SET status = 'failed', message = $2, finished_at = $3 WHERE id = $1",
        {id, std::string("erreur inattendue : ") + e.what(), now_seconds()});
  }
  if (interrupted) {
    store::with_transaction(*conn, [&] {
      conn->execute("UPDATE caf_imports SET status = 'queued' WHERE id = $1", {id});
      json::object payload{{"import_id", id}, {"path", path}};
      jobs::enqueue_job(*conn, kImportJob, json::serialize(payload));
    });
    return;
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

}  // namespace

void register_jobs(jobs::JobRunner& runner, store::Db& db) {
  worker().start([&db](QueuedImport& next) {
    try {
      apply_import(db, next.id, next.path);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "import CAF %lld : %s\n", static_cast<long long>(next.id), e.what());
    }
  });
  runner.on(kImportJob, [](store::Connection&, const jobs::Job& job) {
    auto payload = json::parse(job.payload_json).as_object();
    worker().push({.id = payload.at("import_id").to_number<std::int64_t>(),
                   .path = std::string(payload.at("path").as_string())});
  });
}

void stop_imports() { worker().shutdown(); }

}  // namespace parcours::caf
