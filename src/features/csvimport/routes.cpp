#include "features/csvimport/routes.h"

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
#include "features/csvimport/import.h"
#include "features/csvimport/policy.h"

namespace parcours::csvimport {
namespace json = boost::json;
namespace {

constexpr int kPageLines = 200;

struct Org {
  std::int64_t id = 0;
  std::int64_t territory_id = 0;
  std::string name;
};

// The organisations the actor may import for: those they administer, and those of the
// territories they manage.
std::vector<Org> importable_organisations(const http::Context& ctx) {
  std::vector<Org> out;
  if (!ctx.actor) return out;
  for (const auto& row : ctx.db.query(
           "SELECT id, territory_id, name FROM organisations WHERE active = 1 ORDER BY name", {})) {
    Org o{row.integer(0), row.integer(1), row.text(2)};
    if (may_import_for(ctx.actor, o.id, o.territory_id)) out.push_back(std::move(o));
  }
  return out;
}

bool may_import_any(const http::Context& ctx) {
  if (!ctx.actor) return false;
  for (const auto& g : ctx.actor->grants) {
    if (g.role == security::Role::kTerritoryManager || g.role == security::Role::kOrgAdmin) {
      return true;
    }
  }
  return false;
}

std::optional<Import> visible_import(http::Context& ctx) {
  auto it = ctx.request.params.find("id");
  if (it == ctx.request.params.end()) return std::nullopt;
  auto id = text::parse_id(it->second);
  if (!id) return std::nullopt;
  return find_import(ctx.db, *id);
}

bool may_see(const http::Context& ctx, const Import& import) {
  return may_import_for(ctx.actor, import.organisation_id, import.territory_id);
}

std::string status_label(const Import& i) {
  if (i.status == "new") return "Correspondance à vérifier";
  if (i.status == "previewing") return "Aperçu en cours";
  if (i.status == "previewed") return "Aperçu, à confirmer";
  if (i.status == "queued" || i.status == "importing") return "Import en cours";
  if (i.status == "done") return "Terminé";
  if (i.status == "failed") return "Échec";
  if (i.status == "expired") return "Abandonné, fichier supprimé";
  return i.status;
}

std::string badge(const Import& i) {
  if (i.status == "done") return "fr-badge--success";
  if (i.status == "failed") return "fr-badge--error";
  if (i.status == "previewed" || i.status == "new") return "fr-badge--warning";
  return "fr-badge--info";
}

std::string organisation_name(http::Context& ctx, std::int64_t id) {
  auto row = ctx.db.query_one("SELECT name FROM organisations WHERE id = $1", {id});
  return row ? row->text(0) : "";
}

http::Response list_page(http::Context& ctx, const Error* error, std::int64_t chosen = 0) {
  auto orgs = importable_organisations(ctx);
  ctemplate::TemplateDictionary dict("csvimport_list");
  for (const auto& o : orgs) {
    auto* option = dict.AddSectionDictionary("ORGANISATION");
    option->SetIntValue("ID", o.id);
    option->SetValue("NAME", o.name);
    if (o.id == chosen) option->ShowSection("SELECTED");
  }
  int shown = 0;
  for (const auto& o : orgs) {
    for (const auto& i : list_imports(ctx.db, o.id, 20)) {
      auto* row = dict.AddSectionDictionary("ROW");
      row->SetIntValue("ID", i.id);
      row->SetValue("FILE_NAME", i.file_name);
      row->SetValue("ORGANISATION", o.name);
      row->SetValue("STARTED", format_datetime_fr(i.started_at));
      row->SetValue("STATUS", status_label(i));
      row->SetValue("BADGE", badge(i));
      row->SetValue("SUMMARY", i.status == "done"        ? i.report_summary()
                               : i.status == "previewed" ? i.preview_summary()
                                                         : i.message);
      ++shown;
    }
  }
  dict.ShowSection(shown ? "HAS_ROWS" : "EMPTY");
  if (orgs.empty()) dict.ShowSection("NO_ORGANISATION");
  if (error) html::show_form_error(dict, *error);
  return html::page(ctx, error ? "Erreur — Imports de personnes" : "Imports de personnes",
                    "csvimport/list.tpl", dict, error ? http_status(error->code) : 200);
}

// GET /imports/personnes
http::Response list(http::Context& ctx) {
  if (!may_import_any(ctx)) return html::refuse(ctx);
  return list_page(ctx, nullptr);
}

std::string kept_path(std::int64_t id) {
  return (std::filesystem::temp_directory_path() / fmt::format("parcours-personnes-{}.csv", id))
      .string();
}

// A small file is previewed within the request (under a second); a larger one by the import
// thread, the page showing « Aperçu en cours » until it is done.
constexpr std::uintmax_t kPreviewInRequestBytes = 256 * 1024;

Result<void> start_preview(http::Context& ctx, const Import& import) {
  std::error_code ec;
  auto size = std::filesystem::file_size(import.stored_path, ec);
  if (!ec && size <= kPreviewInRequestBytes) {
    auto preview = run(ctx.db, import.id, Phase::kPreview);
    if (!preview) return std::unexpected(preview.error());
    return {};
  }
  store::with_transaction(ctx.db, [&] {
    ctx.db.execute("UPDATE csv_imports SET status = 'previewing' WHERE id = $1", {import.id});
    jobs::enqueue_job(ctx.db, kPreviewJob, json::serialize(json::object{{"import_id", import.id}}));
  });
  return {};
}

// POST /imports/personnes
http::Response upload(http::Context& ctx) {
  if (!may_import_any(ctx)) return html::refuse(ctx);
  auto orgs = importable_organisations(ctx);
  auto chosen = text::parse_id(ctx.request.form_value("organisation_id"));
  const Org* org = nullptr;
  for (const auto& o : orgs) {
    if (chosen && o.id == *chosen) org = &o;
  }
  if (!org && orgs.size() == 1 && !chosen) org = &orgs.front();
  if (!org) {
    Error e{ErrorCode::kInvalid, "Structure : choisissez l’une des structures proposées.",
            "organisation_id"};
    return list_page(ctx, &e);
  }
  const auto& file = ctx.request.upload_file;
  std::error_code ec;
  if (file.empty() || ctx.request.upload_name.empty() ||
      std::filesystem::file_size(file, ec) == 0) {
    Error e{ErrorCode::kInvalid,
            "Fichier : choisissez le fichier CSV des personnes (enregistré depuis votre logiciel "
            "ou depuis Excel en « CSV UTF-8 »).",
            "file"};
    return list_page(ctx, &e, org->id);
  }
  std::string name = ctx.request.upload_name;
  // Kept under a name of its own until the import is done.
  std::string kept = (std::filesystem::temp_directory_path() /
                      fmt::format("parcours-personnes-{}-{}.csv", ::getpid(), now_seconds()))
                         .string();
  std::filesystem::rename(file, kept, ec);
  if (ec) {
    std::filesystem::copy_file(file, kept, std::filesystem::copy_options::overwrite_existing, ec);
  }
  auto id = start_import(
      ctx.db,
      {.organisation_id = org->id, .user_id = ctx.actor->user_id, .file_name = name, .path = kept});
  if (!id) {
    std::filesystem::remove(kept, ec);
    Error e = id.error();
    e.field = "file";
    e.message = "Fichier : " + e.message;
    return list_page(ctx, &e, org->id);
  }
  std::string final_path = kept_path(*id);
  std::filesystem::rename(kept, final_path, ec);
  if (!ec) {
    ctx.db.execute("UPDATE csv_imports SET stored_path = $2 WHERE id = $1", {*id, final_path});
  }
  store::append_event(
      ctx.db, {.kind = "csv.uploaded",
               .territory_id = org->territory_id,
               .actor_id = ctx.actor->user_id,
               .payload_json = json::serialize(json::object{
                   {"import_id", *id}, {"file_name", name}, {"organisation_id", org->id}})});
  // The organisation's mapping fits the file: straight to the preview.
  auto import = find_import(ctx.db, *id);
  if (saved_mapping(ctx.db, org->id) && check_mapping(import->mapping)) {
    auto preview = start_preview(ctx, *import);
    if (preview) return http::Response::redirect("/imports/personnes/" + std::to_string(*id));
  }
  return http::Response::redirect("/imports/personnes/" + std::to_string(*id) + "/correspondance");
}

http::Response mapping_page(http::Context& ctx, const Import& import, const Mapping& mapping,
                            const Error* error) {
  auto headers = read_headers(import);
  ctemplate::TemplateDictionary dict("csvimport_mapping");
  dict.SetIntValue("ID", import.id);
  dict.SetValue("FILE_NAME", import.file_name);
  dict.SetValue("ORGANISATION", organisation_name(ctx, import.organisation_id));
  dict.SetValue("ENCODING",
                encoding_label(parse_encoding(import.encoding).value_or(Encoding::kUtf8)));
  dict.SetValue("SEPARATOR", separator_label(import.separator.empty() ? ';' : import.separator[0]));
  dict.SetIntValue("COLUMNS", static_cast<long>(headers.size()));
  for (const auto& f : fields()) {
    auto* row = dict.AddSectionDictionary("FIELD");
    row->SetValue("KEY", f.key);
    row->SetValue("LABEL", f.label);
    if (*f.hint) row->SetValueAndShowSection("HINT", f.hint, "HAS_HINT");
    auto it = mapping.find(f.key);
    std::string current = it == mapping.end() ? "" : it->second;
    for (std::size_t i = 0; i < headers.size(); ++i) {
      auto* option = row->AddSectionDictionary("OPTION");
      option->SetValue("VALUE", headers[i]);
      option->SetValue("TEXT", fmt::format("{} (colonne {})", headers[i], i + 1));
      if (headers[i] == current) option->ShowSection("SELECTED");
    }
    if (error && error->field == f.key) {
      row->SetValueAndShowSection("ERROR_MESSAGE", error->message, "FIELD_ERROR");
    }
  }
  if (error) html::show_form_error(dict, *error);
  return html::page(ctx, (error ? "Erreur — " : "") + std::string("Correspondance des colonnes"),
                    "csvimport/mapping.tpl", dict, error ? http_status(error->code) : 200);
}

// GET /imports/personnes/{id}/correspondance
http::Response mapping_form(http::Context& ctx) {
  if (!may_import_any(ctx)) return html::refuse(ctx);
  auto import = visible_import(ctx);
  if (!import) return html::error_page(ctx, 404, "Page non trouvée", "Cet import n’existe pas.");
  if (!may_see(ctx, *import)) return html::refuse(ctx);
  if (import->status != "new" && import->status != "previewed") {
    return http::Response::redirect("/imports/personnes/" + std::to_string(import->id));
  }
  return mapping_page(ctx, *import, import->mapping, nullptr);
}

// POST /imports/personnes/{id}/correspondance
http::Response save_mapping_route(http::Context& ctx) {
  if (!may_import_any(ctx)) return html::refuse(ctx);
  auto import = visible_import(ctx);
  if (!import) return html::error_page(ctx, 404, "Page non trouvée", "Cet import n’existe pas.");
  if (!may_see(ctx, *import)) return html::refuse(ctx);
  if (import->status != "new" && import->status != "previewed") {
    return http::Response::redirect("/imports/personnes/" + std::to_string(import->id));
  }
  auto headers = read_headers(*import);
  Mapping mapping;
  for (const auto& f : fields()) {
    std::string value = ctx.request.form_value(f.key);
    if (value.empty()) continue;
    if (std::find(headers.begin(), headers.end(), value) == headers.end()) {
      Error e{ErrorCode::kInvalid,
              std::string(f.label) + " : choisissez l’une des colonnes du fichier.", f.key};
      return mapping_page(ctx, *import, mapping, &e);
    }
    mapping[f.key] = value;
  }
  auto saved = store::with_transaction(ctx.db, [&]() -> Result<void> {
    auto done = save_mapping(ctx.db, import->organisation_id, mapping, ctx.actor->user_id);
    if (!done) return done;
    set_import_mapping(ctx.db, import->id, mapping);
    return {};
  });
  if (!saved) return mapping_page(ctx, *import, mapping, &saved.error());
  auto preview = start_preview(ctx, *import);
  if (!preview) return mapping_page(ctx, *import, mapping, &preview.error());
  return http::Response::redirect("/imports/personnes/" + std::to_string(import->id));
}

void fill_lines(http::Context& ctx, ctemplate::TemplateDictionary& dict, const Import& import,
                Phase phase) {
  std::string filter = ctx.request.query_value("lignes");
  if (filter != "create" && filter != "update" && filter != "unchanged" && filter != "error") {
    filter.clear();
  }
  auto after = text::parse_id(ctx.request.query_value("apres")).value_or(0);
  auto page = lines(ctx.db, import.id, phase, filter.empty() ? std::nullopt : std::optional(filter),
                    after, kPageLines + 1);
  bool more = page.size() > static_cast<std::size_t>(kPageLines);
  if (more) page.pop_back();
  struct Tab {
    const char* code;
    const char* label;
    std::int64_t count;
  };
  bool preview = phase == Phase::kPreview;
  std::vector<Tab> tabs{
      {"", "Toutes", import.rows_total},
      {"error", "En erreur", preview ? import.to_reject : import.errors},
      {"create", preview ? "À créer" : "Créées", preview ? import.to_create : import.created},
      {"update", preview ? "À mettre à jour" : "Mises à jour",
       preview ? import.to_update : import.updated},
      {"unchanged", "Inchangées", preview ? import.to_leave : import.unchanged}};
  for (const auto& t : tabs) {
    auto* tab = dict.AddSectionDictionary("FILTER");
    tab->SetValue("LABEL", t.label);
    tab->SetIntValue("COUNT", t.count);
    tab->SetValue("HREF", fmt::format("/imports/personnes/{}{}", import.id,
                                      *t.code ? std::string("?lignes=") + t.code : ""));
    if (filter == t.code) tab->ShowSection("CURRENT");
  }
  std::vector<store::AccessRecord> reads;
  for (const auto& l : page) {
    auto* row = dict.AddSectionDictionary(html::key("LINE"));
    row->SetIntValue(html::key("NUMBER"), l.line);
    row->SetValue(html::key("OUTCOME"), outcome_label(l.outcome, phase));
    row->SetValue(html::key("BADGE"), l.outcome == "error"    ? "fr-badge--error"
                                      : l.outcome == "create" ? "fr-badge--new"
                                      : l.outcome == "update" ? "fr-badge--info"
                                                              : "");
    row->SetValue(html::key("TEXT"), l.message);
    // A preview line of a known person tells what their record holds (what would change):
    // a read of their data, traced as the report's links are.
    if (l.person_id) {
      reads.push_back({ctx.actor->user_id, *l.person_id, "csv_import", "imports/personnes"});
    }
    if (l.person_id && phase == Phase::kApply) {
      row->SetIntValue(html::key("PERSON_ID"), *l.person_id);
      row->ShowSection(html::key("HAS_PERSON"));
    } else {
      row->ShowSection(html::key("NO_PERSON"));
    }
  }
  if (!reads.empty()) store::log_accesses(ctx.db, reads);
  dict.ShowSection(page.empty() ? "NO_LINES" : "HAS_LINES");
  if (more) {
    dict.SetValue("NEXT_HREF",
                  fmt::format("/imports/personnes/{}?{}apres={}", import.id,
                              filter.empty() ? "" : "lignes=" + filter + "&", page.back().line));
    dict.ShowSection("NEXT");
  }
  if (after > 0) {
    dict.SetValue("FIRST_HREF", fmt::format("/imports/personnes/{}{}", import.id,
                                            filter.empty() ? "" : "?lignes=" + filter));
    dict.ShowSection("FIRST");
  }
}

// GET /imports/personnes/{id}
http::Response show(http::Context& ctx) {
  if (!may_import_any(ctx)) return html::refuse(ctx);
  auto import = visible_import(ctx);
  if (!import) return html::error_page(ctx, 404, "Page non trouvée", "Cet import n’existe pas.");
  if (!may_see(ctx, *import)) return html::refuse(ctx);
  if (import->status == "new") {
    return http::Response::redirect("/imports/personnes/" + std::to_string(import->id) +
                                    "/correspondance");
  }
  ctemplate::TemplateDictionary dict("csvimport_show");
  dict.SetIntValue("ID", import->id);
  dict.SetValue("FILE_NAME", import->file_name);
  dict.SetValue("ORGANISATION", organisation_name(ctx, import->organisation_id));
  dict.SetValue("STATUS", status_label(*import));
  dict.SetValue("BADGE", badge(*import));
  dict.SetValue("STARTED", format_datetime_fr(import->started_at));
  dict.SetValue("ENCODING",
                encoding_label(parse_encoding(import->encoding).value_or(Encoding::kUtf8)));
  dict.SetValue("SEPARATOR",
                separator_label(import->separator.empty() ? ';' : import->separator[0]));
  dict.SetIntValue("ROWS", import->rows_total);
  for (const auto& f : fields()) {
    auto it = import->mapping.find(f.key);
    if (it == import->mapping.end()) continue;
    auto* row = dict.AddSectionDictionary("MAPPED");
    row->SetValue("LABEL", f.label);
    row->SetValue("COLUMN", it->second);
  }
  std::string title;
  if (import->status == "previewed") {
    title = "Aperçu de l’import « " + import->file_name + " »";
    dict.ShowSection("PREVIEW");
    dict.SetIntValue("TO_CREATE", import->to_create);
    dict.SetIntValue("TO_UPDATE", import->to_update);
    dict.SetIntValue("TO_LEAVE", import->to_leave);
    dict.SetIntValue("TO_REJECT", import->to_reject);
    if (import->to_reject > 0) dict.ShowSection("HAS_ERRORS");
    fill_lines(ctx, dict, *import, Phase::kPreview);
  } else if (import->status == "done") {
    title = "Compte rendu de l’import « " + import->file_name + " »";
    dict.ShowSection("REPORT");
    dict.SetIntValue("CREATED", import->created);
    dict.SetIntValue("UPDATED", import->updated);
    dict.SetIntValue("UNCHANGED", import->unchanged);
    dict.SetIntValue("ERRORS", import->errors);
    if (import->finished_at) dict.SetValue("FINISHED", format_datetime_fr(*import->finished_at));
    fill_lines(ctx, dict, *import, Phase::kApply);
  } else if (import->status == "failed") {
    title = "Import « " + import->file_name + " »";
    dict.SetValueAndShowSection("MESSAGE", import->message, "FAILED");
  } else if (import->status == "expired") {
    title = "Import « " + import->file_name + " »";
    dict.SetValueAndShowSection("MESSAGE", import->message, "EXPIRED");
  } else {
    title = "Import « " + import->file_name + " » en cours";
    dict.ShowSection("RUNNING");
  }
  auto response = html::page(ctx, title, "csvimport/show.tpl", dict);
  if (import->status == "queued" || import->status == "importing" ||
      import->status == "previewing") {
    response.set_header("Refresh", "2");
  }
  return response;
}

// POST /imports/personnes/{id}/importer
http::Response confirm(http::Context& ctx) {
  if (!may_import_any(ctx)) return html::refuse(ctx);
  auto import = visible_import(ctx);
  if (!import) return html::error_page(ctx, 404, "Page non trouvée", "Cet import n’existe pas.");
  if (!may_see(ctx, *import)) return html::refuse(ctx);
  if (import->status == "previewed") {
    store::with_transaction(ctx.db, [&] {
      ctx.db.execute(
          "UPDATE csv_imports SET status = 'queued' WHERE id = $1 AND status = "
          "'previewed'",
          {import->id});
      jobs::enqueue_job(ctx.db, kApplyJob,
                        json::serialize(json::object{{"import_id", import->id}}));
    });
  }
  return http::Response::redirect("/imports/personnes/" + std::to_string(import->id));
}

// GET /imports/personnes/{id}/rapport.json
http::Response report_json(http::Context& ctx) {
  if (!may_import_any(ctx)) {
    return http::Response::problem(403, "Accès refusé",
                                   "Réservé aux administrateurs de la structure et aux "
                                   "responsables de son territoire.");
  }
  auto import = visible_import(ctx);
  if (!import) return http::Response::problem(404, "Introuvable", "Cet import n’existe pas.");
  if (!may_see(ctx, *import)) {
    return http::Response::problem(403, "Accès refusé", "Cet import n’est pas de vos structures.");
  }
  std::vector<store::AccessRecord> reads{
      {ctx.actor->user_id, std::nullopt, "csv_import_report", "imports/personnes/rapport.json"}};
  store::log_accesses(ctx.db, reads);
  auto response = http::Response::json(
      import_json(ctx.db, *import, import->status == "done" ? Phase::kApply : Phase::kPreview));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  // Refused before its body is read (upload.h) unless the account may import at all.
  http::register_streamed_upload("POST", "/imports/personnes", kUploadLimit, may_import_any);
  router.add("GET", "/imports/personnes", list);
  router.add("POST", "/imports/personnes", upload);
  router.add("GET", "/imports/personnes/{id}", show);
  router.add("GET", "/imports/personnes/{id}/correspondance", mapping_form);
  router.add("POST", "/imports/personnes/{id}/correspondance", save_mapping_route);
  router.add("POST", "/imports/personnes/{id}/importer", confirm);
  router.add("GET", "/imports/personnes/{id}/rapport.json", report_json);
}

namespace {

// Previews of large files and imports run in a thread of their own with their own connection:
// they commit batch by batch, which they could not do inside the job's transaction.
struct Task {
  std::int64_t import_id = 0;
  Phase phase = Phase::kApply;
};

void run_task(store::Db& db, const Task& task) {
  auto conn = db.acquire();
  store::WithoutMemoryMap bounded(*conn);  // as the CAF import
  const std::int64_t id = task.import_id;
  try {
    auto import = find_import(*conn, id);
    if (!import) return;
    const bool apply = task.phase == Phase::kApply;
    if (apply ? import->status != "queued" && import->status != "importing"
              : import->status != "previewing") {
      return;
    }
    auto done = run(*conn, id, task.phase);
    if (!done) {
      conn->execute(
          "UPDATE csv_imports SET status = 'failed', message = $2, finished_at = $3 WHERE id = $1",
          {id, done.error().message, now_seconds()});
    }
    if (apply || !done) {
      std::error_code ec;
      std::filesystem::remove(import->stored_path, ec);
    }
  } catch (const std::exception& e) {
    if (conn->in_transaction()) conn->rollback();
    conn->execute(
        "UPDATE csv_imports SET status = 'failed', message = $2, finished_at = $3 WHERE id = $1",
        {id, std::string("erreur inattendue : ") + e.what(), now_seconds()});
    std::fprintf(stderr, "import de personnes %lld : %s\n", static_cast<long long>(id), e.what());
  }
}

jobs::QueueThread<Task>& worker() {
  static jobs::QueueThread<Task> w;
  return w;
}

}  // namespace

void register_jobs(jobs::JobRunner& runner, store::Db& db) {
  worker().start([&db](Task& task) { run_task(db, task); });
  runner.on(kExpireJob, [](store::Connection& conn, const jobs::Job&) {
    expire_unconfirmed(conn, now_seconds() - kUnconfirmedLifetimeSeconds);
    if (!conn.query_one("SELECT 1 FROM jobs WHERE kind = $1 AND status = 'queued'",
                        {std::string(kExpireJob)})) {
      jobs::enqueue_job(conn, kExpireJob, "{}", now_seconds() + 3600);
    }
  });
  for (auto [kind, phase] : {std::pair{kApplyJob, Phase::kApply}, {kPreviewJob, Phase::kPreview}}) {
    runner.on(kind, [phase](store::Connection&, const jobs::Job& job) {
      auto payload = json::parse(job.payload_json).as_object();
      worker().push({payload.at("import_id").to_number<std::int64_t>(), phase});
    });
  }
}

void schedule_expiry(store::Connection& conn) {
  if (!conn.query_one("SELECT 1 FROM jobs WHERE kind = $1 AND status IN ('queued', 'running')",
                      {std::string(kExpireJob)})) {
    jobs::enqueue_job(conn, kExpireJob);
  }
}

void stop_imports() { worker().shutdown(); }

}  // namespace parcours::csvimport
