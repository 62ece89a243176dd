#include "features/search/exchange.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <istream>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/atomic.h"
#include "core/store/journal.h"
#include "features/catalogue/service.h"
#include "features/search/index.h"
#include "features/search/schema.h"

namespace parcours::search {
namespace json = boost::json;
namespace {

constexpr std::string_view kParcoursSource = "parcours";

struct Pending {
  std::size_t record = 0;
  catalogue::Service service;
  catalogue::Structure structure;
  std::vector<std::string> notices;
  IndexEntry index;  // of a service, without its score (known when written)
};

// A record read and checked, ready to write (or rejected, or skipped), in the file's order.
struct Prepared {
  std::size_t record = 0;
  std::vector<ImportLine> rejections;  // not empty: rejected, one line per error
  bool skipped = false;                // of source "parcours"
  bool is_service = false;
  Pending pending;
};

// Chunks of prepared records from the thread that reads the file to the one that writes: at
// most kQueuedChunks wait, so that a slow database holds back the reading rather than memory
// filling up. Either side can stop the other: finish() (the reader is done, or failed) and
// cancel() (the writer failed).
class RecordQueue {
 public:
  static constexpr std::size_t kChunk = 256;
  static constexpr std::size_t kQueuedChunks = 16;

  // False when the writer has given up.
  bool push(std::vector<Prepared> chunk) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return cancelled_ || chunks_.size() < kQueuedChunks; });
    if (cancelled_) return false;
    chunks_.push_back(std::move(chunk));
    changed_.notify_all();
    return true;
  }
  // False when the reader is done and nothing is left; rethrows the reader's failure.
  bool pop(std::vector<Prepared>& chunk) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return finished_ || !chunks_.empty(); });
    if (chunks_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    chunk = std::move(chunks_.front());
    chunks_.pop_front();
    changed_.notify_all();
    return true;
  }
  void finish(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = std::move(error);
    changed_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Prepared>> chunks_;
  bool finished_ = false;
  bool cancelled_ = false;
  std::exception_ptr error_;
};

