#include "features/search/search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <unordered_set>

#include "core/text.h"
#include "features/catalogue/vocabulary.h"
#include "features/search/index.h"

namespace parcours::search {
namespace {

using catalogue::Vocabulary;

// Greater than any UTF-8 continuation of a prefix, as in people/search.cpp.
constexpr const char* kAfterPrefix = "\xF4\x8F\xBF\xBF";
constexpr std::size_t kMaxQueryLength = 200;
constexpr std::size_t kMaxWords = 8;
// Above this many services for the query's main word, a commune search starts from the
// services eligible at the commune rather than from the word.
constexpr std::int64_t kTextDriverLimit = 3000;
constexpr std::int64_t kNoDistance = std::numeric_limits<std::int32_t>::max();

class Sql {
 public:
  std::string text;
  std::vector<store::Value> values;
  std::string param(store::Value v) {
    values.push_back(std::move(v));
    return "$" + std::to_string(values.size());
  }
  std::string list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + param(item);
    return out;
  }
};

std::string hex(std::string_view s) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::optional<std::string> unhex(std::string_view s) {
  if (s.size() % 2) return std::nullopt;
  std::string out;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); i += 2) {
    int hi = digit(s[i]);
    int lo = digit(s[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto end = s.find(sep, start);
    parts.emplace_back(s.substr(start, end == s.npos ? s.npos : end - start));
    if (end == s.npos) break;
    start = end + 1;
  }
  return parts;
}

std::optional<std::int64_t> integer(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool negative = s.front() == '-';
  if (negative) s.remove_prefix(1);
  if (!text::all_digits(s) || s.size() > 18) return std::nullopt;
  std::int64_t v = std::stoll(std::string(s));
  return negative ? -v : v;
}

// The sort key of a result; the cursor is the key of the last one shown.
struct Key {
  std::string term;  // text order (without a commune)
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::int64_t id = 0;
  auto tie() const { return std::tie(term, a, b, id); }
  bool operator<(const Key& o) const { return tie() < o.tie(); }
};

std::string encode(char mode, const Key& k) {
  return std::string(1, mode) + "." + hex(k.term) + "." + std::to_string(k.a) + "." +
         std::to_string(k.b) + "." + std::to_string(k.id);
}

std::optional<Key> decode(char mode, std::string_view cursor) {
  auto parts = split(cursor, '.');
  if (parts.size() != 5 || parts[0].size() != 1 || parts[0][0] != mode) return std::nullopt;
  auto term = unhex(parts[1]);
  auto a = integer(parts[2]);
  auto b = integer(parts[3]);
  auto id = integer(parts[4]);
  if (!term || !a || !b || !id) return std::nullopt;
  return Key{*term, *a, *b, *id};
}

Result<std::vector<std::string>> checked(const std::vector<std::string>& codes, Vocabulary kind,
                                         const std::string& field) {
  std::vector<std::string> out;
  for (const auto& code : codes) {
    if (code.empty()) continue;
    if (!catalogue::in_vocabulary(kind, code)) {
      return fail(ErrorCode::kInvalid, "« " + code + " » n’est pas une valeur autorisée.", field);
    }
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

Result<std::vector<std::string>> checked_thematiques(const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  const auto& categories = catalogue::thematique_categories();
  for (const auto& code : codes) {
    if (code.empty()) continue;
    bool category = std::any_of(categories.begin(), categories.end(),
                                [&](const auto& c) { return c.code == code; });
    if (!category && !catalogue::in_vocabulary(Vocabulary::kThematiques, code)) {
      return fail(ErrorCode::kInvalid,
                  "« " + code + " » n’est ni une catégorie ni une thématique connue.",
                  "thematiques");
    }
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

// The conditions on service_search (alias ss) shared by every way of searching.
std::string filters(Sql& sql, const ServiceQuery& q, const std::vector<std::string>& words) {
  std::string where;
  if (!q.frais.empty()) where += " AND ss.frais IN (" + sql.list(q.frais) + ")";
  if (!q.types.empty()) where += " AND ss.type IN (" + sql.list(q.types) + ")";
  auto any_of = [&](const char* column, std::vector<std::string> codes) {
    std::string part;
    for (const auto& c : codes) {
      part +=
          std::string(part.empty() ? "" : " OR ") + column + " LIKE " + sql.param("% " + c + " %");
    }
    return " AND (" + part + ")";
  };
  if (!q.publics.empty()) {
    auto publics = q.publics;
    if (std::find(publics.begin(), publics.end(), "tous-publics") == publics.end()) {
      publics.push_back("tous-publics");
    }
    where += any_of("ss.publics", publics);
  }
  if (!q.modes_accueil.empty()) where += any_of("ss.modes_accueil", q.modes_accueil);
  for (const auto& w : words) where += " AND ss.words LIKE " + sql.param("% " + w + "%");
  return where;
}

bool has_word_prefix(std::string_view spaced_words, std::string_view word) {
  std::string needle = " " + std::string(word);
  return spaced_words.find(needle) != std::string_view::npos;
}

double radians(double d) { return d * std::numbers::pi / 180.0; }

struct Commune {
  std::string code;
  std::string name;
  std::string departement;
  std::string epci;
  std::optional<std::pair<double, double>> centre;
};

Result<Commune> find_commune(store::Connection& conn, const std::string& code) {
  auto row = conn.query_one(
      "SELECT m.code, m.name, m.departement_code, m.epci_code, c.latitude, c.longitude "
      "FROM communes m LEFT JOIN commune_centres c ON c.code = m.code WHERE m.code = $1",
      {code});
  if (!row) {
    return fail(ErrorCode::kInvalid, "la commune de code « " + code + " » est inconnue.",
                "code_commune");
  }
  Commune c{row->text(0), row->text(1), row->text(2), row->text(3), std::nullopt};
  if (!row->is_null(4) && !row->is_null(5)) c.centre = std::make_pair(row->real(4), row->real(5));
  return c;
}

// A search at a commune: every eligible candidate is read, then sorted here.
Result<ServicePage> search_at_commune(store::Connection& conn, const ServiceQuery& q,
                                      const std::vector<std::string>& words) {
  auto commune = find_commune(conn, q.code_commune);
  if (!commune) return std::unexpected(commune.error());
  std::optional<Key> after;
  if (!q.cursor.empty()) {
    after = decode('c', q.cursor);
    if (!after) return fail(ErrorCode::kInvalid, "curseur invalide.", "cursor");
  }
  std::vector<std::string> zones{commune->code, commune->departement, "france",
                                 std::string(kAnyZone)};
  if (!commune->epci.empty()) zones.push_back(commune->epci);

  // The main word: the longest (the most selective, usually).
  std::string main_word;
  for (const auto& w : words) {
    if (w.size() > main_word.size()) main_word = w;
  }
  bool from_text = false;
  if (!main_word.empty()) {
    auto count = conn.query_one(
        "SELECT COUNT(*) FROM (SELECT 1 FROM service_terms WHERE term >= $1 AND term < $2 "
        "LIMIT $3) t",
        {main_word, main_word + kAfterPrefix, kTextDriverLimit});
    from_text = count->integer(0) < kTextDriverLimit;
  }
  Sql sql;
  const char* columns =
      "ss.service_id, ss.latitude, ss.longitude, ss.modes_accueil, ss.score_qualite, "
      "ss.name_words";
  if (from_text) {
    std::vector<std::string> others;
    for (const auto& w : words) {
      if (w != main_word) others.push_back(w);
    }
    sql.text = std::string("SELECT DISTINCT ") + columns +
               " FROM service_terms t JOIN service_search ss ON ss.service_id = t.service_id "
               "WHERE t.term >= " +
               sql.param(main_word) + " AND t.term < " + sql.param(main_word + kAfterPrefix) +
               " AND EXISTS (SELECT 1 FROM service_zones z WHERE z.service_id = t.service_id "
               "AND z.code IN (" +
               sql.list(zones) + "))";
    if (!q.thematiques.empty()) {
      sql.text +=
          " AND EXISTS (SELECT 1 FROM service_thematiques th WHERE th.service_id = t.service_id "
          "AND th.code IN (" +
          sql.list(q.thematiques) + "))";
    }
    sql.text += filters(sql, q, others);
  } else if (!q.thematiques.empty()) {
    sql.text = std::string("SELECT ") + columns +
               " FROM service_zone_thematiques zt JOIN service_search ss "
               "ON ss.service_id = zt.service_id WHERE zt.zone IN (" +
               sql.list(zones) + ") AND zt.thematique IN (" + sql.list(q.thematiques) + ")" +
               filters(sql, q, words);
  } else {
    sql.text = std::string("SELECT ") + columns +
               " FROM service_zones z JOIN service_search ss ON ss.service_id = z.service_id "
               "WHERE z.code IN (" +
               sql.list(zones) + ")" + filters(sql, q, words);
  }

  struct Candidate {
    Key key;
    std::optional<std::int64_t> distance;
  };
  std::vector<Candidate> candidates;
  std::unordered_set<std::int64_t> seen;
  for (const auto& row : conn.query(sql.text, store::Params(std::move(sql.values)))) {
    std::int64_t id = row.integer(0);
    if (!seen.insert(id).second) continue;
    std::string modes = row.text(3);
    bool remote = modes.find(" a-distance ") != std::string::npos;
    bool in_person = modes.find(" en-presentiel ") != std::string::npos || modes == " ";
    std::optional<std::int64_t> distance;
    if (commune->centre && in_person && !row.is_null(1) && !row.is_null(2)) {
      double km =
          distance_km(commune->centre->first, commune->centre->second, row.real(1), row.real(2));
      if (km > kMaxDistanceKm && !remote) continue;
      distance = static_cast<std::int64_t>(std::llround(km));
    }
    std::int64_t in_name = 0;
    if (!words.empty()) {
      std::string name = row.text(5);
      for (const auto& w : words) in_name += has_word_prefix(name, w) ? 0 : 1;
    }
    std::int64_t quality = 100 - std::llround(row.real(4) * 100);
    // Distance in tenths of km for a stable, fine order; unknown distances last.
    std::int64_t metres = kNoDistance;
    if (distance && commune->centre) {
      metres = static_cast<std::int64_t>(std::llround(
          distance_km(commune->centre->first, commune->centre->second, row.real(1), row.real(2)) *
          1000));
    }
    candidates.push_back({Key{"", metres, in_name * 1000 + quality, id}, distance});
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& x, const Candidate& y) { return x.key < y.key; });
  ServicePage page;
  page.by_distance = commune->centre.has_value();
  page.commune_label = commune->name + " (" + commune->code + ")";
  auto it = candidates.begin();
  if (after) {
    it = std::upper_bound(candidates.begin(), candidates.end(), *after,
                          [](const Key& k, const Candidate& c) { return k < c.key; });
  }
  for (; it != candidates.end(); ++it) {
    if (static_cast<int>(page.hits.size()) == q.limit) {
      page.next_cursor = encode('c', std::prev(it)->key);
      break;
    }
    page.hits.push_back({it->key.id, it->distance});
  }
  return page;
}

// A text search anywhere: the index order of the main word is the order of the results, each
// service once, under its first matching word.
Result<ServicePage> search_text(store::Connection& conn, const ServiceQuery& q,
                                const std::vector<std::string>& words) {
  std::optional<Key> after;
  if (!q.cursor.empty()) {
    after = decode('t', q.cursor);
    if (!after) return fail(ErrorCode::kInvalid, "curseur invalide.", "cursor");
  }
  std::string main_word;
  for (const auto& w : words) {
    if (w.size() > main_word.size()) main_word = w;
  }
  std::vector<std::string> others;
  for (const auto& w : words) {
    if (w != main_word) others.push_back(w);
  }
  ServicePage page;
  Key last = after.value_or(Key{"", -1, 0, 0});
  Key shown;  // the last result of the page
  const std::int64_t chunk = q.limit * 2 + 10;
  while (true) {
    Sql sql;
    sql.text =
        "SELECT t.term, t.weight, t.service_id, ss.words FROM service_terms t "
        "JOIN service_search ss ON ss.service_id = t.service_id WHERE t.term >= " +
        sql.param(std::max(main_word, last.term)) + " AND t.term < " +
        sql.param(main_word + kAfterPrefix);
    if (!last.term.empty()) {
      auto term = sql.param(last.term);
      auto weight = sql.param(last.a);
      sql.text += " AND (t.term > " + term + " OR (t.term = " + term + " AND (t.weight > " +
                  weight + " OR (t.weight = " + weight + " AND t.service_id > " +
                  sql.param(last.id) + "))))";
    }
    if (!q.thematiques.empty()) {
      sql.text +=
          " AND EXISTS (SELECT 1 FROM service_thematiques th WHERE th.service_id = t.service_id "
          "AND th.code IN (" +
          sql.list(q.thematiques) + "))";
    }
    sql.text += filters(sql, q, others) + " ORDER BY t.term, t.weight, t.service_id LIMIT " +
                sql.param(chunk);
    auto rows = conn.query(sql.text, store::Params(std::move(sql.values)));
    for (const auto& row : rows) {
      Key key{row.text(0), row.integer(1), 0, row.integer(2)};
      last = key;
      // Listed under an earlier word of the same service?
      std::string all = row.text(3);
      bool earlier = false;
      std::string needle = " " + main_word;
      for (auto pos = all.find(needle); pos != std::string::npos && !earlier;
           pos = all.find(needle, pos + 1)) {
        auto end = all.find(' ', pos + 1);
        std::string word = all.substr(pos + 1, end - pos - 1);
        earlier = word < key.term && !text_terms(word).empty();
      }
      if (earlier) continue;
      if (static_cast<int>(page.hits.size()) == q.limit) {
        page.next_cursor = encode('t', shown);
        return page;
      }
      page.hits.push_back({key.id, std::nullopt});
      shown = key;
    }
    if (static_cast<std::int64_t>(rows.size()) < chunk) return page;
  }
}

}  // namespace

namespace {

// Neither commune nor text: by id, after the thématiques and filters.
Result<ServicePage> search_by_id(store::Connection& conn, const ServiceQuery& q) {
  std::int64_t after = 0;
  if (!q.cursor.empty()) {
    auto key = decode('i', q.cursor);
    if (!key) return fail(ErrorCode::kInvalid, "curseur invalide.", "cursor");
    after = key->id;
  }
  Sql sql;
  sql.text =
      "SELECT ss.service_id FROM service_search ss WHERE ss.service_id > " + sql.param(after);
  if (!q.thematiques.empty()) {
    sql.text +=
        " AND ss.service_id IN (SELECT service_id FROM service_thematiques WHERE code IN (" +
        sql.list(q.thematiques) + "))";
  }
  sql.text += filters(sql, q, {}) + " ORDER BY ss.service_id LIMIT " +
              sql.param(static_cast<std::int64_t>(q.limit) + 1);
  ServicePage page;
  for (const auto& row : conn.query(sql.text, store::Params(std::move(sql.values)))) {
    if (static_cast<int>(page.hits.size()) == q.limit) {
      page.next_cursor = encode('i', Key{"", 0, 0, page.hits.back().service_id});
      break;
    }
    page.hits.push_back({row.integer(0), std::nullopt});
  }
  return page;
}

}  // namespace

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0;
  double dlat = radians(lat2 - lat1);
  double dlon = radians(lon2 - lon1);
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(radians(lat1)) *
                                                           std::cos(radians(lat2)) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

Result<ServicePage> search_services(store::Connection& conn, const ServiceQuery& raw) {
  ServiceQuery q = raw;
  if (q.limit < 1 || q.limit > kMaxLimit) {
    return fail(ErrorCode::kInvalid,
                "doit être un nombre entre 1 et " + std::to_string(kMaxLimit) + ".", "limit");
  }
  auto themes = checked_thematiques(q.thematiques);
  if (!themes) return std::unexpected(themes.error());
  q.thematiques = std::move(*themes);
  struct Field {
    std::vector<std::string>* codes;
    Vocabulary kind;
    const char* name;
  };
  for (const Field& f :
       {Field{&q.frais, Vocabulary::kFrais, "frais"}, Field{&q.types, Vocabulary::kTypes, "types"},
        Field{&q.publics, Vocabulary::kPublics, "publics"},
        Field{&q.modes_accueil, Vocabulary::kModesAccueil, "modes_accueil"}}) {
    auto codes = checked(*f.codes, f.kind, f.name);
    if (!codes) return std::unexpected(codes.error());
    *f.codes = std::move(*codes);
  }
  q.code_commune = text::trim(q.code_commune);
  if (q.q.size() > kMaxQueryLength) {
    return fail(ErrorCode::kInvalid,
                "la recherche dépasse " + std::to_string(kMaxQueryLength) + " caractères.", "q");
  }
  std::vector<std::string> words;
  for (auto& w : text_terms(q.q)) {
    // Only letters and digits reach SQL patterns (no LIKE wildcard).
    std::erase_if(w, [](unsigned char c) {
      return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80);
    });
    if (!w.empty() && words.size() < kMaxWords &&
        std::find(words.begin(), words.end(), w) == words.end()) {
      words.push_back(std::move(w));
    }
  }
  if (!q.code_commune.empty()) return search_at_commune(conn, q, words);
  if (!words.empty()) return search_text(conn, q, words);
  return search_by_id(conn, q);
}

}  // namespace parcours::search
