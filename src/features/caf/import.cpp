#include "features/caf/import.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <future>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/clock.h"
#include "core/mail/outbox.h"
#include "core/store/bulk.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/people/events.h"
#include "features/people/identity.h"
#include "features/people/journeys.h"
#include "features/people/known.h"
#include "features/people/matching.h"
#include "features/people/nir_protection.h"
#include "features/people/person_rows.h"
#include "features/people/persons.h"

namespace parcours::caf {
namespace json = boost::json;
namespace {

// "2022-02-28" -> "28/02/2022"
std::string date_fr(std::string_view iso) {
  if (iso.size() < 10) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" +
         std::string(iso.substr(0, 4));
}

bool open_right(std::string_view state) {
  return state == "0" || state == "2" || state == "3" || state == "4";
}
bool suspended(std::string_view state) { return state == "3" || state == "4"; }
bool closed(std::string_view state) { return state == "5" || state == "6"; }

// The CAF matricule as stored (7 digits); none for the MSA (its matricule is the NIR).
std::optional<std::string> caf_number_of(const Household& h) {
  if (h.fonorg == "MSA") return std::nullopt;
  std::string digits = h.matricule;
  if (digits.size() == 15 && digits.find_first_not_of('0', 7) == std::string::npos) {
    digits.resize(7);
  }
  auto n = people::normalise_caf_number(digits);
  if (!n) return std::nullopt;
  return *n;
}

std::string departement_of_commune(std::string_view code) {
  if (code.size() != 5) return {};
  if (code.starts_with("97") || code.starts_with("98")) return std::string(code.substr(0, 3));
  return std::string(code.substr(0, 2));
}

std::string normalise_departement(std::string code) {
  // IDEPARTE is 3 characters: "052", "02A", "971".
  if (code.size() == 3 && code[0] == '0') code = code.substr(1);
  return code;
}

struct Stored {
  std::int64_t id = 0;
  std::int64_t territory_id = 0;
  std::optional<std::string> nir_hash;
  std::optional<std::string> rsa_status;
  bool rights_and_duties = false;
  bool no_fixed_address = false;
  std::optional<std::string> caf_number;
  std::optional<std::string> ft_id;
  std::optional<std::int64_t> spouse_id;
  std::optional<std::string> caf_role;
  std::optional<std::string> birth_date;
  std::string first_names;
};

constexpr const char* kStoredColumns =
    "SELECT id, territory_id, nir_hash, rsa_status, rights_and_duties, no_fixed_address, "
    "caf_number, ft_id, spouse_id, caf_role, birth_date, first_names FROM persons ";

Stored stored_of(const store::Row& r) {
  Stored s;
  s.id = r.integer(0);
  s.territory_id = r.integer(1);
  s.nir_hash = r.opt_text(2);
  s.rsa_status = r.opt_text(3);
  s.rights_and_duties = r.boolean(4);
  s.no_fixed_address = r.boolean(5);
  s.caf_number = r.opt_text(6);
  s.ft_id = r.opt_text(7);
  s.spouse_id = r.opt_integer(8);
  s.caf_role = r.opt_text(9);
  s.birth_date = r.opt_text(10);
  s.first_names = r.text(11);
  return s;
}

struct Counters {
  std::int64_t households = 0;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t rejected = 0;
};

// Rows of one table kept until the end of a batch, then written in the order they were added by
// multi-row INSERTs of three fixed shapes (64, 8 and 1 rows): one statement per table and shape,
// prepared once, instead of one execution per row.
class RowBuffer {
 public:
  // `tail`: after the VALUES (an ON CONFLICT clause).
  RowBuffer(std::string head, std::size_t columns, std::string tail = {})
      : head_(std::move(head)), tail_(std::move(tail)), columns_(columns) {}

  void add(std::initializer_list<store::Value> row) {
    values_.insert(values_.end(), row.begin(), row.end());
  }
  void add(std::vector<store::Value> row) {
    values_.insert(values_.end(), std::make_move_iterator(row.begin()),
                   std::make_move_iterator(row.end()));
  }
  // The rows kept, and one value of one of them (a row is changed before it is written).
  std::size_t rows() const { return values_.size() / columns_; }
  store::Value& at(std::size_t row, std::size_t column) { return values_[row * columns_ + column]; }
  bool empty() const { return values_.empty(); }
  void clear() { values_.clear(); }

  ~RowBuffer() {
    fprintf(stderr, "TIMING %.60s : %.3f s, %zu rows, %zu calls\n", head_.c_str(), total_ / 1e9,
            nrows_, calls_);
  }
  double total_ = 0;
  std::size_t nrows_ = 0, calls_ = 0;
  void write(store::Connection& conn) {
    auto t0 = std::chrono::steady_clock::now();
    struct Acc {
      RowBuffer* b;
      std::chrono::steady_clock::time_point t0;
      ~Acc() {
        b->total_ +=
            std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
      }
    } acc{this, t0};
    nrows_ += values_.size() / columns_;
    if (!values_.empty()) ++calls_;
    std::size_t rows = values_.size() / columns_;
    std::size_t first = 0;
    for (std::size_t shape : {std::size_t{64}, std::size_t{8}, std::size_t{1}}) {
      for (; rows - first >= shape; first += shape) {
        auto from = values_.begin() + static_cast<std::ptrdiff_t>(first * columns_);
        auto to = from + static_cast<std::ptrdiff_t>(shape * columns_);
        store::Params params(
            std::vector<store::Value>(std::make_move_iterator(from), std::make_move_iterator(to)));
        conn.execute(sql(shape), params);
      }
    }
    values_.clear();
  }

 private:
  const std::string& sql(std::size_t rows) {
    auto& text = sql_[rows];
    if (text.empty()) {
      text = std::string(std::getenv("XFAIL") ? "INSERT OR FAIL" : "INSERT") + head_.substr(6) +
             " VALUES ";
      for (std::size_t r = 0; r < rows; ++r) {
        text += r ? ", (" : "(";
        for (std::size_t c = 0; c < columns_; ++c) {
          text += fmt::format("{}${}", c ? ", " : "", r * columns_ + c + 1);
        }
        text += ")";
      }
      text += tail_;
    }
    return text;
  }

  std::string head_;
  std::string tail_;
  std::size_t columns_;
  std::vector<store::Value> values_;
  std::map<std::size_t, std::string> sql_;
};

class Importer {
 private:
  struct StoredHousehold {
    std::string digest;
    std::string reference_date;
    std::optional<std::string> raw_digest;  // none for rows written before it was kept
    std::optional<std::int64_t> territory_id;
    std::string commune;
    std::string departement;
  };

  static constexpr const char* kStoredHouseholdColumns =
      "SELECT matricule, digest, reference_date, raw_digest, territory_id, commune, departement "
      "FROM caf_households ";

  static StoredHousehold stored_household_of(const store::Row& row) {
    return {row.text(1),        row.text(2), row.opt_text(3),
            row.opt_integer(4), row.text(5), row.text(6)};
  }

 public:
  Importer(store::Connection& conn, const ImportOptions& options, std::int64_t import_id,
           const Header& header)
      : conn_(conn), options_(options), import_id_(import_id), header_(header) {
    for (const auto& row :
         conn_.query("SELECT departement_code, territory_id FROM territory_departements", {})) {
      territory_of_departement_[row.text(0)] = row.integer(1);
    }
    for (const auto& row : conn_.query("SELECT id, name FROM territories", {})) {
      territory_names_[row.integer(0)] = row.text(1);
    }
  }

  Counters counters;
  std::set<std::int64_t> territories_touched;

  // A household whose bytes are those already applied, in the same territory, is unchanged
  // without being parsed (the digest of its bytes decides, then that of what the import reads).
  // `index`: the household's place in the batch given to prepare().
  void apply(ReadHousehold& read, std::size_t index) {
    const std::string& raw_digest = read.digest;
    const StoredHousehold* previous = stored_household(read.raw.matricule);
    if (bytes_applied(previous, raw_digest)) {
      ++counters.households;
      counters.unchanged += read.raw.persons;
      return;
    }
    Result<Household> h = index < parsed_.size() && parsed_[index]
                              ? Result<Household>(std::move(*parsed_[index]))
                              : parsed(read);
    if (!h) throw Unreadable{h.error()};
    if (h->matricule != read.raw.matricule) previous = stored_household(h->matricule);
    apply(*h, raw_digest, previous);
  }

