#include "features/people/search.h"

#include <sodium.h>

#include <algorithm>

#include "core/text.h"
#include "features/people/identity.h"
#include "features/people/nir_protection.h"

namespace parcours::people {
namespace {

constexpr std::size_t kMaxQueryLength = 200;
constexpr std::size_t kMaxWords = 6;
// A word other than the longest drives the search when its range holds at most this many terms
// and at most two thirds as many as the longest word's (internal::driving_word): a first name
// and a family name usually match a few dozen persons, so the scan of the longest word's range
// reads most of it.
constexpr int kSelectiveTerms = 1000;

constexpr const char* kHitColumns =
    "p.id, p.birth_name, p.usage_name, p.first_names, p.birth_date, COALESCE(c.name, ''), "
    "(SELECT j.status FROM journeys j WHERE j.person_id = p.id AND j.territory_id = $1 AND "
    "j.status <> 'closed')";

SearchHit hit_from(const store::Row& r, std::size_t at) {
  return {.person_id = r.integer(at),
          .birth_name = r.text(at + 1),
          .usage_name = r.text(at + 2),
          .first_names = r.text(at + 3),
          .birth_date = r.opt_text(at + 4),
          .commune_name = r.text(at + 5),
          .journey_status = r.opt_text(at + 6)};
}

std::string to_hex(std::string_view s) {
  std::string hex(s.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(s.data()),
                 s.size());
  hex.pop_back();
  return hex;
}

struct Cursor {
  std::string term;
  std::int64_t person_id = 0;
};

// "<person id>-<term in hex>"
std::string encode(const Cursor& c) { return std::to_string(c.person_id) + "-" + to_hex(c.term); }

std::optional<Cursor> decode(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto id = text::parse_id(text.substr(0, dash));
  std::string_view hex = text.substr(dash + 1);
  if (!id || hex.empty() || hex.size() % 2 || hex.size() > 400) return std::nullopt;
  std::string term(hex.size() / 2, '\0');
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(term.data()), term.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != term.size()) {
    return std::nullopt;
  }
  return Cursor{term, *id};
}

// The clause hiding persons who object to the searcher's organisations; `person` is the SQL of
// the person's id.
std::string objection_filter(const SearchQuery& q, store::Params& params,
                             std::string_view person = "p.id") {
  if (q.hidden_for_organisations.empty()) return "";
  std::string list;
  for (auto org : q.hidden_for_organisations) {
    params.add(org);
    list += (list.empty() ? "$" : ", $") + std::to_string(params.values().size());
  }
  std::string sql = " AND NOT EXISTS (SELECT 1 FROM person_objections ob WHERE ob.person_id = " +
                    std::string(person) + " AND ob.organisation_id IN (" + list + ")";
  if (q.member_user_id) {
    params.add(*q.member_user_id);
    sql +=
        " AND NOT EXISTS (SELECT 1 FROM journeys jj JOIN journey_members mm ON "
        "mm.journey_id = jj.id WHERE jj.person_id = " +
        std::string(person) +
        " AND jj.status <> 'closed' AND "
        "mm.left_at IS NULL AND mm.user_id = $" +
        std::to_string(params.values().size()) + ")";
  }
  return sql + ")";
}

// The number of terms of the territory in the range of the parameters $at and $at+1, counted up
// to `cap`: no more than `cap` index entries are read.
std::string capped_count(std::size_t at, int cap) {
  return "(SELECT count(*) FROM (SELECT 1 FROM person_terms WHERE territory_id = $1 AND term >= $" +
         std::to_string(at) + " AND term < $" + std::to_string(at + 1) + " LIMIT " +
         std::to_string(cap) + ") n" + std::to_string(at) + ")";
}

}  // namespace

std::size_t internal::driving_word(store::Connection& conn, std::int64_t territory_id,
                                   const std::vector<std::string>& words) {
  if (words.size() < 2) return 0;
  store::Params params{territory_id};
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < words.size(); ++i) {
    params.add(words[i]);
    params.add(words[i] + text::kAfterPrefix);
    sql += (i ? ", " : "") +
           capped_count(2 * i + 2, i == 0 ? kSelectiveTerms * 3 / 2 + 1 : kSelectiveTerms + 1);
  }
  auto counts = conn.query_one(sql, params);
  if (!counts) return 0;
  std::size_t best = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    std::int64_t n = counts->integer(i);
    if (n <= kSelectiveTerms && 3 * n <= 2 * counts->integer(0) &&
        (best == 0 || n < counts->integer(best))) {
      best = i;
    }
  }
  return best;
}