std::string string_field(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The codes of the geography, to check zones; empty when load-geo has not run.
struct KnownZones {
  std::unordered_set<std::string> codes;
  bool loaded = false;

  explicit KnownZones(store::Connection& conn) {
    for (const char* sql :
         {"SELECT code FROM communes", "SELECT code FROM departements", "SELECT code FROM epci"}) {
      for (const auto& row : conn.query(sql)) codes.insert(row.text(0));
    }
    loaded = !codes.empty();
  }
  bool known(const std::string& code) const {
    if (!loaded || code == "france" || (code.size() == 5 && code.starts_with("99"))) return true;
    return codes.contains(code);
  }
};

// The index rows of a service as reindex_services would compute them from its stored row.
IndexEntry index_entry_of(const catalogue::Service& s) {
  auto position = [](const std::optional<double>& v) {
    return v ? store::Value{*v} : store::Value{nullptr};
  };
  return index_entry({.name = s.nom,
                      .description = s.description,
                      .type = s.type.value_or(""),
                      .frais = s.frais.value_or(""),
                      .thematiques = s.thematiques,
                      .publics = s.publics,
                      .modes_accueil = s.modes_accueil,
                      .zone_eligibilite = s.zone_eligibilite,
                      .latitude = position(s.latitude),
                      .longitude = position(s.longitude)});
}

class Importer {
 public:
  Importer(store::Connection& conn, const ImportListener& listener)
      : conn_(conn), listener_(listener), zones_(conn) {}

  // Checks a record against its schema, the catalogue's rules and the geography: no database
  // access, so that it runs in the reading thread.
  Prepared prepare(std::size_t record, const json::value& value) const {
    Prepared p{.record = record};
    if (!value.is_object()) {
      p.rejections.push_back({record, "", "l’enregistrement n’est pas un objet JSON", true});
      return p;
    }
    const auto& o = value.as_object();
    std::string id = string_field(o, "id");
    p.is_service = o.contains("structure_id");
    auto errors = (p.is_service ? service_schema() : structure_schema()).validate(value);
    for (const auto& e : errors) {
      p.rejections.push_back(
          {record, id, e.path.empty() ? e.message : e.path + " : " + e.message, true});
    }
    if (!errors.empty()) return p;
    if (string_field(o, "source") == kParcoursSource) {
      p.skipped = true;
      return p;
    }
    p.pending.record = record;
    if (p.is_service) {
      auto service = catalogue::service_from_data_inclusion(o);
      if (!service) {
        p.rejections.push_back({record, id, service.error().message, true});
        return p;
      }
      p.pending.service = std::move(*service);
      filter_zones(p);
      if (p.rejections.empty()) p.pending.index = index_entry_of(p.pending.service);
    } else {
      auto structure = catalogue::structure_from_data_inclusion(o);
      if (!structure) {
        p.rejections.push_back({record, id, structure.error().message, true});
        return p;
      }
      p.pending.structure = std::move(*structure);
    }
    return p;
  }

  static Prepared invalid(std::size_t record, const std::string& message) {
    return Prepared{.record = record, .rejections = {{record, "", message, true}}};
  }

  // Counts a prepared record, reports its errors, or queues it for the next batch.
  void accept(Prepared p) {
    ++report_.records;
    if (!p.rejections.empty()) {
      for (const auto& line : p.rejections) emit(line);
      ++report_.rejected;
      return;
    }
    if (p.skipped) {
      ++report_.skipped;
      return;
    }
    (p.is_service ? services_ : structures_).push_back(std::move(p.pending));
    if (structures_.size() + services_.size() >= kImportBatch) flush();
  }

  ImportReport finish() {
    flush();
    // Services whose structure came later in the file, or never.
    final_pass_ = true;
    services_ = std::move(deferred_);
    deferred_.clear();
    while (!services_.empty()) {
      std::vector<Pending> rest;
      if (services_.size() > kImportBatch) {
        rest.assign(std::make_move_iterator(services_.begin() + kImportBatch),
                    std::make_move_iterator(services_.end()));
        services_.resize(kImportBatch);
      }
      flush();
      services_ = std::move(rest);
    }
    if (centres_stale_) atomically(conn_, [&] { refresh_commune_centres(conn_); });
    return report_;
  }

 private:
  void emit(const ImportLine& line) {
    if (listener_) listener_(line);
  }
  void reject(std::size_t record, const std::string& id, const std::string& message) {
    emit({record, id, message, true});
    ++report_.rejected;
  }

  // Drops the zone codes that the geography does not know (a notice each); rejects the
  // service when none is left.
  void filter_zones(Prepared& prepared) const {
    Pending& p = prepared.pending;
    auto& zone = p.service.zone_eligibilite;
    if (zone.empty() || !zones_.loaded) return;
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < zone.size(); ++i) {
      if (zones_.known(zone[i])) {
        kept.push_back(zone[i]);
      } else {
        p.notices.push_back("zone_eligibilite[" + std::to_string(i) + "] : le code « " + zone[i] +
                            " » n’est ni une commune, ni un département, ni un EPCI connus");
      }
    }
    if (kept.empty()) {
      for (const auto& n : p.notices)
        prepared.rejections.push_back({p.record, p.service.di_id, n, true});
      prepared.rejections.push_back(
          {p.record, p.service.di_id,
           "zone_eligibilite : aucun code connu, le service serait ouvert à tous", true});
      return;
    }
    zone = std::move(kept);
  }

  std::optional<std::int64_t> structure_id(const std::string& source, const std::string& di_id) {
    auto key = source + '\n' + di_id;
    if (auto it = structure_ids_.find(key); it != structure_ids_.end()) return it->second;
    auto row = conn_.query_one("SELECT id FROM structures WHERE source = $1 AND di_id = $2",
                               {source, di_id});
    if (!row) return std::nullopt;
    structure_ids_.emplace(key, row->integer(0));
    return row->integer(0);
  }

  // The status of the services already stored (an import keeps an archived service archived),
  // looked up by (source, di_id), the unique index: by di_id alone every batch read the whole
  // table. Lists are padded to kStatusBatch (repeating a key) so that one statement serves.
  std::unordered_map<std::string, std::string> stored_statuses() {
    constexpr std::size_t kStatusBatch = 500;
    std::map<std::string, std::vector<std::string>> by_source;
    for (const auto& p : services_) by_source[p.service.source].push_back(p.service.di_id);
    std::unordered_map<std::string, std::string> out;
    for (const auto& [source, ids] : by_source) {
      for (std::size_t start = 0; start < ids.size(); start += kStatusBatch) {
        std::vector<store::Value> values{source};
        std::string sql =
            "SELECT source, di_id, status FROM services WHERE source = $1 AND di_id IN (";
        for (std::size_t i = 0; i < kStatusBatch; ++i) {
          sql += (i ? ", $" : "$") + std::to_string(values.size() + 1);
          values.emplace_back(ids[std::min(ids.size() - 1, start + i)]);
        }
        auto rows = conn_.query(sql + ")", store::Params(std::move(values)));
        for (const auto& row : rows) out.emplace(row.text(0) + '\n' + row.text(1), row.text(2));
      }
    }
    return out;
  }

  void flush() {
    if (structures_.empty() && services_.empty()) return;
    std::vector<std::int64_t> changed_services;
    // Services inserted by this batch: their index rows come from memory, not read back.
    std::vector<std::pair<std::int64_t, IndexEntry>> new_services;
    bool services_changed = false;
    std::int64_t changes = 0;
    std::vector<ImportLine> lines;  // reported once the batch is committed
    ImportReport before = report_;
    atomically(conn_, [&] {
      for (auto& p : structures_) {
        bool existed = structure_id(p.structure.source, p.structure.di_id).has_value();
        bool changed = catalogue::upsert_structure(conn_, p.structure);
        structure_ids_[p.structure.source + '\n' + p.structure.di_id] = p.structure.id;
        if (!changed) {
          ++report_.structures_unchanged;
        } else if (existed) {
          ++report_.structures_updated;
        } else {
          ++report_.structures_created;
        }
        changes += changed;
      }
      auto statuses = stored_statuses();
      for (auto& p : services_) {
        auto& s = p.service;
        auto sid = structure_id(s.source, s.structure_di_id);
        if (!sid) {
          if (!final_pass_) {
            deferred_.push_back(std::move(p));
          } else {
            lines.push_back({p.record, s.di_id,
                             "structure_id : la structure « " + s.structure_di_id +
                                 " » est inconnue (ni dans la base, ni dans le fichier)",
                             true});
            ++report_.rejected;
          }
          continue;
        }
        s.structure_id = *sid;
        auto key = s.source + '\n' + s.di_id;
        auto stored = statuses.find(key);
        bool existed = stored != statuses.end();
        if (existed) s.status = stored->second;
        Result<bool> changed = true;
        if (existed) {
          changed = catalogue::upsert_service(conn_, s);
        } else {
          catalogue::insert_service(conn_, s);
          statuses.emplace(key, s.status);  // the same record again later in the batch
        }
        if (!changed) {
          lines.push_back({p.record, s.di_id, changed.error().message, true});
          ++report_.rejected;
          continue;
        }
        for (const auto& n : p.notices) lines.push_back({p.record, s.di_id, n, false});
        if (!*changed) {
          ++report_.services_unchanged;
          continue;
        }
        ++(existed ? report_.services_updated : report_.services_created);
        services_changed = true;
        if (existed) {
          changed_services.push_back(s.id);
        } else if (s.status == "published") {
          p.index.score = s.score_qualite;
          new_services.emplace_back(s.id, std::move(p.index));
        }
        ++changes;
      }
      // New services first: a record repeated later in the batch updates the one it inserted.
      index_new_services(conn_, new_services);
      reindex_services(conn_, changed_services, false);
      centres_stale_ = centres_stale_ || services_changed;
      if (changes) {
        store::append_event(
            conn_,
            {.kind = "catalogue.imported",
             .payload_json = json::serialize(json::object{
                 {"structures_created", report_.structures_created - before.structures_created},
                 {"structures_updated", report_.structures_updated - before.structures_updated},
                 {"services_created", report_.services_created - before.services_created},
                 {"services_updated", report_.services_updated - before.services_updated}})});
      }
    });
    structures_.clear();
    services_.clear();
    for (const auto& l : lines) emit(l);
  }

  store::Connection& conn_;
  const ImportListener& listener_;
  KnownZones zones_;
  ImportReport report_;
  std::vector<Pending> structures_;
  std::vector<Pending> services_;
  std::vector<Pending> deferred_;
  bool final_pass_ = false;
  bool centres_stale_ = false;
  std::unordered_map<std::string, std::int64_t> structure_ids_;
};