  // Bulk path, after prefetch() and before the batch is applied: the households whose bytes
  // were not applied are parsed, and the strong identifiers of their persons (NIR, France Travail
  // id, CAF matricule) looked up in one query each for the whole batch instead of three or four
  // queries per person. A person none of whose identifiers is held by a record, nor by one the
  // batch has written since, nor by one it keeps to write, is then known new without a query
  // (see apply_person): the other persons of a household no longer write the kept rows first.
  // Returns whether most households of the batch had to be parsed (the reader then parses the
  // next ones ahead).
  bool prepare(std::vector<ReadHousehold>& batch) {
    parsed_.assign(batch.size(), std::nullopt);
    held_.clear();
    identifiers_read_ = false;
    std::size_t changed = 0;
    std::set<std::string> nir_hashes, ft_ids, caf_numbers;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      auto stored = stored_households_.find(batch[i].raw.matricule);
      if (bytes_applied(stored == stored_households_.end() ? nullptr : &stored->second,
                        batch[i].digest)) {
        continue;
      }
      ++changed;
      if (!options_.bulk) continue;
      auto h = parsed(batch[i]);
      if (!h) throw Unreadable{h.error()};
      for (const auto& p : h->persons) {
        auto ids = identifiers_of(*h, p);
        if (ids.hash) nir_hashes.insert(*ids.hash);
        if (ids.ft_id) ft_ids.insert(*ids.ft_id);
        if (ids.caf_number) caf_numbers.insert(*ids.caf_number);
      }
      parsed_[i] = std::move(*h);
    }
    if (options_.bulk) {
      read_held('n', "nir_hash", nir_hashes);
      read_held('f', "ft_id", ft_ids);
      read_held('c', "caf_number", caf_numbers);
      identifiers_read_ = true;
    }
    return 2 * changed > batch.size();
  }

  // Thrown when a household's bytes cannot be parsed (the import fails with this error).
  struct Unreadable {
    Error error;
  };

  void apply(const Household& h, const std::string& raw_digest, const StoredHousehold* previous) {
    ++counters.households;
    auto territory = territory_of(h.commune, h.departement);
    if (!territory) {
      reject(h, fmt::format("hors de tout territoire (commune {}, département {})",
                            h.commune.empty() ? "non renseignée" : h.commune,
                            h.departement.empty() ? "non renseigné" : h.departement));
      return;
    }
    if (options_.territory_id && *territory != *options_.territory_id) {
      reject(h, fmt::format("relève du territoire « {} », pas du vôtre",
                            territory_names_[*territory]));
      return;
    }
    std::string digest = h.digest();
    if (previous && previous->digest == digest) {
      counters.unchanged += static_cast<std::int64_t>(h.persons.size());
      // Other bytes, same values (or a row from before the bytes were kept): these bytes are
      // remembered, so that the next read of them needs no parsing.
      if (previous->raw_digest != raw_digest) {
        conn_.execute(
            "UPDATE caf_households SET raw_digest = $2, commune = $3, departement = $4 WHERE "
            "matricule = $1",
            {h.matricule, raw_digest, h.commune, h.departement});
      }
      return;
    }
    if (previous && previous->reference_date > header_.reference_date) {
      add_line(h, "skipped", std::nullopt, *territory,
               "foyer déjà mis à jour par un flux plus récent (" +
                   date_fr(previous->reference_date) + ")");
      return;
    }
    territories_touched.insert(*territory);
    std::vector<std::optional<std::int64_t>> ids;
    ids.reserve(h.persons.size());
    household_created_.clear();
    for (const auto& p : h.persons) ids.push_back(apply_person(h, p, *territory));
    link_spouses(h, ids, *territory);
    households_.add({h.matricule, *territory, digest, header_.reference_date, import_id_, now_,
                     raw_digest, h.commune, h.departement});
    if (!options_.bulk) households_.write(conn_);
  }

  void set_now(std::int64_t now) { now_ = now; }

  // The stored digests of a batch's households, in one query (per-household lookups cost a
  // round trip each on PostgreSQL). Households of the batch are applied after this, each one
  // once: a matricule repeated within the batch is looked up again after the first is written.
  void prefetch(const std::vector<ReadHousehold>& batch) {
    discard_pending();
    stored_households_.clear();
    prefetched_.clear();
    if (batch.empty()) return;
    std::string sql = std::string(kStoredHouseholdColumns) + "WHERE matricule IN (";
    store::Params params;
    std::set<std::string_view> seen;
    for (const auto& h : batch) {
      if (!seen.insert(h.raw.matricule).second) continue;
      params.add(h.raw.matricule);
      sql += (params.values().size() > 1 ? ", $" : "$") + std::to_string(params.values().size());
      prefetched_.insert(h.raw.matricule);
    }
    sql += ")";
    for (const auto& row : conn_.query(sql, params)) {
      stored_households_[row.text(0)] = stored_household_of(row);
    }
  }

 private:
  // The household parsed by the reader, else parsed now.
  Result<Household> parsed(ReadHousehold& read) const {
    if (!read.parsed) return parse_household(read.raw, header_.encoding);
    auto h = std::move(*read.parsed);
    read.parsed.reset();
    return h;
  }

  // The territory of a household's commune (NUMCOM), else of its département (IDEPARTE).
  std::optional<std::int64_t> territory_of(const std::string& commune,
                                           const std::string& departement) {
    if (!commune.empty()) {
      auto it = commune_departement_.find(commune);
      if (it == commune_departement_.end()) {
        auto row =
            conn_.query_one("SELECT departement_code FROM communes WHERE code = $1", {commune});
        std::string dep = row ? row->text(0) : departement_of_commune(commune);
        it = commune_departement_.emplace(commune, dep).first;
      }
      auto t = territory_of_departement_.find(it->second);
      if (t != territory_of_departement_.end()) return t->second;
    }
    auto t = territory_of_departement_.find(normalise_departement(departement));
    if (t != territory_of_departement_.end()) return t->second;
    return std::nullopt;
  }

  // The household's bytes are those applied, in a territory that still covers it.
  bool bytes_applied(const StoredHousehold* previous, const std::string& raw_digest) {
    return previous && previous->raw_digest == raw_digest && previous->territory_id &&
           territory_of(previous->commune, previous->departement) == previous->territory_id &&
           (!options_.territory_id || options_.territory_id == previous->territory_id);
  }

  // The household's stored digest: from the batch's prefetch the first time, read again when
  // the same matricule comes back in the batch (the first one may have written it).
  const StoredHousehold* stored_household(const std::string& matricule) {
    if (prefetched_.erase(matricule) == 0) {
      households_.write(conn_);  // the first one may be waiting there
      stored_households_.erase(matricule);
      auto row = conn_.query_one(std::string(kStoredHouseholdColumns) + "WHERE matricule = $1",
                                 {matricule});
      if (row) stored_households_[matricule] = stored_household_of(*row);
    }
    auto it = stored_households_.find(matricule);
    return it == stored_households_.end() ? nullptr : &it->second;
  }

  void reject(const Household& h, const std::string& reason) {
    ++counters.rejected;
    add_line(h, "rejected", std::nullopt, std::nullopt, "foyer refusé : " + reason);
  }

  void add_line(const Household& h, const char* outcome, std::optional<std::int64_t> person_id,
                std::optional<std::int64_t> territory_id, const std::string& message) {
    if (options_.bulk) {
      lines_.add({import_id_, ++seq_, static_cast<std::int64_t>(h.line), h.matricule,
                  std::string(outcome), store::opt(person_id), store::opt(territory_id), message});
      return;
    }
    conn_.execute(
        "INSERT INTO caf_import_lines (import_id, seq, line, matricule, outcome, person_id, "
        "territory_id, message) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {import_id_, ++seq_, static_cast<std::int64_t>(h.line), h.matricule, outcome,
         store::opt(person_id), store::opt(territory_id), message});
  }

  static std::string person_label(const FluxPerson& p) {
    std::string role = p.role == "DEM"   ? "demandeur"
                       : p.role == "CJT" ? "conjoint"
                       : p.role.empty()  ? "membre du foyer"
                                         : "rôle " + p.role;
    return p.first_names + " " + (p.usage_name.empty() ? p.birth_name : p.usage_name) + " (" +
           role + ")";
  }