namespace {

Result<SearchPage> by_names(store::Connection& conn, const SearchQuery& q,
                            std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  // The longest word orders the results (by its first matching term of each person) and
  // usually drives the range scan: it is usually the most selective.
  std::stable_sort(words.begin(), words.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  if (words.size() > kMaxWords) words.resize(kMaxWords);

  std::optional<Cursor> cursor;
  if (!q.cursor.empty()) {
    cursor = decode(q.cursor);
    if (!cursor || !cursor->term.starts_with(words[0])) {
      return fail(ErrorCode::kInvalid,
                  "Le curseur de pagination est invalide : relancez la recherche.", "cursor");
    }
  }
  std::size_t driving = internal::driving_word(conn, q.territory_id, words);
  store::Params params{q.territory_id, words[0], words[0] + text::kAfterPrefix};
  // The conditions on the candidates `t` (term, person_id): the other words, the cursor, the
  // objections.
  auto conditions = [&](std::string_view person) {
    std::string sql;
    for (std::size_t i = 1; i < words.size(); ++i) {
      if (i == driving) continue;
      params.add(words[i]);
      params.add(words[i] + text::kAfterPrefix);
      auto n = params.values().size();
      sql +=
          " AND EXISTS (SELECT 1 FROM person_terms o WHERE o.person_id = t.person_id AND "
          "o.territory_id = $1 AND o.term >= $" +
          std::to_string(n - 1) + " AND o.term < $" + std::to_string(n) + ")";
    }
    if (cursor) {
      params.add(cursor->term);
      params.add(cursor->person_id);
      auto n = params.values().size();
      sql += " AND t.term >= $" + std::to_string(n - 1) + " AND (t.term > $" +
             std::to_string(n - 1) + " OR t.person_id > $" + std::to_string(n) + ")";
    }
    sql += objection_filter(q, params, person);
    params.add(std::int64_t{q.limit + 1});
    return sql + " ORDER BY t.term, t.person_id LIMIT $" + std::to_string(params.values().size());
  };
  std::string sql;
  if (driving == 0) {
    // The range of the longest word, in the order of the results: each person under their first
    // matching term; the scan stops once the page is full.
    sql = std::string("SELECT t.term, ") + kHitColumns +
          " FROM person_terms t JOIN persons p ON p.id = t.person_id "
          "LEFT JOIN communes c ON c.code = p.commune_code "
          "WHERE t.territory_id = $1 AND t.term >= $2 AND t.term < $3 "
          "AND NOT EXISTS (SELECT 1 FROM person_terms d WHERE d.person_id = "
          "t.person_id AND d.territory_id = $1 AND d.term >= $2 AND d.term < t.term)" +
          conditions("p.id");
  } else {
    // A rarer word drives ("Martin Meh": in a département, 3,000 terms begin with "martin",
    // 500 with "meh"): every person of its range (at most kSelectiveTerms terms) with their
    // first term matching the longest word, sorted as the scan above would list them; only the
    // page's persons are read.
    params.add(words[driving]);
    params.add(words[driving] + text::kAfterPrefix);
    auto n = params.values().size();
    sql = std::string("SELECT t.term, ") + kHitColumns +
          " FROM (SELECT t.term, t.person_id FROM (SELECT s.person_id, (SELECT min(f.term) FROM "
          "person_terms f WHERE f.person_id = s.person_id AND f.territory_id = $1 AND f.term >= "
          "$2 AND f.term < $3) AS term FROM person_terms s WHERE s.territory_id = $1 AND "
          "s.term >= $" +
          std::to_string(n - 1) + " AND s.term < $" + std::to_string(n) +
          " GROUP BY s.person_id) t WHERE t.term IS NOT NULL" + conditions("t.person_id") +
          ") t JOIN persons p ON p.id = t.person_id "
          "LEFT JOIN communes c ON c.code = p.commune_code ORDER BY t.term, t.person_id";
  }

  SearchPage page{.by = "names"};
  std::string last_term;
  for (const auto& row : conn.query(sql, params)) {
    if (static_cast<int>(page.hits.size()) == q.limit) {
      page.next_cursor = encode({last_term, page.hits.back().person_id});
      break;
    }
    last_term = row.text(0);
    page.hits.push_back(hit_from(row, 1));
  }
  return page;
}

Result<SearchPage> by_identifier(store::Connection& conn, const SearchQuery& q,
                                 const std::string& typed) {
  store::Params params{q.territory_id};
  std::vector<std::string> conditions;
  std::string by;
  auto add = [&](const char* name, const std::string& condition, std::string value) {
    params.add(std::move(value));
    std::string n = "$" + std::to_string(params.values().size());
    std::string c = condition;
    for (auto at = c.find('?'); at != std::string::npos; at = c.find('?')) c.replace(at, 1, n);
    conditions.push_back(c);
    if (by.empty()) by = name;
  };
  if (typed.find('@') != std::string::npos) {
    auto email = normalise_email(typed, "q");
    if (!email) return std::unexpected(email.error());
    add("email", "p.email = ?", *email);
  } else {
    auto nir = normalise_nir(typed, "q");
    if (nir) add("nir", "p.nir_hash = ?", nir_hash(conn, *nir));
    if (auto phone = normalise_phone(typed, "q")) {
      add("phone", "(p.phone = ? OR p.phone2 = ?)", *phone);
    }
    if (auto ft = normalise_ft_id(typed, "q")) add("ft_id", "p.ft_id = ?", *ft);
    if (auto caf = normalise_caf_number(typed, "q")) add("caf_number", "p.caf_number = ?", *caf);
    std::string compact;
    for (char c : typed) {
      if (c != ' ' && c != '.' && c != '-') compact += c;
    }
    if (conditions.empty() && text::all_digits(compact) &&
        (compact.size() == 13 || compact.size() == 15)) {
      return std::unexpected(nir.error());  // a NIR with a wrong key, most likely
    }
    if (auto internal = normalise_internal_id(typed, "q")) {
      add("internal_id", "(p.internal_id = ? AND p.territory_id = $1)", *internal);
    }
  }
  std::string where;
  for (const auto& c : conditions) where += (where.empty() ? "" : " OR ") + c;
  std::string sql = std::string("SELECT ") + kHitColumns +
                    " FROM persons p LEFT JOIN communes c ON c.code = p.commune_code WHERE "
                    "p.merged_into IS NULL AND (" +
                    where +
                    ") AND EXISTS (SELECT 1 FROM person_terms t WHERE t.person_id = p.id AND "
                    "t.territory_id = $1)";
  sql += objection_filter(q, params);
  sql += " ORDER BY p.id LIMIT 100";
  SearchPage page{.by = by};
  for (const auto& row : conn.query(sql, params)) page.hits.push_back(hit_from(row, 0));
  return page;
}

}  // namespace

Result<SearchPage> search_persons(store::Connection& conn, const SearchQuery& query) {
  SearchQuery q = query;
  q.limit = std::clamp(q.limit, 1, 100);
  std::string typed = text::trim(q.text);
  if (typed.empty()) {
    return fail(ErrorCode::kInvalid,
                "Saisissez un nom, un numéro de sécurité sociale, un numéro allocataire, un "
                "identifiant France Travail, un téléphone ou une adresse électronique.",
                "q");
  }
  if (typed.size() > kMaxQueryLength) {
    return fail(ErrorCode::kInvalid, "La recherche ne doit pas dépasser 200 caractères.", "q");
  }
  bool identifier =
      typed.find('@') != std::string::npos ||
      std::any_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (identifier) {
    if (!q.cursor.empty()) {
      return fail(ErrorCode::kInvalid,
                  "Le curseur de pagination est invalide : relancez la recherche.", "cursor");
    }
    return by_identifier(conn, q, typed);
  }
  std::vector<std::string> words;
  std::string folded = text::fold_for_search(typed);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  if (words.empty()) {
    return fail(ErrorCode::kInvalid, "Saisissez au moins une lettre du nom recherché.", "q");
  }
  return by_names(conn, q, std::move(words));
}

}  // namespace parcours::people
