#include "features/search/index.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <set>

#include "core/text.h"

namespace parcours::search {
namespace {

constexpr std::size_t kBatchRows = 200;   // rows per multi-row INSERT
constexpr std::size_t kReadBatch = 1000;  // services read per SELECT
constexpr std::string_view kFrance = "france";

// Common French words that would match most services: never indexed, dropped from queries.
constexpr std::array<std::string_view, 40> kStopWords = {
    "au",  "aux",  "avec", "ce",  "ces", "dans",  "de",   "des", "du",   "elle",
    "en",  "et",   "est",  "il",  "ils", "la",    "le",   "les", "leur", "leurs",
    "lui", "mais", "me",   "ne",  "nos", "notre", "nous", "on",  "ou",   "par",
    "pas", "pour", "qu",   "que", "qui", "sa",    "se",   "ses", "son",  "sur"};

constexpr std::array<std::string_view, 5> kMoreStopWords = {"un", "une", "vos", "votre", "vous"};

bool stop_word(std::string_view word) {
  if (word.size() < 2) return true;
  return std::find(kStopWords.begin(), kStopWords.end(), word) != kStopWords.end() ||
         std::find(kMoreStopWords.begin(), kMoreStopWords.end(), word) != kMoreStopWords.end();
}

std::vector<std::string> json_codes(const std::string& text) {
  std::vector<std::string> codes;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return codes;
  for (const auto& item : value.as_array()) {
    if (item.is_string()) codes.emplace_back(item.as_string());
  }
  return codes;
}

// " a b c ": codes between spaces, so that "contains code x" is a search for " x ".
std::string spaced(const std::vector<std::string>& codes) {
  std::string out = " ";
  for (const auto& c : codes) out += c + " ";
  return out;
}

struct Terms {
  std::vector<std::string> in_name;
  std::vector<std::string> in_description;  // not in the name
};

Terms terms_of(std::string_view name, std::string_view description) {
  Terms t;
  t.in_name = text_terms(name);
  for (auto& w : text_terms(description)) {
    if (std::find(t.in_name.begin(), t.in_name.end(), w) == t.in_name.end()) {
      t.in_description.push_back(std::move(w));
    }
  }
  return t;
}

void flush(store::Connection& conn, std::string_view head, std::size_t columns,
           std::vector<store::Value>& values) {
  if (values.empty()) return;
  std::string sql(head);
  sql += " VALUES ";
  std::size_t rows = values.size() / columns;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t c = 0; c < columns; ++c) {
      sql += (c ? ", $" : "$") + std::to_string(r * columns + c + 1);
    }
    sql += ")";
  }
  conn.execute(sql, store::Params(std::move(values)));
  values.clear();
}

// Accumulates the rows of one table for a whole chunk, then writes them in key order (the
// table's primary key is its first columns), kBatchRows per statement: sorted inserts append to
// a few places of the B-tree instead of visiting a random page for each row.
class Inserter {
 public:
  Inserter(store::Connection& conn, std::string head, std::size_t columns)
      : conn_(conn), head_(std::move(head)), columns_(columns) {}
  void add(std::initializer_list<store::Value> row) { rows_.emplace_back(row); }
  void finish() {
    std::sort(rows_.begin(), rows_.end(), [](const auto& a, const auto& b) {
      for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i].index() != b[i].index()) return a[i].index() < b[i].index();
        if (std::holds_alternative<std::nullptr_t>(a[i])) continue;
        bool less = std::visit(
            [&](const auto& x) {
              using T = std::decay_t<decltype(x)>;
              if constexpr (std::is_same_v<T, std::nullptr_t>) {
                return false;
              } else {
                return x < std::get<T>(b[i]);
              }
            },
            a[i]);
        if (less) return true;
        if (a[i] != b[i]) return false;
      }
      return false;
    });
    // A few statement sizes only (the rest of 187 rows: 3 x 50, 3 x 10, 7 x 1), each prepared
    // once per connection, rather than a new statement for each chunk's last rows.
    std::size_t next = 0;
    for (std::size_t size : {kBatchRows, std::size_t{50}, std::size_t{10}, std::size_t{1}}) {
      for (; rows_.size() - next >= size; next += size) {
        std::vector<store::Value> values;
        values.reserve(size * columns_);
        for (std::size_t r = next; r < next + size; ++r) {
          for (auto& v : rows_[r]) values.push_back(std::move(v));
        }
        flush(conn_, head_, columns_, values);
      }
    }
    rows_.clear();
  }

 private:
  store::Connection& conn_;
  std::string head_;
  std::size_t columns_;
  std::vector<std::vector<store::Value>> rows_;
};

