#include "features/search/search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "features/catalogue/vocabulary.h"
#include "features/search/index.h"
#include "features/search/kept_index.h"

namespace parcours::search {
namespace {

using catalogue::Vocabulary;

constexpr std::size_t kMaxQueryLength = 200;
constexpr std::size_t kMaxWords = 8;
constexpr std::int64_t kNoDistance = std::numeric_limits<std::int32_t>::max();
// Candidates of a search at a commune checked against service_search per statement.
constexpr std::size_t kCheckBatch = 64;

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
  auto any_of = [&](const char* column, const std::vector<std::string>& codes) {
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

// One eligible service at a commune, with its sort key (a, b, id): distance in metres, unknown
// last; words of the query missing from the name x 1000 + quality order; id. Its cursor is the
// Key ("", a, b, id).
struct Candidate {
  std::int64_t a = kNoDistance;
  std::int64_t b = 0;
  std::int64_t id = 0;
  std::optional<std::int64_t> distance;  // km, shown
  auto tie() const { return std::tie(a, b, id); }
  Key key() const { return Key{"", a, b, id}; }
};

bool operator<(const Candidate& x, const Candidate& y) { return x.tie() < y.tie(); }
bool operator<(const Key& k, const Candidate& c) { return std::tie(k.a, k.b, k.id) < c.tie(); }

// The candidate of a service (its coordinates, whether it is offered remotely and in person,
// its quality score, the " word word " of its name), or none when it is in person only and too
// far. `words` empty: the words missing from the name are not counted.
std::optional<Candidate> candidate(std::int64_t id, std::optional<std::pair<double, double>> at,
                                   bool remote, bool in_person, double score,
                                   std::string_view name_words, const Commune& commune,
                                   const std::vector<std::string>& words) {
  Candidate c;
  // Distance in metres for a stable, fine order; unknown distances last.
  if (commune.centre && in_person && at) {
    double km = distance_km(commune.centre->first, commune.centre->second, at->first, at->second);
    if (km > kMaxDistanceKm && !remote) return std::nullopt;
    c.distance = static_cast<std::int64_t>(std::llround(km));
    c.a = static_cast<std::int64_t>(std::llround(km * 1000));
  }
  std::int64_t missing = 0;
  for (const auto& w : words) missing += has_word_prefix(name_words, w) ? 0 : 1;
  c.b = missing * 1000 + 100 - std::llround(score * 100);
  c.id = id;
  return c;
}

// The candidate of a row (service_id, latitude, longitude, modes, score, name_words). `modes` is
// either the bits of the zone rows or the " code code " list of service_search.
std::optional<Candidate> candidate_of(const store::Row& row, const Commune& commune,
                                      const std::vector<std::string>& words) {
  bool remote = false;
  bool in_person = false;
  if (std::holds_alternative<std::int64_t>(row.value(3))) {
    std::int64_t modes = row.integer(3);
    remote = modes & kRemote;
    in_person = (modes & kInPerson) || modes == 0;
  } else {
    std::string modes = row.text(3);
    remote = modes.find(" a-distance ") != std::string::npos;
    in_person = modes.find(" en-presentiel ") != std::string::npos || modes == " ";
  }
  std::optional<std::pair<double, double>> at;
  if (!row.is_null(1) && !row.is_null(2)) at = std::make_pair(row.real(1), row.real(2));
  std::string name = words.empty() ? std::string() : row.text(5);
  return candidate(row.integer(0), at, remote, in_person, row.real(4), name, commune, words);
}

// The conditions of filters() with instr() (strpos() on PostgreSQL) instead of LIKE, for a
// statement run again and again with other ids: SQLite compiles a statement anew whenever a
// LIKE pattern is bound again.
std::string filters_without_like(store::Connection& conn, Sql& sql, const ServiceQuery& q,
                                 const std::vector<std::string>& words) {
  const char* contains = conn.dialect() == store::Dialect::kSqlite ? "instr(" : "strpos(";
  std::string where;
  if (!q.frais.empty()) where += " AND ss.frais IN (" + sql.list(q.frais) + ")";
  if (!q.types.empty()) where += " AND ss.type IN (" + sql.list(q.types) + ")";
  auto any_of = [&](const char* column, const std::vector<std::string>& codes) {
    std::string part;
    for (const auto& c : codes) {
      part += std::string(part.empty() ? "" : " OR ") + contains + column + ", " +
              sql.param(" " + c + " ") + ") > 0";
    }
    return " AND (" + part + ")";
  };
  if (!q.publics.empty()) {
    auto publics = q.publics;
    publics.push_back("tous-publics");
    where += any_of("ss.publics", publics);
  }
  if (!q.modes_accueil.empty()) where += any_of("ss.modes_accueil", q.modes_accueil);
  for (const auto& w : words) {
    where += std::string(" AND ") + contains + "ss.words, " + sql.param(" " + w) + ") > 0";
  }
  return where;
}

// Of `candidates` (all eligible, in person within reach), those whose service_search row
// passes the text and the filters, with the query's words missing from the name counted in
// their key (unless they already are: `count_missing` false). Ids go by batches of kCheckBatch
// times a power of two, up to kCheckBatch * 8, padded (repeating one) so that four statements
// serve them all.
std::vector<Candidate> checked_candidates(store::Connection& conn, const ServiceQuery& q,
                                          const std::vector<std::string>& words,
                                          std::span<const Candidate> candidates,
                                          bool count_missing) {
  std::vector<Candidate> out;
  // A few fixed sizes (64 to 512 ids), so that few statements serve every batch.
  std::size_t size = kCheckBatch;
  while (size < candidates.size() && size < kCheckBatch * 8) size *= 2;
  for (std::size_t start = 0; start < candidates.size(); start += size) {
    auto batch = candidates.subspan(start, std::min(size, candidates.size() - start));
    std::unordered_map<std::int64_t, const Candidate*> by_id;
    Sql sql;
    std::string ids;
    for (std::size_t i = 0; i < size; ++i) {
      const Candidate& c = batch[std::min(i, batch.size() - 1)];
      by_id.emplace(c.id, &c);
      ids += (i ? ", " : "") + sql.param(c.id);
    }
    sql.text =
        "SELECT ss.service_id, ss.name_words FROM service_search ss WHERE ss.service_id IN (" +
        ids + ")" + filters_without_like(conn, sql, q, words);
    for (const auto& row : conn.query(sql.text, store::Params(std::move(sql.values)))) {
      Candidate c = *by_id.at(row.integer(0));
      std::string name = row.text(1);
      if (count_missing) {
        for (const auto& w : words) c.b += has_word_prefix(name, w) ? 0 : 1000;
      }
      out.push_back(c);
    }
  }
  return out;
}

// For each word, the services with a word beginning with it in their name, read from the
// in-name rows of service_terms (one range per indexed term that begins with the word); none
// when that would not be exact (indexed_word_prefix) or would read more than `max_rows` rows.
std::optional<std::vector<IdSet>> names_with_words(store::Connection& conn,
                                                   const std::vector<std::string>& words,
                                                   std::size_t max_rows) {
  constexpr int kMaxTerms = 32;  // indexed terms that begin with one word
  std::vector<IdSet> out;
  std::size_t rows = 0;
  for (const auto& w : words) {
    if (!indexed_word_prefix(w)) return std::nullopt;
    auto& ids = out.emplace_back();
    std::string term = w;
    for (int terms = 0;; ++terms) {
      auto next = conn.query_one(std::string("SELECT term FROM service_terms WHERE ") +
                                     (terms ? "term > $1" : "term >= $1") +
                                     " AND term < $2 ORDER BY term LIMIT 1",
                                 {term, w + text::kAfterPrefix});
      if (!next) break;
      if (terms == kMaxTerms) return std::nullopt;
      term = next->text(0);
      for (const auto& row : conn.query(
               "SELECT service_id FROM service_terms WHERE term = $1 AND weight = 0 LIMIT $2",
               {term, static_cast<std::int64_t>(max_rows - rows + 1)})) {
        ids.insert(row.integer(0));
        if (++rows > max_rows) return std::nullopt;
      }
    }
  }
  return out;
}

// A search at a commune. Every eligible service is read from the zone rows alone (id,
// coordinates, modes, score: no other table; kept in memory without a thématique, kept_index.h),
// and the in-person ones out of reach are dropped. The text alone is checked against the sets of
// services of its words kept in memory, which give every key whole: the page is the first
// candidates in key order. Otherwise (other filters, or a word whose names the in-name index
// cannot tell), the rest is sorted by distance, then candidates are checked in that order, a
// batch at a time, until the page is full: with a common word, a page reads a few dozen
// service_search rows instead of thousands. A rare word (few services in the whole catalogue)
// starts from its own index rows instead.
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

  // In-person services only (modes 1, or 0: none given) beyond a box around the reach are left
  // out early: a national or départemental zone has thousands of them.
  struct Box {
    double lat_min, lat_max, lon_min, lon_max;
  };
  std::optional<Box> box;
  if (commune->centre) {
    auto [lat, lon] = *commune->centre;
    double dlat = kMaxDistanceKm / 111.0 + 0.01;
    double dlon = kMaxDistanceKm / (111.0 * std::cos(radians(std::min(89.0, std::abs(lat)) + 1)));
    box = Box{lat - dlat, lat + dlat, lon - dlon, lon + dlon};
  }

  const std::int64_t version = catalogue_version(conn);
  // Every eligible service, from the zone rows alone (kept in memory without a thématique), or
  // (`checked`) joined to its service_search row to check the text and filters in SQL and count
  // the words in its name.
  auto eligible = [&](bool checked) {
    std::vector<Candidate> out;
    IdSet seen;
    if (!checked && q.thematiques.empty()) {
      for (const auto& code : zones) {
        for (const ZoneRow& z : *zone_rows(conn, version, code)) {
          bool in_box = !box || z.modes >= 2 || !z.located ||
                        (z.latitude >= box->lat_min && z.latitude <= box->lat_max &&
                         z.longitude >= box->lon_min && z.longitude <= box->lon_max);
          if (!in_box || !seen.insert(z.service_id)) continue;
          std::optional<std::pair<double, double>> at;
          if (z.located) at = std::make_pair(z.latitude, z.longitude);
          auto c = candidate(z.service_id, at, (z.modes & kRemote) != 0,
                             (z.modes & kInPerson) != 0 || z.modes == 0, z.score, {}, *commune, {});
          if (c) out.push_back(*c);
        }
      }
      return out;
    }
    Sql sql;
    std::string from =
        q.thematiques.empty() ? " FROM service_zones z" : " FROM service_zone_thematiques z";
    if (checked) from += " JOIN service_search ss ON ss.service_id = z.service_id";
    sql.text = std::string("SELECT z.service_id, z.latitude, z.longitude, z.modes, z.score, ") +
               (checked ? "ss.name_words" : "''") + from + " WHERE " +
               (q.thematiques.empty() ? "z.code" : "z.zone") + " IN (" + sql.list(zones) + ")";
    if (!q.thematiques.empty()) {
      sql.text += " AND z.thematique IN (" + sql.list(q.thematiques) + ")";
    }
    if (box) {
      sql.text +=
          " AND (z.modes >= 2 OR z.latitude IS NULL OR z.longitude IS NULL OR "
          "(z.latitude BETWEEN " +
          sql.param(box->lat_min) + " AND " + sql.param(box->lat_max) +
          " AND z.longitude BETWEEN " + sql.param(box->lon_min) + " AND " +
          sql.param(box->lon_max) + "))";
    }
    if (checked) sql.text += filters(sql, q, words);
    const std::vector<std::string> no_words;
    conn.each(sql.text, store::Params(std::move(sql.values)), [&](const store::Row& row) {
      if (!seen.insert(row.integer(0))) return;
      auto c = candidate_of(row, *commune, checked ? words : no_words);
      if (c) out.push_back(*c);
    });
    return out;
  };
  const bool other_filters =
      !q.frais.empty() || !q.types.empty() || !q.publics.empty() || !q.modes_accueil.empty();
  bool check = !words.empty() || other_filters;
  bool exact_keys = false;  // the candidates' keys count the words missing from the name
  std::vector<Candidate> candidates = eligible(false);

  // The main word: the longest (the most selective, usually).
  std::string main_word;
  for (const auto& w : words) {
    if (w.size() > main_word.size()) main_word = w;
  }
  // A word is rare here when fewer services in the whole catalogue have it than a quarter of
  // the candidates (counted on its index rows alone, up to that number).
  const auto rare = static_cast<std::int64_t>(candidates.size() / 4);
  if (!words.empty() && !other_filters &&
      std::all_of(words.begin(), words.end(),
                  [](const std::string& w) { return indexed_word_prefix(w); })) {
    // The text alone, and the in-name index tells exactly which names have each word: the words
    // are checked against the sets of their services kept in memory, and every key is whole.
    std::vector<WordSets> sets;
    sets.reserve(words.size());
    for (const auto& w : words) sets.push_back(word_services(conn, version, w));
    std::size_t kept = 0;
    for (Candidate& c : candidates) {
      bool passes = std::all_of(sets.begin(), sets.end(),
                                [&](const WordSets& s) { return s->any.contains(c.id); });
      if (!passes) continue;
      for (const auto& s : sets) c.b += s->in_name.contains(c.id) ? 0 : 1000;
      candidates[kept++] = c;
    }
    candidates.resize(kept);
    check = false;
  } else if (!main_word.empty() &&
             conn.query_one("SELECT COUNT(*) FROM (SELECT 1 FROM service_terms WHERE term >= $1 "
                            "AND term < $2 LIMIT $3) t",
                            {main_word, main_word + text::kAfterPrefix, rare + 1})
                     ->integer(0) <= rare) {
    // From the word's services, eligibility and thématiques checked on their service_search
    // row (its zones and thématiques lists), cheaper than probing the zone index for each.
    candidates.clear();
    std::vector<std::string> others;
    for (const auto& w : words) {
      if (w != main_word) others.push_back(w);
    }
    Sql sql;
    std::string zone_check;
    for (const auto& z : zones) {
      zone_check += (zone_check.empty() ? "" : " OR ") + std::string("ss.zones LIKE ") +
                    sql.param("% " + z + " %");
    }
    sql.text =
        "SELECT DISTINCT ss.service_id, ss.latitude, ss.longitude, ss.modes_accueil, "
        "ss.score_qualite, ss.name_words FROM service_terms t JOIN service_search ss "
        "ON ss.service_id = t.service_id WHERE t.term >= " +
        sql.param(main_word) + " AND t.term < " + sql.param(main_word + text::kAfterPrefix) +
        " AND (" + zone_check + ")";
    if (!q.thematiques.empty()) {
      std::string theme_check;
      for (const auto& t : q.thematiques) {
        theme_check += (theme_check.empty() ? "" : " OR ") + std::string("ss.thematiques LIKE ") +
                       sql.param("% " + t + " %");
      }
      sql.text += " AND (" + theme_check + ")";
    }
    sql.text += filters(sql, q, others);
    for (const auto& row : conn.query(sql.text, store::Params(std::move(sql.values)))) {
      if (auto c = candidate_of(row, *commune, words)) candidates.push_back(*c);
    }
    check = false;
  } else if (check && !commune->centre) {
    // Without a centre, every candidate ties on distance: the order is the words missing from
    // the name, then quality. When the in-name index tells them exactly, the candidates get
    // their whole key here and are checked in that order, a batch at a time, until the page is
    // full; otherwise one statement checks them all.
    if (auto in_name = names_with_words(conn, words, candidates.size() * 4 + 1000)) {
      for (auto& c : candidates) {
        for (const auto& ids : *in_name) c.b += ids.contains(c.id) ? 0 : 1000;
      }
      exact_keys = true;
    } else {
      candidates = eligible(true);
      check = false;
    }
  }

  ServicePage page;
  page.by_distance = commune->centre.has_value();
  page.commune_label = commune->name + " (" + commune->code + ")";
  auto by_key = [](const Candidate& x, const Candidate& y) { return x < y; };
  std::vector<Candidate> shown;  // up to limit + 1, in order
  if (check) {
    // Sorted by distance alone (the rest of the key needs the service_search row); checked in
    // batches that end between two distances, so that each checked batch sorted by the whole
    // key follows the previous one. Before the cursor's distance, nothing is checked. With
    // exact keys, sorted by the whole key, in batches of any size, from the cursor.
    std::size_t next = 0;
    if (exact_keys) {
      std::sort(candidates.begin(), candidates.end(), by_key);
      if (after) {
        next = std::upper_bound(candidates.begin(), candidates.end(), *after,
                                [](const Key& k, const Candidate& c) { return k < c; }) -
               candidates.begin();
      }
    } else {
      std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.a, x.id) < std::tie(y.a, y.id);
      });
      if (after) {
        next = std::partition_point(candidates.begin(), candidates.end(),
                                    [&](const Candidate& c) { return c.a < after->a; }) -
               candidates.begin();
      }
    }
    // After the first batch, the next one is sized from the share of candidates that passed so
    // far: twice what should fill the page, between kCheckBatch and kCheckBatch * 8 (a common
    // word fills it from a few dozen more, instead of reading hundreds of rows).
    std::size_t tried = 0;
    std::size_t passes = 0;
    for (std::size_t round = std::max<std::size_t>(kCheckBatch, q.limit + 1);
         next < candidates.size() && static_cast<int>(shown.size()) <= q.limit;) {
      std::size_t end = std::min(candidates.size(), next + round);
      while (!exact_keys && end < candidates.size() && candidates[end].a == candidates[end - 1].a) {
        ++end;
      }
      auto passed = checked_candidates(
          conn, q, words, std::span(candidates).subspan(next, end - next), !exact_keys);
      tried += end - next;
      passes += passed.size();
      std::sort(passed.begin(), passed.end(), by_key);
      for (auto& c : passed) {
        if (!after || *after < c) shown.push_back(c);
      }
      next = end;
      std::size_t missing = static_cast<std::size_t>(q.limit) + 1 -
                            std::min(shown.size(), static_cast<std::size_t>(q.limit) + 1);
      round = passes == 0 ? kCheckBatch * 8
                          : std::clamp(2 * missing * tried / passes, kCheckBatch, kCheckBatch * 8);
    }
  }
  if (!check) {
    // The page (and one more, for the cursor): the first candidates after the cursor.
    auto from = candidates.begin();
    if (after) {
      from = std::partition(candidates.begin(), candidates.end(),
                            [&](const Candidate& c) { return !(*after < c); });
    }
    auto count = std::min<std::ptrdiff_t>(q.limit + 1, candidates.end() - from);
    std::partial_sort(from, from + count, candidates.end(), by_key);
    shown.assign(from, from + count);
  }
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (static_cast<int>(i) == q.limit) {
      page.next_cursor = encode('c', shown[i - 1].key());
      break;
    }
    page.hits.push_back({shown[i].id, shown[i].distance});
  }
  return page;
}