  // The matching rules of the imports (people/known.h), then the stored values to compare.
  std::optional<Stored> find_stored(const FluxPerson& p, const std::optional<std::string>& hash,
                                    const std::optional<std::string>& ft_id,
                                    const std::optional<std::string>& caf_number,
                                    std::string& how) {
    write_records();
    people::KnownQuery query{
        .nir_hash = hash, .ft_id = ft_id, .caf_number = caf_number, .first_names = p.first_names};
    if (!p.birth_date.empty()) query.birth_date = p.birth_date;
    auto known = people::find_known_person(conn_, query);
    if (!known) return std::nullopt;
    auto row = conn_.query_one(std::string(kStoredColumns) + "WHERE id = $1", {known->person_id});
    if (!row) return std::nullopt;
    how = known->how;
    return stored_of(*row);
  }

  // The France Travail id, unless another live record holds it (then it is left out).
  bool ft_id_free(const std::string& ft_id, std::int64_t self) {
    write_records();
    auto row =
        conn_.query_one("SELECT id FROM persons WHERE ft_id = $1 AND merged_into IS NULL", {ft_id});
    return !row || row->integer(0) == self;
  }

  void rsa_event(const Household& h, std::int64_t person_id, std::int64_t territory_id) {
    std::string text;
    const char* kind;
    if (suspended(h.state)) {
      kind = "rsa.suspended";
      text = "Droit RSA : " + state_label(h.state);
      if (!h.suspension_reason.empty()) text += " (" + suspension_label(h.suspension_reason) + ")";
      if (!h.suspension_date.empty()) text += " depuis le " + date_fr(h.suspension_date);
    } else if (closed(h.state)) {
      kind = "rsa.closed";
      text = "Droit RSA clos";
      if (!h.closure_reason.empty()) text += " (" + closure_label(h.closure_reason) + ")";
      if (!h.closure_date.empty()) text += " au " + date_fr(h.closure_date);
    } else {
      return;
    }
    text += " — flux CAF du " + date_fr(header_.reference_date);
    json::object payload{{"text", text},
                         {"state", h.state},
                         {"source", "import"},
                         {"file_name", options_.file_name}};
    if (!h.suspension_reason.empty() && suspended(h.state)) {
      payload["reason"] = h.suspension_reason;
    }
    if (!h.closure_reason.empty() && closed(h.state)) payload["reason"] = h.closure_reason;
    append_event(kind, person_id, territory_id, payload);
  }

  // A journal event of the import (its actor: who imported). The bulk path keeps it for the
  // batch's multi-row INSERT, in order: the journal's positions are those of the per-person path.
  void append_event(const char* kind, std::int64_t person_id, std::int64_t territory_id,
                    const json::object& payload) {
    if (!options_.bulk) {
      people::append_person_event(conn_, kind, person_id, territory_id, options_.user_id, payload);
      return;
    }
    events_.add({now_seconds(), std::string(kind), territory_id, person_id,
                 store::opt(options_.user_id), json::serialize(payload)});
  }

  void record_source(std::int64_t person_id, const std::string& field) {
    // The kept rows of a record created in this batch first: this upsert may replace one.
    if (options_.bulk && batch_created_.contains(person_id)) write_sources();
    conn_.execute(
        "INSERT INTO person_field_sources (person_id, field, source, user_id, organisation_id, "
        "file_name, at) VALUES ($1, $2, 'import', $3, NULL, $4, $5) ON CONFLICT (person_id, "
        "field) DO UPDATE SET source = excluded.source, user_id = excluded.user_id, "
        "organisation_id = NULL, file_name = excluded.file_name, at = excluded.at",
        {person_id, field, store::opt(options_.user_id), options_.file_name, now_});
  }

  // A field the import sets on a record it has just created: its source is the creation's.
  void add_to_creation_source(std::int64_t person_id, const char* field) {
    if (auto row = creation_sources_.find(person_id); row != creation_sources_.end()) {
      std::get<std::string>(sources_.at(row->second, 7)) += std::string(" ") + field;
      return;
    }
    conn_.execute(
        "UPDATE person_field_sources SET fields = fields || ' ' || $2 WHERE person_id = $1 AND "
        "field = $3",
        {person_id, std::string(field), people::kCreationSource});
  }

  void open_journey_if_needed(std::int64_t person_id, std::int64_t territory_id) {
    write_records();
    if (people::active_journey(conn_, person_id, territory_id)) return;
    write_pending();  // people::open_journey writes the journal (and maybe terms) itself
    auto journey = people::open_journey(conn_, {.person_id = person_id,
                                                .territory_id = territory_id,
                                                .entry = people::Entry::kImport,
                                                .opened_by = options_.user_id});
    if (!journey) throw std::runtime_error(journey.error().message);
  }

  // A person just created has no journey yet: open_journey checks that once.
  void open_journey_for_new(std::int64_t person_id, std::int64_t territory_id) {
    auto journey = people::open_journey(conn_, {.person_id = person_id,
                                                .territory_id = territory_id,
                                                .entry = people::Entry::kImport,
                                                .opened_by = options_.user_id});
    if (!journey) throw std::runtime_error(journey.error().message);
  }

  struct Identifiers {
    std::optional<std::string> nir;   // the first 13 characters
    std::optional<std::string> hash;  // of the NIR
    std::optional<std::string> ft_id;
    std::optional<std::string> caf_number;
  };

  Identifiers identifiers_of(const Household& h, const FluxPerson& p) {
    Identifiers ids;
    if (!p.nir.empty()) {
      if (auto n = people::normalise_nir(p.nir)) ids.nir = people::nir_first13(*n);
    }
    if (ids.nir) ids.hash = people::nir_hash(conn_, *ids.nir);
    if (!p.ft_id.empty()) {
      if (auto f = people::normalise_ft_id(p.ft_id)) ids.ft_id = *f;
    }
    ids.caf_number = caf_number_of(h);
    return ids;
  }

  // Which of the identifiers are held by a live record (the matching rules and the unique
  // indexes look at live records only), in one query per kHeldChunk values; the statement always
  // has kHeldChunk parameters (the last value repeated).
  void read_held(char kind, const char* column, const std::set<std::string>& values) {
    constexpr std::size_t kChunk = kHeldChunk;
    std::string sql = held_identifiers_sql(column);
    std::vector<std::string> list(values.begin(), values.end());
    for (std::size_t first = 0; first < list.size(); first += kChunk) {
      store::Params params;
      for (std::size_t i = 0; i < kChunk; ++i) {
        params.add(list[std::min(first + i, list.size() - 1)]);
      }
      for (const auto& row : conn_.query(sql, params)) held_.insert(kind + row.text(0));
    }
  }

  bool held(char kind, const std::optional<std::string>& value) const {
    return value && held_.contains(kind + *value);
  }

  std::optional<std::int64_t> apply_person(const Household& h, const FluxPerson& p,
                                           std::int64_t territory) {
    auto ids = identifiers_of(h, p);
    // None of its identifiers held before the batch nor touched by it: nobody to find.
    // Nor can it be one of the records created since the rows were last written.
    bool unheld = identifiers_read_ && !held('n', ids.hash) && !held('f', ids.ft_id) &&
                  !held('c', ids.caf_number) && !maybe_kept(p, ids);
    std::string how;
    auto stored = unheld ? std::nullopt : find_stored(p, ids.hash, ids.ft_id, ids.caf_number, how);
    auto id = stored ? update(h, p, *stored, ids.ft_id, ids.caf_number, how)
                     : create(h, p, territory, ids, unheld);
    // A record written (updated, or created another way), the next person looks it up; one kept
    // in persons_ is known by its kept keys (insert_new).
    if (identifiers_read_ && id && !pending_persons_.contains(*id)) {
      if (ids.hash) held_.insert('n' + *ids.hash);
      if (ids.ft_id) held_.insert('f' + *ids.ft_id);
      if (ids.caf_number) held_.insert('c' + *ids.caf_number);
    }
    return id;
  }

  // Whether find_known_person could find one of the records kept in persons_ for this person:
  // its NIR hash, its France Travail id, or its CAF matricule with its birth date, is one of
  // theirs. Else it cannot, and the kept rows need not be written to know it.
  bool maybe_kept(const FluxPerson& p, const Identifiers& ids) const {
    if (kept_keys_.empty()) return false;
    return (ids.hash && kept_keys_.contains('n' + *ids.hash)) ||
           (ids.ft_id && kept_keys_.contains('f' + *ids.ft_id)) ||
           (ids.caf_number && !p.birth_date.empty() &&
            kept_keys_.contains('c' + *ids.caf_number + ' ' + p.birth_date));
  }