// Empty lists as null: the schemas ask lists such as publics or zone_eligibilite to hold at
// least one code when present, and an import reads null as an empty list.
json::object exportable(json::object record) {
  for (auto& [key, value] : record) {
    if (value.is_array() && value.as_array().empty()) value = nullptr;
  }
  return record;
}

}  // namespace

std::string ImportLine::text() const {
  std::string out = "enregistrement " + std::to_string(record);
  if (!id.empty()) out += " (" + id + ")";
  return out + " : " + message;
}

std::string ImportReport::summary() const {
  auto n = [](std::int64_t v) { return std::to_string(v); };
  return n(records) + " enregistrements lus : structures " + n(structures_created) + " créées, " +
         n(structures_updated) + " modifiées, " + n(structures_unchanged) +
         " inchangées ; services " + n(services_created) + " créés, " + n(services_updated) +
         " modifiés, " + n(services_unchanged) + " inchangés ; " + n(rejected) + " refusés" +
         (skipped ? " ; " + n(skipped) + " de source « parcours » laissés tels quels" : "") + ".";
}

namespace {

// Runs `read` (which calls its argument with each record, prepared) in a thread of its own while
// this one writes the records to the database: reading, parsing and checking a record costs
// about as much as writing it, and there are two cores.
ImportReport import_pipelined(
    Importer& importer, const std::function<void(const std::function<void(Prepared)>&)>& read) {
  RecordQueue queue;
  std::thread reader([&] {
    try {
      std::vector<Prepared> chunk;
      bool open = true;
      read([&](Prepared p) {
        if (!open) return;
        chunk.push_back(std::move(p));
        if (chunk.size() == RecordQueue::kChunk) {
          open = queue.push(std::move(chunk));
          chunk.clear();
        }
      });
      if (open && !chunk.empty()) queue.push(std::move(chunk));
      queue.finish(nullptr);
    } catch (...) {
      queue.finish(std::current_exception());
    }
  });
  try {
    std::vector<Prepared> chunk;
    while (queue.pop(chunk)) {
      for (auto& p : chunk) importer.accept(std::move(p));
    }
  } catch (...) {
    queue.cancel();
    reader.join();
    throw;
  }
  reader.join();
  return importer.finish();
}

}  // namespace