// A text search anywhere: the index order of the main word (the longest) is the order of the
// results, each service once, under its first matching word.
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
  // Without other filters than thématiques, the other words are checked against the sets of
  // their services kept in memory (kept_index.h): the index rows of the main word are read alone,
  // without their service_search rows.
  const bool in_memory =
      q.frais.empty() && q.types.empty() && q.publics.empty() && q.modes_accueil.empty();
  std::vector<WordSets> other_sets;
  std::string first_term;  // the first indexed term beginning with the main word
  if (in_memory) {
    const std::int64_t version = catalogue_version(conn);
    other_sets.reserve(others.size());
    for (const auto& w : others) other_sets.push_back(word_services(conn, version, w));
    auto first = conn.query_one(
        "SELECT term FROM service_terms WHERE term >= $1 AND term < $2 "
        "ORDER BY term LIMIT 1",
        {main_word, main_word + text::kAfterPrefix});
    if (!first) return page;
    first_term = first->text(0);
  }
  // Is the service (its " word word " list) listed under an earlier word than `term`?
  auto listed_earlier = [&](const std::string& all, const std::string& term) {
    std::string needle = " " + main_word;
    for (auto pos = all.find(needle); pos != std::string::npos; pos = all.find(needle, pos + 1)) {
      auto end = all.find(' ', pos + 1);
      std::string word = all.substr(pos + 1, end - pos - 1);
      if (word < term && !text_terms(word).empty()) return true;
    }
    return false;
  };
  Key last = after.value_or(Key{"", -1, 0, 0});
  Key shown;  // the last result of the page
  const std::int64_t chunk = q.limit * 5 + 50;
  while (true) {
    Sql sql;
    sql.text = std::string("SELECT t.term, t.weight, t.service_id") +
               (in_memory ? " FROM service_terms t"
                          : ", ss.words FROM service_terms t JOIN service_search ss "
                            "ON ss.service_id = t.service_id") +
               " WHERE t.term >= " + sql.param(std::max(main_word, last.term)) + " AND t.term < " +
               sql.param(main_word + text::kAfterPrefix);
    if (!last.term.empty()) {
      // A row-value comparison: both engines seek the index to the cursor.
      sql.text += " AND (t.term, t.weight, t.service_id) > (" + sql.param(last.term) + ", " +
                  sql.param(last.a) + ", " + sql.param(last.id) + ")";
    }
    if (!q.thematiques.empty()) {
      sql.text +=
          " AND EXISTS (SELECT 1 FROM service_thematiques th WHERE th.service_id = t.service_id "
          "AND th.code IN (" +
          sql.list(q.thematiques) + "))";
    }
    if (!in_memory) sql.text += filters(sql, q, others);
    sql.text += " ORDER BY t.term, t.weight, t.service_id LIMIT " + sql.param(chunk);
    auto rows = conn.query(sql.text, store::Params(std::move(sql.values)));
    for (const auto& row : rows) {
      Key key{row.text(0), row.integer(1), 0, row.integer(2)};
      last = key;
      bool earlier = false;
      if (in_memory) {
        if (!std::all_of(other_sets.begin(), other_sets.end(),
                         [&](const WordSets& w) { return w->any.contains(key.id); })) {
          continue;
        }
        // Under the first term, nothing can come earlier.
        if (key.term != first_term) {
          auto words_row =
              conn.query_one("SELECT words FROM service_search WHERE service_id = $1", {key.id});
          earlier = words_row && listed_earlier(words_row->text(0), key.term);
        }
      } else {
        earlier = listed_earlier(row.text(3), key.term);
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