// "$1, $2, ..." for ids[begin, end), as parameters padded to one of a few sizes (repeating the
// last id): ids written into the SQL made every chunk a new statement to parse and keep.
std::string id_params(const std::vector<std::int64_t>& ids, std::size_t begin, std::size_t end,
                      std::vector<store::Value>& values) {
  std::size_t count = end - begin;
  std::size_t padded = count <= 1 ? 1 : count <= 16 ? 16 : count <= 128 ? 128 : kReadBatch;
  std::string list;
  for (std::size_t i = 0; i < padded; ++i) {
    list += (i ? ", $" : "$") + std::to_string(values.size() + 1);
    values.emplace_back(ids[begin + std::min(i, count - 1)]);
  }
  return list;
}

// Removes the rows of one service whose `column` is one of `codes` (their whole keys).
void delete_keys(store::Connection& conn, const std::string& table, const std::string& where,
                 const std::vector<store::Value>& fixed, const std::string& column,
                 const std::vector<std::string>& codes) {
  for (std::size_t start = 0; start < codes.size(); start += kBatchRows) {
    std::size_t end = std::min(codes.size(), start + kBatchRows);
    std::vector<store::Value> values = fixed;
    std::string sql = fmt::format("DELETE FROM {} WHERE {} AND {} IN (", table, where, column);
    for (std::size_t i = start; i < end; ++i) {
      sql += (i > start ? ", $" : "$") + std::to_string(values.size() + 1);
      values.emplace_back(codes[i]);
    }
    conn.execute(sql + ")", store::Params(std::move(values)));
  }
}