Result<ImportReport> import_data_inclusion(store::Connection& conn, std::istream& in,
                                           const ImportListener& listener) {
  Importer importer(conn, listener);
  // JSON array or JSON lines: decided by the first character that is not a space.
  char first = 0;
  while (in.get(first) && (first == ' ' || first == '\n' || first == '\r' || first == '\t' ||
                           first == '\xEF' || first == '\xBB' || first == '\xBF')) {
  }
  if (!in) return ImportReport{};
  in.unget();
  if (first == '[') {
    std::stringstream content;
    content << in.rdbuf();
    boost::system::error_code ec;
    json::value value = json::parse(content.str(), ec);
    if (ec || !value.is_array()) {
      return fail(ErrorCode::kInvalid,
                  "Le fichier commence par « [ » mais n’est pas un tableau JSON valide (" +
                      ec.message() + ").",
                  "file");
    }
    return import_pipelined(importer, [&](const auto& sink) {
      std::size_t record = 0;
      for (const auto& item : value.as_array()) sink(importer.prepare(++record, item));
    });
  }
  return import_pipelined(importer, [&](const auto& sink) {
    std::string line;
    std::size_t number = 0;
    json::stream_parser parser;
    while (std::getline(in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      boost::system::error_code ec;
      parser.reset();
      parser.write(line, ec);
      if (!ec) parser.finish(ec);
      sink(ec ? Importer::invalid(number, "ligne qui n’est pas du JSON valide")
              : importer.prepare(number, parser.release()));
    }
  });
}

ExportPage export_page(store::Connection& conn, ExportKind kind, std::int64_t after, int limit) {
  ExportPage page;
  std::int64_t last = 0;
  if (kind == ExportKind::kServices) {
    auto rows = conn.query(std::string("SELECT ") + catalogue::kServiceColumns +
                               " FROM services s JOIN structures st ON st.id = s.structure_id "
                               "WHERE s.status = 'published' AND s.id > $1 ORDER BY s.id LIMIT $2",
                           {after, static_cast<std::int64_t>(limit) + 1});
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
      auto service = catalogue::service_from_row(rows[i]);
      last = service.id;
      page.items.push_back(exportable(catalogue::service_to_data_inclusion(service)));
    }
    if (rows.size() > static_cast<std::size_t>(limit)) page.next_after = last;
    return page;
  }
  auto rows = conn.query(
      "SELECT st.id FROM structures st WHERE st.id > $1 AND EXISTS (SELECT 1 FROM services s "
      "WHERE s.structure_id = st.id AND s.status = 'published') ORDER BY st.id LIMIT $2",
      {after, static_cast<std::int64_t>(limit) + 1});
  for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
    if (auto structure = catalogue::find_structure(conn, rows[i].integer(0))) {
      last = structure->id;
      page.items.push_back(exportable(catalogue::structure_to_data_inclusion(*structure)));
    }
  }
  if (rows.size() > static_cast<std::size_t>(limit)) page.next_after = last;
  return page;
}

std::int64_t export_data_inclusion(store::Connection& conn, ExportKind kind, std::ostream& out) {
  std::int64_t count = 0;
  std::int64_t after = 0;
  out << "[";
  while (true) {
    auto page = export_page(conn, kind, after, 1000);
    for (const auto& item : page.items) {
      out << (count++ ? ",\n" : "\n") << json::serialize(item);
    }
    if (!page.next_after) break;
    after = *page.next_after;
  }
  out << (count ? "\n]\n" : "]\n");
  return count;
}

}  // namespace parcours::search