  // The values a lookup compares, of a record kept in persons_ (as the row stores them).
  void keep_keys(const people::ValidIdentity& i, const std::optional<people::ProtectedNir>& nir) {
    if (!identifiers_read_) return;
    if (nir) kept_keys_.insert('n' + nir->hash);
    if (i.ft_id) kept_keys_.insert('f' + *i.ft_id);
    if (i.caf_number) {
      kept_held_.push_back('c' + *i.caf_number);
      if (i.birth_date) kept_keys_.insert('c' + *i.caf_number + ' ' + *i.birth_date);
    }
    if (nir) kept_held_.push_back('n' + nir->hash);
    if (i.ft_id) kept_held_.push_back('f' + *i.ft_id);
  }

  std::optional<std::int64_t> create(const Household& h, const FluxPerson& p,
                                     std::int64_t territory, const Identifiers& ids, bool unheld) {
    const std::optional<std::string>& nir = ids.nir;
    const std::optional<std::string>& caf_number = ids.caf_number;
    std::optional<std::string> ft_id = ids.ft_id;
    if (!p.rights_and_duties || !open_right(h.state)) {
      add_line(h, "skipped", std::nullopt, territory,
               person_label(p) + " : inconnue, non créée (" +
                   (!p.rights_and_duties ? std::string("pas soumise aux droits et devoirs")
                                         : state_label(h.state)) +
                   ")");
      return std::nullopt;
    }
    if (ft_id && !unheld && !ft_id_free(*ft_id, 0)) ft_id.reset();
    people::PersonForm form;
    form.identity.birth_name = p.birth_name.empty() ? p.usage_name : p.birth_name;
    form.identity.usage_name = p.usage_name == form.identity.birth_name ? "" : p.usage_name;
    form.identity.first_names = p.first_names;
    form.identity.birth_date = p.birth_date;
    form.identity.sex = p.sex == "1" ? "M" : p.sex == "2" ? "F" : "";
    form.identity.nir = nir.value_or("");
    form.identity.caf_number = caf_number.value_or("");
    form.identity.ft_id = ft_id.value_or("");
    form.contact.no_fixed_address = h.no_fixed_address;
    if (!h.no_fixed_address && !h.commune.empty() && commune_known(h.commune)) {
      form.contact.commune = h.commune;
      form.contact.postcode = h.postcode;
      form.contact.address = h.address;
    }
    form.situation.rsa_status = h.state;
    form.situation.rights_and_duties = true;
    std::optional<std::int64_t> inserted;
    if (options_.bulk) inserted = insert_new(form, p.role, territory, ids);
    if (inserted) return created(h, p, *inserted, territory, form);
    write_pending();  // people::create_person writes the journal itself
    auto provenance = people::Provenance::import(options_.file_name, options_.user_id);
    auto id = people::create_person(conn_, territory, form, provenance);
    if (!id && (id.error().field == "postcode" || id.error().field == "commune" ||
                id.error().field == "address")) {
      // An address the geography does not confirm: the person is created without it.
      form.contact.commune.clear();
      form.contact.postcode.clear();
      form.contact.address.clear();
      id = people::create_person(conn_, territory, form, provenance);
    }
    if (!id) {
      add_line(h, "skipped", std::nullopt, territory,
               person_label(p) + " : non créée — " + id.error().message);
      return std::nullopt;
    }
    if (!p.role.empty()) {
      conn_.execute("UPDATE persons SET caf_role = $2 WHERE id = $1", {*id, p.role});
      add_to_creation_source(*id, "caf_role");
    }
    open_journey_for_new(*id, territory);
    return created(h, p, *id, territory, form);
  }

  // What follows a creation, either way: the RSA event, the report line.
  std::int64_t created(const Household& h, const FluxPerson& p, std::int64_t id,
                       std::int64_t territory, const people::PersonForm& form) {
    household_created_.insert(id);
    if (options_.bulk) batch_created_.insert(id);
    rsa_event(h, id, territory);
    ++counters.created;
    std::string message = person_label(p) + " : créée, à orienter";
    people::Candidate candidate;
    candidate.birth_name = form.identity.birth_name;
    candidate.first_names = p.first_names;
    if (!p.birth_date.empty()) candidate.birth_date = p.birth_date;
    if (options_.bulk) {  // looked for once the batch's records are written
      weak_checks_.push_back({id, std::move(candidate), lines_.rows()});
      add_line(h, "created", id, territory, message);
      return id;
    }
    auto weak = people::find_weak_matches(conn_, candidate, id, 1);
    if (!weak.empty()) message += " ; doublon possible à vérifier";
    add_line(h, "created", id, territory, message);
    return id;
  }

  // The bulk path of a creation: the rows people::create_person then people::open_journey write
  // for a new record, without the lookups apply_person has just made (strong identifiers: none
  // is held, else the person was found) or that cannot find anything for a record just
  // inserted (its journeys), with the CAF role in the same INSERT, and with the journal, the
  // sources and the terms kept for the batch's multi-row INSERTs. A value the validation
  // refuses: none, and the per-person way says why.
  std::optional<std::int64_t> insert_new(const people::PersonForm& form, const std::string& role,
                                         std::int64_t territory, const Identifiers& ids) {
    auto identity = people::validate_identity(form.identity);
    if (!identity) return std::nullopt;
    auto contact = people::validate_contact(conn_, form.contact);
    if (!contact) return std::nullopt;
    auto situation = people::validate_situation(form.situation);
    if (!situation || !situation->rsa_status) return std::nullopt;
    const people::ValidIdentity& i = *identity;
    const people::ValidContact& c = *contact;
    std::optional<people::ProtectedNir> nir;
    if (i.nir && i.nir == ids.nir && ids.hash) {  // hashed already by identifiers_of
      nir = people::ProtectedNir{.hash = *ids.hash, .sealed = people::seal_text(conn_, *i.nir)};
    } else if (i.nir) {
      nir = people::protect_nir(conn_, *i.nir);
    }
    std::int64_t now = now_seconds();
    std::int64_t id = person_ids_.next(conn_);
    auto row = people::person_row(territory, i, c, *situation, nir, now,
                                  role.empty() ? std::nullopt : std::optional(role));
    row.insert(row.begin(), id);
    row.emplace_back(nullptr);  // spouse_id: link_spouses may set it while the row waits
    pending_persons_[id] = persons_.rows();
    persons_.add(std::move(row));
    keep_keys(i, nir);
    store::Value file_name =
        options_.file_name.empty() ? store::Value{nullptr} : store::Value{options_.file_name};
    json::array fields;
    std::string given;
    // internal_id, allowances, rqth, education level, last job, driving licence and languages
    // are never in the flux: the list is create_person's.
    for (const char* field : people::given_fields(i, c, *situation)) {
      given += (given.empty() ? "" : " ") + std::string(field);
      fields.push_back(json::value(field));
    }
    if (!role.empty()) given += " caf_role";  // what the per-person path adds after
    creation_sources_[id] = sources_.rows();
    sources_.add({id, std::string(people::kCreationSource), std::string("import"),
                  store::opt(options_.user_id), nullptr, file_name, now, std::move(given)});
    for (auto& term : people::name_terms(i.birth_name, i.usage_name, i.first_names)) {
      terms_.add({territory, std::move(term), id});
    }
    json::object payload{{"source", "import"}, {"fields", std::move(fields)}};
    if (!options_.file_name.empty()) payload["file_name"] = options_.file_name;
    append_event(people::kPersonCreated, id, territory, payload);
    std::int64_t opened = now_seconds();
    std::int64_t journey = journey_ids_.next(conn_);
    journeys_.add({journey, id, territory, std::string("to_orient"), std::string("import"),
                   std::string(), store::opt(options_.user_id), nullptr, opened, opened});
    append_event(people::kJourneyOpened, id, territory,
                 json::object{{"journey_id", journey}, {"entry", "import"}});
    return id;
  }