std::vector<std::string> unspaced(std::string_view spaced_codes) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < spaced_codes.size()) {
    auto end = spaced_codes.find(' ', start);
    if (end == std::string_view::npos) end = spaced_codes.size();
    if (end > start) out.emplace_back(spaced_codes.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The index tables' inserters of one chunk, in key order at finish().
struct IndexWriter {
  explicit IndexWriter(store::Connection& conn)
      : zones(conn,
              "INSERT INTO service_zones (code, service_id, latitude, longitude, modes, score)", 6),
        themes(conn, "INSERT INTO service_thematiques (code, service_id)", 2),
        zone_themes(conn,
                    "INSERT INTO service_zone_thematiques (zone, thematique, service_id, "
                    "latitude, longitude, modes, score)",
                    7),
        terms(conn, "INSERT INTO service_terms (term, weight, service_id)", 3),
        search(conn,
               "INSERT INTO service_search (service_id, name_words, words, latitude, longitude, "
               "frais, type, publics, modes_accueil, score_qualite, zones, thematiques)",
               12) {}

  void add(std::int64_t id, IndexEntry& e) {
    for (const auto& z : e.zones) zones.add({z, id, e.latitude, e.longitude, e.modes, e.score});
    for (const auto& t : e.themes) {
      themes.add({t, id});
      for (const auto& z : e.zones) {
        zone_themes.add({z, t, id, e.latitude, e.longitude, e.modes, e.score});
      }
    }
    for (auto& w : e.in_name) terms.add({std::move(w), std::int64_t{0}, id});
    for (auto& w : e.in_description) terms.add({std::move(w), std::int64_t{1}, id});
    search.add({id, std::move(e.name_words), std::move(e.words), e.latitude, e.longitude,
                std::move(e.frais), std::move(e.type), std::move(e.publics),
                std::move(e.modes_accueil), e.score, spaced(e.zones), spaced(e.themes)});
  }
  void finish() {
    zones.finish();
    themes.finish();
    zone_themes.finish();
    terms.finish();
    search.finish();
  }

  Inserter zones, themes, zone_themes, terms, search;
};

void reindex_chunk(store::Connection& conn, const std::vector<std::int64_t>& ids, std::size_t begin,
                   std::size_t end, bool centres) {
  std::vector<store::Value> id_values;
  std::string list = id_params(ids, begin, end, id_values);
  // What was indexed before (words, zones, thématiques), to remove its rows by their keys.
  bool any_old = false;
  for (const auto& row :
       conn.query("SELECT service_id, name_words, words, zones, thematiques FROM service_search "
                  "WHERE service_id IN (" +
                      list + ")",
                  store::Params(id_values))) {
    any_old = true;
    std::int64_t id = row.integer(0);
    Terms old = terms_of(row.text(1), row.text(2));
    delete_keys(conn, "service_terms", "service_id = $1 AND weight = 0", {id}, "term", old.in_name);
    delete_keys(conn, "service_terms", "service_id = $1 AND weight = 1", {id}, "term",
                old.in_description);
    auto old_zones = unspaced(row.text(3));
    auto old_themes = unspaced(row.text(4));
    delete_keys(conn, "service_zones", "service_id = $1", {id}, "code", old_zones);
    delete_keys(conn, "service_thematiques", "service_id = $1", {id}, "code", old_themes);
    for (const auto& z : old_zones) {
      delete_keys(conn, "service_zone_thematiques", "service_id = $1 AND zone = $2", {id, z},
                  "thematique", old_themes);
    }
  }
  if (any_old) {
    conn.execute("DELETE FROM service_search WHERE service_id IN (" + list + ")",
                 store::Params(id_values));
  }

  std::set<std::string> communes;  // whose centre may move
  IndexWriter writer(conn);
  for (const auto& row :
       conn.query("SELECT id, status, nom, description, type, frais, thematiques, publics, "
                  "modes_accueil, zone_eligibilite, latitude, longitude, score_qualite, code_insee "
                  "FROM services WHERE id IN (" +
                      list + ")",
                  store::Params(std::move(id_values)))) {
    if (!row.is_null(13)) communes.insert(row.text(13));
    if (row.text(1) != "published") continue;
    auto entry = index_entry({.name = row.text(2),
                              .description = row.text(3),
                              .type = row.text(4),
                              .frais = row.text(5),
                              .thematiques = json_codes(row.text(6)),
                              .publics = json_codes(row.text(7)),
                              .modes_accueil = json_codes(row.text(8)),
                              .zone_eligibilite = json_codes(row.text(9)),
                              .latitude = row.value(10),
                              .longitude = row.value(11),
                              .score = row.real(12)});
    writer.add(row.integer(0), entry);
  }
  writer.finish();
  if (centres && !communes.empty()) {
    std::vector<store::Value> codes(communes.begin(), communes.end());
    std::string in;
    for (std::size_t i = 0; i < codes.size(); ++i) in += (i ? ", $" : "$") + std::to_string(i + 1);
    conn.execute("DELETE FROM commune_centres WHERE code IN (" + in + ")", store::Params(codes));
    conn.execute(
        "INSERT INTO commune_centres (code, latitude, longitude) SELECT code_insee, "
        "AVG(latitude), AVG(longitude) FROM services WHERE code_insee IN (" +
            in +
            ") AND status = 'published' AND latitude IS NOT NULL AND longitude IS NOT NULL "
            "GROUP BY code_insee",
        store::Params(std::move(codes)));
  }
}

}  // namespace

IndexEntry index_entry(const IndexedService& s) {
  IndexEntry e;
  std::set<std::string> zone_codes;
  for (const auto& z : s.zone_eligibilite) {
    // 99100 is the country code of France: the same as "france".
    zone_codes.insert(z == "99100" ? std::string(kFrance) : z);
  }
  // No zone given: eligible anywhere (as data·inclusion reads it), within reach.
  if (zone_codes.empty()) zone_codes.insert(std::string(kAnyZone));
  e.zones.assign(zone_codes.begin(), zone_codes.end());
  for (const auto& m : s.modes_accueil) {
    if (m == "en-presentiel") e.modes |= kInPerson;
    if (m == "a-distance") e.modes |= kRemote;
  }
  std::set<std::string> theme_codes;
  for (const auto& t : s.thematiques) {
    theme_codes.insert(t);
    theme_codes.insert(thematique_category(t));
  }
  e.themes.assign(theme_codes.begin(), theme_codes.end());
  Terms t = terms_of(s.name, s.description);
  e.words = " ";
  for (const auto& w : t.in_name) e.words += w + " ";
  for (const auto& w : t.in_description) e.words += w + " ";
  e.in_name = std::move(t.in_name);
  e.in_description = std::move(t.in_description);
  e.name_words = " " + text::fold_for_search(s.name) + " ";
  e.latitude = s.latitude;
  e.longitude = s.longitude;
  e.frais = s.frais;
  e.type = s.type;
  e.publics = spaced(s.publics);
  e.modes_accueil = spaced(s.modes_accueil);
  e.score = s.score;
  return e;
}

void index_new_services(store::Connection& conn,
                        std::vector<std::pair<std::int64_t, IndexEntry>>& entries) {
  for (std::size_t begin = 0; begin < entries.size(); begin += kReadBatch) {
    IndexWriter writer(conn);
    for (std::size_t i = begin; i < std::min(entries.size(), begin + kReadBatch); ++i) {
      writer.add(entries[i].first, entries[i].second);
    }
    writer.finish();
  }
}

std::vector<std::string> text_terms(std::string_view text) {
  std::string folded = text::fold_for_search(text);
  std::vector<std::string> terms;
  std::set<std::string_view> seen;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string_view word(folded.data() + start, end - start);
    bool has_alnum = std::any_of(word.begin(), word.end(), [](unsigned char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    });
    if (has_alnum && !stop_word(word) && seen.insert(word).second) terms.emplace_back(word);
    start = end + 1;
  }
  return terms;
}

