#include "features/geo/communes.h"

#include <map>

#include "core/text.h"

namespace parcours::geo {
namespace {

constexpr const char* kCommuneColumns =
    "c.code, c.name, c.departement_code, c.epci_code, c.population";

Commune commune_from_row(const store::Row& row) {
  Commune c;
  c.code = row.text(0);
  c.name = row.text(1);
  c.departement = row.text(2);
  c.epci = row.opt_text(3);
  c.population = row.integer(4);
  return c;
}

// Fills the postcodes of `communes` with one query.
void attach_postcodes(store::Connection& conn, std::vector<Commune>& communes) {
  if (communes.empty()) return;
  std::string sql = "SELECT commune_code, postcode FROM commune_postcodes WHERE commune_code IN (";
  store::Params params;
  for (std::size_t i = 0; i < communes.size(); ++i) {
    sql += (i ? ", $" : "$") + std::to_string(i + 1);
    params.add(communes[i].code);
  }
  sql += ") ORDER BY postcode";
  std::map<std::string, std::vector<std::string>> by_commune;
  for (const auto& row : conn.query(sql, params)) by_commune[row.text(0)].push_back(row.text(1));
  for (auto& c : communes) c.postcodes = std::move(by_commune[c.code]);
}

// " AND c.departement_code IN ($n, ...)" for a non-empty list, adding its parameters.
std::string departement_filter(const std::vector<std::string>& departements,
                               store::Params& params) {
  if (departements.empty()) return {};
  std::string sql = " AND c.departement_code IN (";
  for (std::size_t i = 0; i < departements.size(); ++i) {
    params.add(departements[i]);
    sql += (i ? ", $" : "$") + std::to_string(params.values().size());
  }
  return sql + ")";
}

std::vector<Commune> run(store::Connection& conn, const std::string& sql,
                         const store::Params& params) {
  std::vector<Commune> communes;
  for (const auto& row : conn.query(sql, params)) communes.push_back(commune_from_row(row));
  attach_postcodes(conn, communes);
  return communes;
}

std::vector<std::string> split_words(const std::string& folded) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

std::vector<Commune> search_communes(store::Connection& conn, std::string_view query, int limit,
                                     const std::vector<std::string>& departements) {
  std::string folded = text::fold_for_search(query);
  if (folded.empty() || limit <= 0) return {};
  store::Params params;
  std::string sql = std::string("SELECT ") + kCommuneColumns + " FROM communes c WHERE ";
  std::string compact;
  for (char ch : folded) {
    if (ch != ' ') compact += ch;
  }
  if (text::all_digits(compact)) {
    // A postcode (or INSEE code) prefix: "08", "082", "08105".
    params.add(compact + "%");
    sql +=
        "(c.code LIKE $1 OR EXISTS (SELECT 1 FROM commune_postcodes p"
        " WHERE p.commune_code = c.code AND p.postcode LIKE $1))";
    sql += departement_filter(departements, params);
    sql += " ORDER BY c.population DESC, c.name";
  } else {
    // Every typed word must start a word of the name; a name that starts with the whole query
    // comes first ("sedan" before "saint aignan sedan...").
    std::vector<std::string> words = split_words(folded);
    std::string expanded;
    for (std::string& word : words) {
      // "St-Étienne", "Ste-Marie": the usual abbreviations of Saint and Sainte.
      if (word == "st") word = "saint";
      if (word == "ste") word = "sainte";
      expanded += (expanded.empty() ? "" : " ") + word;
    }
    params.add(expanded);
    params.add(expanded + "%");
    sql += "1 = 1";
    for (const std::string& word : words) {
      params.add("% " + word + "%");
      sql += " AND (' ' || c.search_name) LIKE $" + std::to_string(params.values().size());
    }
    sql += departement_filter(departements, params);
    sql +=
        " ORDER BY CASE WHEN c.search_name = $1 THEN 0 WHEN c.search_name LIKE $2 THEN 1"
        " ELSE 2 END, c.population DESC, c.name";
  }
  params.add(static_cast<std::int64_t>(limit));
  sql += " LIMIT $" + std::to_string(params.values().size());
  return run(conn, sql, params);
}

std::optional<Commune> find_commune(store::Connection& conn, std::string_view code) {
  auto found =
      run(conn, std::string("SELECT ") + kCommuneColumns + " FROM communes c WHERE c.code = $1",
          {std::string(code)});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::string commune_label(const Commune& commune) {
  return commune.name + " (" + commune.code + ")";
}

Result<Commune> resolve_commune(store::Connection& conn, std::string_view input,
                                const std::vector<std::string>& departements,
                                const std::string& field) {
  std::string value = text::trim(input);
  if (value.empty()) return fail(ErrorCode::kInvalid, "Indiquez la commune.", field);

  // "Nom (08105)" from the suggestions, or a bare INSEE code.
  std::string code;
  if (value.size() > 7 && value.back() == ')') {
    auto open = value.rfind('(');
    if (open != std::string::npos)
      code = text::trim(value.substr(open + 1, value.size() - open - 2));
  } else if (value.size() == 5) {
    code = value;
  }
  if (!code.empty()) {
    if (auto commune = find_commune(conn, code)) {
      bool inside = departements.empty();
      for (const auto& d : departements) inside = inside || d == commune->departement;
      if (inside) return std::move(*commune);
      return fail(ErrorCode::kInvalid,
                  "La commune " + commune_label(*commune) + " n’est pas dans le territoire.",
                  field);
    }
  }

  store::Params params;
  std::string sql = std::string("SELECT ") + kCommuneColumns + " FROM communes c WHERE ";
  if (text::all_digits(value) && value.size() == 5) {
    params.add(value);
    sql +=
        "EXISTS (SELECT 1 FROM commune_postcodes p WHERE p.commune_code = c.code"
        " AND p.postcode = $1)";
  } else {
    params.add(text::fold_for_search(value));
    sql += "c.search_name = $1";
  }
  sql += departement_filter(departements, params) + " ORDER BY c.population DESC LIMIT 6";
  auto found = run(conn, sql, params);
  if (found.size() == 1) return std::move(found.front());
  if (found.empty()) {
    return fail(ErrorCode::kInvalid,
                "Commune « " + value +
                    " » inconnue : saisissez son nom exact, son code postal "
                    "ou son code INSEE.",
                field);
  }
  std::string choices;
  for (std::size_t i = 0; i < found.size() && i < 5; ++i) {
    choices += (i ? ", " : "") + commune_label(found[i]);
  }
  return fail(ErrorCode::kInvalid,
              "Plusieurs communes correspondent à « " + value + " » (" + choices +
                  ") : précisez en choisissant dans la liste ou en saisissant le code INSEE.",
              field);
}

bool geography_loaded(store::Connection& conn) {
  return conn.query_one("SELECT code FROM communes LIMIT 1").has_value();
}

bool departement_exists(store::Connection& conn, std::string_view code) {
  return conn.query_one("SELECT code FROM departements WHERE code = $1", {std::string(code)})
      .has_value();
}

}  // namespace parcours::geo