  std::optional<std::int64_t> update(const Household& h, const FluxPerson& p, const Stored& s,
                                     std::optional<std::string> ft_id,
                                     const std::optional<std::string>& caf_number,
                                     const std::string& how) {
    std::vector<std::string> fields;
    std::string sql = "UPDATE persons SET updated_at = $2";
    store::Params params{s.id, now_};
    auto set = [&](const char* field, store::Value value) {
      fields.emplace_back(field);
      params.add(std::move(value));
      sql += fmt::format(", {} = ${}", field, params.values().size());
    };
    bool status_changed = s.rsa_status.value_or("") != h.state;
    if (status_changed) set("rsa_status", h.state);
    if (s.rights_and_duties != p.rights_and_duties) {
      set("rights_and_duties", store::boolean(p.rights_and_duties));
    }
    if (s.no_fixed_address != h.no_fixed_address) {
      set("no_fixed_address", store::boolean(h.no_fixed_address));
    }
    if (caf_number && s.caf_number != caf_number) set("caf_number", *caf_number);
    if (ft_id && s.ft_id != ft_id && ft_id_free(*ft_id, s.id)) set("ft_id", *ft_id);
    if (!p.role.empty() && s.caf_role.value_or("") != p.role) set("caf_role", p.role);
    if (fields.empty()) {
      ++counters.unchanged;
    } else {
      conn_.execute(sql + " WHERE id = $1", params);
      json::array names;
      for (const auto& f : fields) {
        record_source(s.id, f);
        names.push_back(json::value(f));
      }
      json::object payload{{"section", "situation"},
                           {"fields", std::move(names)},
                           {"source", "import"},
                           {"file_name", options_.file_name}};
      append_event(people::kPersonUpdated, s.id, s.territory_id, payload);
      if (status_changed) rsa_event(h, s.id, s.territory_id);
      ++counters.updated;
      std::string labels;
      for (const auto& f : fields) {
        if (!labels.empty()) labels += ", ";
        labels += people::field_label(f);
      }
      add_line(h, "updated", s.id, s.territory_id,
               person_label(p) + " : mise à jour (" + labels + ") — trouvée par " + how);
    }
    if (p.rights_and_duties && !s.rights_and_duties && open_right(h.state)) {
      open_journey_if_needed(s.id, s.territory_id);
    }
    return s.id;
  }

  void link_spouses(const Household& h, const std::vector<std::optional<std::int64_t>>& ids,
                    std::int64_t household_territory) {
    std::optional<std::int64_t> applicant, spouse;
    for (std::size_t i = 0; i < h.persons.size(); ++i) {
      if (!ids[i]) continue;
      if (h.persons[i].role == "DEM") applicant = ids[i];
      if (h.persons[i].role == "CJT") spouse = ids[i];
    }
    if (!applicant || !spouse) return;
    for (auto [self, other] : {std::pair{*applicant, *spouse}, std::pair{*spouse, *applicant}}) {
      // A record created in this household has no spouse yet and lives in its territory.
      std::int64_t territory = household_territory;
      if (!household_created_.contains(self)) {
        if (pending_persons_.contains(self)) write_records();
        auto row =
            conn_.query_one("SELECT spouse_id, territory_id FROM persons WHERE id = $1", {self});
        if (!row || row->opt_integer(0) == other) continue;
        territory = row->integer(1);
      }
      if (auto pending = pending_persons_.find(self); pending != pending_persons_.end()) {
        persons_.at(pending->second, kPersonSpouseColumn) = other;
        persons_.at(pending->second, kPersonUpdatedAtColumn) = now_;
      } else {
        conn_.execute("UPDATE persons SET spouse_id = $2, updated_at = $3 WHERE id = $1",
                      {self, other, now_});
      }
      if (household_created_.contains(self)) {
        // Set by the import that created the record: part of its creation, in its source, with
        // no "updated" event after it in the timeline.
        add_to_creation_source(self, "spouse_id");
      } else {
        record_source(self, "spouse_id");
        json::object payload{{"section", "situation"},
                             {"fields", json::array{"spouse_id"}},
                             {"source", "import"},
                             {"file_name", options_.file_name}};
        append_event(people::kPersonUpdated, self, territory, payload);
      }
      if (self == other) break;  // the second turn would find it done
    }
  }

  bool commune_known(const std::string& code) {
    auto it = commune_known_.find(code);
    if (it != commune_known_.end()) return it->second;
    bool known = conn_.query_one("SELECT 1 FROM communes WHERE code = $1", {code}).has_value();
    commune_known_.emplace(code, known);
    return known;
  }

  store::Connection& conn_;
  const ImportOptions& options_;
  std::int64_t import_id_;
  Header header_;
  std::int64_t now_ = 0;
  std::int64_t seq_ = 0;
  std::unordered_map<std::string, std::int64_t> territory_of_departement_;
  std::unordered_map<std::int64_t, std::string> territory_names_;
  std::unordered_map<std::string, std::string> commune_departement_;
  std::unordered_map<std::string, bool> commune_known_;
  std::unordered_map<std::string, StoredHousehold> stored_households_;
  std::set<std::string, std::less<>> prefetched_;
  // Bulk path: the rows kept for the end of the batch, and the records created in it. The
  // persons rows (their id, then people::person_row, then spouse_id) and the journeys rows have
  // ids given here: the other rows name them before they are written.
  static constexpr std::size_t kPersonUpdatedAtColumn = 1 + people::kPersonRowUpdatedAt;
  static constexpr std::size_t kPersonSpouseColumn = people::kPersonRowSize + 1;
  RowBuffer persons_{
      std::string("INSERT INTO persons (id, ") + people::kPersonRowColumns + ", spouse_id)",
      people::kPersonRowSize + 2};
  RowBuffer journeys_{
      "INSERT INTO journeys (id, person_id, territory_id, status, entry, need, opened_by, "
      "opened_by_organisation_id, opened_at, last_activity_at)",
      10};
  store::IdReservation person_ids_{"persons"};
  store::IdReservation journey_ids_{"journeys"};
  std::unordered_map<std::int64_t, std::size_t> pending_persons_;  // id → row in persons_
  // Their identifiers: the keys maybe_kept() looks for, and those held_ once they are written.
  std::unordered_set<std::string> kept_keys_;
  std::vector<std::string> kept_held_;
  std::unordered_map<std::int64_t, std::size_t> creation_sources_;  // id → its '*' in sources_
  // The records created since the rows were last written, to look for their possible
  // duplicates once written (the report line's message says so).
  struct WeakCheck {
    std::int64_t person_id;
    people::Candidate candidate;
    std::size_t line;  // in lines_
  };
  std::vector<WeakCheck> weak_checks_;
  RowBuffer lines_{
      "INSERT INTO caf_import_lines (import_id, seq, line, matricule, outcome, person_id, "
      "territory_id, message)",
      8};
  RowBuffer sources_{
      "INSERT INTO person_field_sources (person_id, field, source, user_id, organisation_id, "
      "file_name, at, fields)",
      8};
  RowBuffer terms_{"INSERT INTO person_terms (territory_id, term, person_id)", 3};
  // The households applied (a matricule comes once: a second one in the step writes these first).
  RowBuffer households_{
      "INSERT INTO caf_households (matricule, territory_id, digest, reference_date, import_id, "
      "updated_at, raw_digest, commune, departement)",
      9,
      " ON CONFLICT (matricule) DO UPDATE SET territory_id = excluded.territory_id, digest = "
      "excluded.digest, reference_date = excluded.reference_date, import_id = "
      "excluded.import_id, updated_at = excluded.updated_at, raw_digest = excluded.raw_digest, "
      "commune = excluded.commune, departement = excluded.departement"};
  RowBuffer events_{"INSERT INTO journal (at, kind, territory_id, person_id, actor_id, payload)",
                    6};
  std::set<std::int64_t> household_created_;
  std::set<std::int64_t> batch_created_;
  // Bulk path: the batch's households parsed by prepare(), and the identifiers held.
  std::vector<std::optional<Household>> parsed_;
  std::set<std::string> held_;
  bool identifiers_read_ = false;

 public:
  // Writes the rows the bulk path kept: at the end of a batch, and before anything that writes
  // the journal or the sources another way (the order of the journal is that of the calls).
  void write_pending() {
    write_records();
    check_weak_matches();
    write_sources();
    // The next rows inserted another way than here take ids: read them again after.
    person_ids_.forget();
    journey_ids_.forget();
    lines_.write(conn_);
    terms_.write(conn_);
    events_.write(conn_);
    households_.write(conn_);
  }

 private:
  void write_sources() {
    write_records();
    sources_.write(conn_);
    creation_sources_.clear();
  }