bool indexed_word_prefix(std::string_view prefix) {
  if (prefix.size() < 2) return false;
  auto starts = [&](std::string_view word) { return word.starts_with(prefix); };
  return std::none_of(kStopWords.begin(), kStopWords.end(), starts) &&
         std::none_of(kMoreStopWords.begin(), kMoreStopWords.end(), starts);
}

std::string thematique_category(std::string_view code) {
  auto dash = code.find("--");
  return std::string(dash == std::string_view::npos ? code : code.substr(0, dash));
}

void reindex_services(store::Connection& conn, const std::vector<std::int64_t>& service_ids,
                      bool commune_centres) {
  for (std::size_t begin = 0; begin < service_ids.size(); begin += kReadBatch) {
    reindex_chunk(conn, service_ids, begin, std::min(service_ids.size(), begin + kReadBatch),
                  commune_centres);
  }
}

void reindex_service(store::Connection& conn, std::int64_t service_id) {
  reindex_services(conn, {service_id});
}

std::int64_t reindex_all(store::Connection& conn) {
  conn.execute("DELETE FROM service_terms");
  conn.execute("DELETE FROM service_search");
  conn.execute("DELETE FROM service_zones");
  conn.execute("DELETE FROM service_thematiques");
  conn.execute("DELETE FROM service_zone_thematiques");
  std::vector<std::int64_t> ids;
  for (const auto& row : conn.query("SELECT id FROM services WHERE status = 'published'")) {
    ids.push_back(row.integer(0));
  }
  reindex_services(conn, ids, false);
  refresh_commune_centres(conn);
  return static_cast<std::int64_t>(ids.size());
}

std::int64_t refresh_commune_centres(store::Connection& conn) {
  conn.execute("DELETE FROM commune_centres");
  return conn.execute(
      "INSERT INTO commune_centres (code, latitude, longitude) "
      "SELECT code_insee, AVG(latitude), AVG(longitude) FROM services WHERE status = 'published' "
      "AND code_insee IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL "
      "GROUP BY code_insee");
}

}  // namespace parcours::search