  // The persons and journeys rows kept: before anything reads or changes those tables.
  void write_records() {
    persons_.write(conn_);
    pending_persons_.clear();
    journeys_.write(conn_);
    held_.insert(kept_held_.begin(), kept_held_.end());
    kept_held_.clear();
    kept_keys_.clear();
  }

  // The possible duplicates of the records created since the last write, now that they are all
  // written: a match counts if it came before the record, as the per-person path (which looks
  // as soon as a record is written) would have found it. Matches come in id order.
  void check_weak_matches() {
    for (const auto& check : weak_checks_) {
      auto weak = people::find_weak_matches(conn_, check.candidate, check.person_id, 1);
      if (!weak.empty() && weak.front().person_id < check.person_id) {
        std::get<std::string>(lines_.at(check.line, 7)) += " ; doublon possible à vérifier";
      }
    }
    weak_checks_.clear();
  }

  void discard_pending() {
    persons_.clear();
    journeys_.clear();
    pending_persons_.clear();
    kept_keys_.clear();
    kept_held_.clear();
    creation_sources_.clear();
    weak_checks_.clear();
    person_ids_.forget();
    journey_ids_.forget();
    lines_.clear();
    sources_.clear();
    terms_.clear();
    events_.clear();
    households_.clear();
    household_created_.clear();
    batch_created_.clear();
  }

 public:
  void set_seq(std::int64_t seq) { seq_ = seq; }
};

constexpr const char* kReportColumns =
    "SELECT id, file_name, status, message, reference_date, created_on, households_total, "
    "households_done, persons_created, persons_updated, persons_unchanged, rejected, started_at, "
    "finished_at, user_id, territory_id FROM caf_imports ";

Report report_of(const store::Row& r) {
  Report report;
  report.import_id = r.integer(0);
  report.file_name = r.text(1);
  report.status = r.text(2);
  report.message = r.text(3);
  report.reference_date = r.text(4);
  report.created_on = r.text(5);
  report.households_total = r.integer(6);
  report.households = r.integer(7);
  report.persons_created = r.integer(8);
  report.persons_updated = r.integer(9);
  report.persons_unchanged = r.integer(10);
  report.rejected = r.integer(11);
  report.started_at = r.integer(12);
  report.finished_at = r.opt_integer(13);
  report.user_id = r.opt_integer(14);
  report.territory_id = r.opt_integer(15);
  return report;
}

void finish(store::Connection& conn, std::int64_t id, const std::string& status,
            const std::string& message) {
  conn.execute("UPDATE caf_imports SET status = $2, message = $3, finished_at = $4 WHERE id = $1",
               {id, status, message, now_seconds()});
}

void mail_report(store::Connection& conn, const Report& report,
                 const std::set<std::int64_t>& territories) {
  std::set<std::string> to;
  if (report.user_id) {
    if (auto row = conn.query_one("SELECT email FROM users WHERE id = $1", {*report.user_id})) {
      to.insert(row->text(0));
    }
  } else {
    for (auto t : territories) {
      for (const auto& row : conn.query(
               "SELECT DISTINCT u.email FROM user_roles r JOIN users u ON u.id = r.user_id WHERE "
               "r.role = 'territory_manager' AND r.territory_id = $1 AND r.active = 1 AND "
               "u.active = 1",
               {t})) {
        to.insert(row.text(0));
      }
    }
  }
  std::string text = fmt::format(
      "Bonjour,\n\nL’import du flux CAF « {} » (flux du {}) est terminé.\n\n{}\n\n"
      "Le compte rendu détaillé, ligne par ligne, est sur la page de l’import (Imports CAF, "
      "import n° {}).\n\nParcours",
      report.file_name, date_fr(report.reference_date), report.summary(), report.import_id);
  if (report.refused()) {
    text = fmt::format(
        "Bonjour,\n\nLe flux CAF « {} » a été refusé : {}\n\nRien n’a été importé.\n\nParcours",
        report.file_name, report.message);
  }
  for (const auto& address : to) {
    mail::queue_mail(conn, {.to = address,
                            .subject = "Import du flux CAF « " + report.file_name + " »",
                            .text = text});
  }
}

}  // namespace

std::string held_identifiers_sql(std::string_view column) {
  // `merged_into IS NULL` is the condition of the partial indexes persons_nir and persons_ft_id:
  // without it SQLite reads the whole persons table for each query.
  std::string sql =
      fmt::format("SELECT {0} FROM persons WHERE merged_into IS NULL AND {0} IN (", column);
  for (std::size_t i = 1; i <= kHeldChunk; ++i) sql += fmt::format("{}${}", i > 1 ? ", " : "", i);
  return sql + ")";
}

std::string Report::summary() const {
  auto plural = [](std::int64_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n > 1 ? many : one);
  };
  return fmt::format("{} : {}, {}, {}, {}", plural(households, "foyer lu", "foyers lus"),
                     plural(persons_created, "personne créée", "personnes créées"),
                     plural(persons_updated, "mise à jour", "mises à jour"),
                     plural(persons_unchanged, "inchangée", "inchangées"),
                     plural(rejected, "foyer refusé", "foyers refusés"));
}

std::string outcome_label(std::string_view outcome) {
  if (outcome == "created") return "Créée";
  if (outcome == "updated") return "Mise à jour";
  if (outcome == "unchanged") return "Inchangée";
  if (outcome == "rejected") return "Refusé";
  if (outcome == "skipped") return "Non créée";
  return std::string(outcome);
}

std::int64_t create_queued_import(store::Connection& conn, const std::string& file_name,
                                  std::optional<std::int64_t> user_id,
                                  std::optional<std::int64_t> territory_id) {
  auto row = conn.query_one(
      "INSERT INTO caf_imports (file_name, file_hash, status, user_id, territory_id, started_at) "
      "VALUES ($1, '', 'queued', $2, $3, $4) RETURNING id",
      {file_name, store::opt(user_id), store::opt(territory_id), now_seconds()});
  return row->integer(0);
}

namespace {

// The validation running alongside only has to end before the last households are applied: the
// cores go to applying them first. Its thread's nice value is raised by kValidationNice (a first
// import of 100,000 households on two cores: 4.9 s instead of 4.4 s, bench/README.md).
void lower_this_threads_priority() {
  auto self = static_cast<id_t>(::gettid());
  errno = 0;
  int nice = ::getpriority(PRIO_PROCESS, self);
  if (errno != 0) return;
  ::setpriority(PRIO_PROCESS, self, std::min(nice + kValidationNice, 19));
}

// One run of import_flux: the file checked (its hash, the schema), then read and applied by
// steps, then the outcome recorded. Each member function returns the import's answer when it
// ends there (refused, failed), and nothing when the run goes on.
class FluxImport {
 public:
  FluxImport(store::Connection& conn, const std::string& path, const ImportOptions& options)
      : conn_(conn), path_(path), options_(options) {}

  Result<Report> run() {
    open();
    if (auto answer = check_file()) return std::move(*answer);
    if (auto answer = start_validation()) return std::move(*answer);
    // The reader parses the households ahead while most need it: from the start when no
    // household was ever applied (a first import), then as the last batch went.
    parse_ahead_ = !conn_.query_one("SELECT 1 FROM caf_households LIMIT 1").has_value();
    if (conn_.dialect() == store::Dialect::kPostgres) {
      known_persons_ = conn_
                           .query_one(
                               "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = "
                               "'persons'::regclass")
                           ->integer(0);
    }
    auto read = read_ahead(
        path_, parse_ahead_, [&](const Header& h) { on_header(h); },
        [&](ReadHousehold&& h) { return on_household(std::move(h)); });
    return conclude(read);
  }

 private:
  // The caf_imports row of this run: the one the upload page queued, or a new one.
  void open() {
    if (options_.import_id) {
      id_ = *options_.import_id;
      conn_.execute("UPDATE caf_imports SET status = 'running', started_at = $2 WHERE id = $1",
                    {id_, now_seconds()});
      return;
    }
    id_ = conn_
              .query_one(
                  "INSERT INTO caf_imports (file_name, file_hash, status, user_id, territory_id, "
                  "started_at) VALUES ($1, '', 'running', $2, $3, $4) RETURNING id",
                  {options_.file_name, store::opt(options_.user_id),
                   store::opt(options_.territory_id), now_seconds()})
              ->integer(0);
  }

  Result<Report> missing() {
    finish(conn_, id_, "failed", "Le fichier « " + path_ + " » est introuvable.");
    return fail(ErrorCode::kNotFound, "Le fichier « " + path_ + " » est introuvable.", "file");
  }

  Result<Report> refuse(const std::string& message) {
    finish(conn_, id_, "refused", message);
    auto report = find_import(conn_, id_);
    if (options_.mail) {
      store::with_transaction(conn_, [&] { mail_report(conn_, *report, {}); });
    }
    return *report;
  }

  // The file's size, and its hash first when an import that recorded one (with this size, or
  // before sizes were recorded) may have read these bytes. Else none did: the hash, only
  // recorded then, is computed by the validation from the bytes it reads (a pass over the file
  // fewer). The same bytes already imported, and nothing newer since: nothing can have changed
  // (the households' digests are those this file wrote), answered from the hash alone.
  std::optional<Result<Report>> check_file() {
    std::error_code size_error;
    size_ = static_cast<std::int64_t>(std::filesystem::file_size(path_, size_error));
    if (size_error) return missing();
    if (!conn_.query_one(
            "SELECT 1 FROM caf_imports WHERE file_hash <> '' AND status IN ('running', "
            "'interrupted', 'done') AND (file_size = $1 OR file_size IS NULL) LIMIT 1",
            {size_})) {
      return std::nullopt;
    }
    hash_ = file_sha256(path_);
    if (!hash_) return missing();
    auto same = conn_.query_one(
        "SELECT a.id, a.started_at, a.households_total, a.households_done, a.persons_created + "
        "a.persons_updated + a.persons_unchanged, a.rejected, a.flux_type, a.created_on, "
        "a.reference_date FROM caf_imports a WHERE a.file_hash = $1 AND a.status = 'done' AND NOT "
        "EXISTS (SELECT 1 FROM caf_imports b WHERE b.status = 'done' AND b.file_hash <> $1 AND "
        "(b.reference_date > a.reference_date OR (b.reference_date = a.reference_date AND "
        "b.created_on >= a.created_on)) AND b.id > a.id) ORDER BY a.id DESC LIMIT 1",
        {*hash_});
    if (!same) return std::nullopt;
    std::string message = fmt::format(
        "fichier identique à celui déjà importé le {} (import n° {}) : rien n’a changé.",
        format_datetime_fr(same->integer(1)), same->integer(0));
    store::with_transaction(conn_, [&] {
      conn_.execute(
          "UPDATE caf_imports SET file_hash = $2, households_total = $3, households_done = $4, "
          "persons_unchanged = $5, rejected = $6, flux_type = $7, created_on = $8, "
          "reference_date = $9, status = 'done', message = $10, finished_at = $11, file_size = "
          "$12 WHERE id = $1",
          {id_, *hash_, same->integer(2), same->integer(3), same->integer(4), same->integer(5),
           same->text(6), same->text(7), same->text(8), message, now_seconds(), size_});
    });
    if (options_.progress) options_.progress(same->integer(3), same->integer(2));
    return *find_import(conn_, id_);
  }

  // The same bytes already passed the schema in an earlier run (a run interrupted, or rerun
  // after a newer file): the validation pass, half of the reading cost, is not done again — the
  // SHA-256 proves the bytes are those validated. See docs/decisions/0008-caf-import-passes.md.
  // Else the file is validated first, or alongside (options_.validate_alongside).
  std::optional<Result<Report>> start_validation() {
    auto validated =
        !hash_ ? std::nullopt
               : conn_.query_one(
                     "SELECT households_total FROM caf_imports WHERE file_hash = $1 AND status IN "
                     "('running', 'interrupted', 'done') ORDER BY id DESC LIMIT 1",
                     {*hash_});
    if (validated) {
      return verdict(
          Validation{.errors = {}, .households = validated->integer(0), .sha256 = *hash_});
    }
    if (options_.validate_alongside) {
      validating_ = std::async(std::launch::async,
                               [path = path_, sha256 = hash_, hold = options_.before_validation] {
                                 lower_this_threads_priority();
                                 if (hold) hold();
                                 return validate_flux(path, sha256 ? &*sha256 : nullptr);
                               });
      return std::nullopt;
    }
    return verdict(validate_flux(path_, hash_ ? &*hash_ : nullptr));
  }

  Result<Report> refuse_invalid(const Validation& validation) {
    std::string message = fmt::format(
        "le fichier n’est pas conforme au schéma vrsb0801 ({} erreur{}) : rien n’a été importé.",
        validation.errors.size(), validation.errors.size() > 1 ? "s" : "");
    store::with_transaction(conn_, [&] {
      // The hash and the refusal together: a run row holding this hash is never taken for a
      // validated file.
      conn_.execute(
          "UPDATE caf_imports SET file_hash = $2, households_total = $3, status = 'refused' "
          "WHERE id = $1",
          {id_, validation.sha256, validation.households});
      std::int64_t seq = 0;
      for (const auto& e : validation.errors) {
        conn_.execute(
            "INSERT INTO caf_import_lines (import_id, seq, line, matricule, outcome, message) "
            "VALUES ($1, $2, $3, '', 'schema', $4)",
            {id_, ++seq, static_cast<std::int64_t>(e.line), e.message});
      }
    });
    auto report = refuse(message);
    if (report) report->schema_errors = validation.errors;
    return report;
  }

  // Nothing when the file is valid (its hash and size are then recorded, in the transaction
  // open if any), else what the import returns.
  std::optional<Result<Report>> verdict(Result<Validation> validation) {
    if (!validation) {
      finish(conn_, id_, "failed", validation.error().message);
      return std::unexpected(validation.error());
    }
    if (!validation->valid()) return refuse_invalid(*validation);
    conn_.execute(
        "UPDATE caf_imports SET file_hash = $2, households_total = $3, file_size = $4 WHERE id = "
        "$1",
        {id_, validation->sha256, validation->households, size_});
    hash_ = validation->sha256;
    valid_ = std::move(*validation);
    return std::nullopt;
  }

  // The verdict of the validation running alongside: the households applied while it ran are
  // rolled back unless the file is valid.
  std::optional<Result<Report>> settle() {
    auto validation = validating_.get();
    if ((!validation || !validation->valid()) && conn_.in_transaction()) conn_.rollback();
    return verdict(std::move(validation));
  }

  void on_header(const Header& h) {
    conn_.execute(
        "UPDATE caf_imports SET flux_type = $2, created_on = $3, reference_date = $4 WHERE id = "
        "$1",
        {id_, h.flux_type, h.created_on, h.reference_date});
    // A file older than one already applied is refused (the same file again is not older).
    auto newer = conn_.query_one(
        "SELECT reference_date, created_on, file_name FROM caf_imports WHERE status = 'done' "
        "AND file_hash <> $1 AND (reference_date > $2 OR (reference_date = $2 AND created_on "
        "> $3)) ORDER BY reference_date DESC, created_on DESC LIMIT 1",
        {hash_.value_or(""), h.reference_date, h.created_on});
    if (newer) {
      refused_ = fmt::format(
          "ce flux du {} est plus ancien que le flux du {} (« {} ») déjà importé : il n’est pas "
          "importé, pour ne pas remplacer des informations plus récentes.",
          date_fr(h.reference_date), date_fr(newer->text(0)), newer->text(2));
      return;
    }
    // An earlier run of the same file that did not finish (a process killed): this run takes
    // over; its committed households are found unchanged. (No hash yet: no run recorded one for
    // these bytes.)
    if (hash_) {
      conn_.execute(
          "UPDATE caf_imports SET status = 'interrupted', finished_at = $3 WHERE file_hash = $1 "
          "AND status = 'running' AND id <> $2",
          {*hash_, id_, now_seconds()});
    }
    importer_.emplace(conn_, options_, id_, h);
    auto seq = conn_.query_one(
        "SELECT COALESCE(MAX(seq), 0) FROM caf_import_lines WHERE import_id = $1", {id_});
    importer_->set_seq(seq ? seq->integer(0) : 0);
  }

  // Households are applied by steps of at most kApplyStep (the reader keeps that many ready, and
  // no more are held in memory), and committed by transactions of `batch` households.
  bool on_household(ReadHousehold&& h) {
    if (refused_ || stopped_) return false;
    batch_.push_back(std::move(h));
    if (batch_.size() >= std::min(options_.batch, kApplyStep)) flush(false);
    return !stopped_;
  }

  // Applies the step in the transaction open, or a new one, then commits when the transaction
  // holds `batch` households or at the end (`last`) — unless the validation running alongside
  // has not ended: the transaction is then kept open for the next steps, until it ends (at the
  // latest with the last step).
  void flush(bool last) {
    if (batch_.empty() && !conn_.in_transaction()) return;
    try {
      if (!conn_.in_transaction()) conn_.begin();
      importer_->set_now(now_seconds());
      importer_->prefetch(batch_);
      parse_ahead_ = importer_->prepare(batch_);
      for (std::size_t i = 0; i < batch_.size(); ++i) importer_->apply(batch_[i], i);
      importer_->write_pending();
      done_ += static_cast<std::int64_t>(batch_.size());
      uncommitted_ += batch_.size();
      batch_.clear();
      const auto& c = importer_->counters;
      conn_.execute(
          "UPDATE caf_imports SET households_done = $2, persons_created = $3, persons_updated = "
          "$4, persons_unchanged = $5, rejected = $6 WHERE id = $1",
          {id_, done_, c.created, c.updated, c.unchanged, c.rejected});
      if (!last && uncommitted_ < options_.batch) return;
      if (validating_.valid()) {
        if (!last && validating_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
          return;
        }
        if (auto outcome = settle()) {
          invalid_ = std::move(*outcome);
          stopped_ = true;
          return;
        }
      }
      conn_.commit();
      uncommitted_ = 0;
      analyze_if_grown();
    } catch (const Importer::Unreadable& e) {
      conn_.rollback();
      unreadable_ = e.error;
      stopped_ = true;
      return;
    } catch (...) {
      if (conn_.in_transaction()) conn_.rollback();
      throw;
    }
    if (options_.progress) options_.progress(done_, valid_->households);
    if (options_.after_batch && !options_.after_batch(done_)) stopped_ = true;
  }

  // PostgreSQL plans the import's statements with the statistics of the tables when it started:
  // those of empty tables in a first import, where a lookup by NIR then scanned every live
  // person through another partial index (a first import of 100,000 households took 138 s). The
  // tables the import reads are analysed again after a commit each time the persons created
  // since the last statistics reach the number these knew of (which plans the statements
  // again): ten times at most for 100,000 in a first import, none in a later month.
  void analyze_if_grown() {
    if (conn_.dialect() != store::Dialect::kPostgres || !importer_) return;
    std::int64_t created = importer_->counters.created;
    if (created - analyzed_at_ < std::max<std::int64_t>(1000, known_persons_)) return;
    conn_.execute("ANALYZE persons, journeys, caf_households");
    known_persons_ += created - analyzed_at_;
    analyzed_at_ = created;
  }

  // The last step, and the outcome. Whatever else went wrong, an invalid file is refused for its
  // schema errors.
  Result<Report> conclude(const Result<void>& read) {
    if (!read || refused_) {
      if (conn_.in_transaction()) conn_.rollback();
      if (validating_.valid()) {
        if (auto outcome = settle()) return std::move(*outcome);
      }
    }
    if (!read) {
      finish(conn_, id_, "failed", read.error().message);
      return std::unexpected(read.error());
    }
    if (refused_) return refuse(*refused_);
    if (!stopped_) flush(true);
    if (invalid_) return std::move(*invalid_);
    if (unreadable_) {
      if (validating_.valid()) {  // the households held are rolled back
        if (auto outcome = settle()) return std::move(*outcome);
      }
      finish(conn_, id_, "failed", unreadable_->message);
      return std::unexpected(*unreadable_);
    }
    if (stopped_) return *find_import(conn_, id_);
    if (validating_.valid()) {  // a file without households
      if (auto outcome = settle()) return std::move(*outcome);
    }
    store::with_transaction(conn_, [&] {
      finish(conn_, id_, "done", "");
      auto report = find_import(conn_, id_);
      if (options_.mail && importer_) mail_report(conn_, *report, importer_->territories_touched);
    });
    return *find_import(conn_, id_);
  }

  store::Connection& conn_;
  const std::string& path_;
  const ImportOptions& options_;
  std::int64_t id_ = 0;  // caf_imports
  std::int64_t size_ = 0;
  std::optional<std::string> hash_;             // SHA-256 of the file, once known
  std::optional<Validation> valid_;             // the file passed the schema
  std::future<Result<Validation>> validating_;  // the schema's verdict, when it runs alongside
  std::optional<std::string> refused_;          // why the header refuses the file
  std::optional<Importer> importer_;            // once the header is read
  std::vector<ReadHousehold> batch_;            // the step being read
  std::atomic<bool> parse_ahead_ = false;
  std::int64_t done_ = 0;  // households applied
  std::size_t uncommitted_ = 0;
  bool stopped_ = false;
  std::optional<Error> unreadable_;        // a household's bytes could not be parsed
  std::optional<Result<Report>> invalid_;  // the schema's verdict, reached while applying
  std::int64_t known_persons_ = 0;         // PostgreSQL: by the statistics
  std::int64_t analyzed_at_ = 0;           // persons created at the last ANALYZE
};

}  // namespace

Result<Report> import_flux(store::Connection& conn, const std::string& path,
                           const ImportOptions& options) {
  return FluxImport(conn, path, options).run();
}

std::optional<Report> find_import(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(std::string(kReportColumns) + "WHERE id = $1", {id});
  if (!row) return std::nullopt;
  auto report = report_of(*row);
  if (report.status == "refused") {
    for (const auto& r :
         conn.query("SELECT line, message FROM caf_import_lines WHERE import_id = $1 AND outcome = "
                    "'schema' ORDER BY seq",
                    {id})) {
      report.schema_errors.push_back({static_cast<int>(r.integer(0)), r.text(1)});
    }
  }
  return report;
}

std::vector<Report> list_imports(store::Connection& conn, std::optional<std::int64_t> territory_id,
                                 int limit) {
  std::vector<Report> out;
  auto rows = territory_id ? conn.query(std::string(kReportColumns) +
                                            "WHERE territory_id = $1 ORDER BY id DESC LIMIT $2",
                                        {*territory_id, static_cast<std::int64_t>(limit)})
                           : conn.query(std::string(kReportColumns) + "ORDER BY id DESC LIMIT $1",
                                        {static_cast<std::int64_t>(limit)});
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(report_of(r));
  return out;
}

std::vector<ReportLine> report_lines(store::Connection& conn, std::int64_t import_id,
                                     std::int64_t after_seq, int limit) {
  std::vector<ReportLine> out;
  for (const auto& r : conn.query(
           "SELECT line, matricule, outcome, person_id, territory_id, message FROM "
           "caf_import_lines WHERE import_id = $1 AND seq > $2 AND outcome <> 'schema' ORDER BY "
           "seq LIMIT $3",
           {import_id, after_seq, static_cast<std::int64_t>(limit)})) {
    out.push_back(
        {r.integer(0), r.text(1), r.text(2), r.opt_integer(3), r.opt_integer(4), r.text(5)});
  }
  return out;
}

std::string report_json(store::Connection& conn, const Report& report, bool with_lines) {
  json::object o{{"import_id", report.import_id},
                 {"file_name", report.file_name},
                 {"status", report.status},
                 {"refused", report.refused()},
                 {"message", report.message},
                 {"reference_date", report.reference_date},
                 {"households_total", report.households_total},
                 {"households", report.households},
                 {"persons_created", report.persons_created},
                 {"persons_updated", report.persons_updated},
                 {"persons_unchanged", report.persons_unchanged},
                 {"rejected", report.rejected}};
  json::array errors;
  for (const auto& e : report.schema_errors) {
    errors.push_back(json::object{{"line", e.line}, {"message", e.message}});
  }
  o["schema_errors"] = std::move(errors);
  if (with_lines) {
    json::array lines;
    std::int64_t after = 0;
    while (true) {
      auto page = report_lines(conn, report.import_id, after, 5000);
      for (const auto& l : page) {
        json::object line{{"line", l.line},
                          {"matricule", l.matricule},
                          {"outcome", l.outcome},
                          {"message", l.message}};
        if (l.person_id) line["person_id"] = *l.person_id;
        lines.push_back(std::move(line));
      }
      if (page.size() < 5000) break;
      after += 5000;  // seq are dense from 1
    }
    o["lines"] = std::move(lines);
  }
  return json::serialize(o);
}

}  // namespace parcours::caf
