#include "features/rome/appellations.h"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/atomic.h"
#include "core/store/journal.h"
#include "core/text.h"

namespace parcours::rome {
namespace {

constexpr std::size_t kMaxQueryLength = 100;
constexpr std::size_t kMaxQueryWords = 6;
constexpr std::size_t kMaxListedBadLines = 50;
constexpr std::size_t kBatchRows = 100;
// Rows of rome_terms read per title asked for (titles with several words sharing a prefix).
constexpr int kRowsPerTitle = 5;
// Added to the sort key of a word that is not the first of its title: those come after.
constexpr std::int64_t kNotFirstWord = 1'000'000;

// Splits one CSV record starting at `pos` (RFC 4180: quoted fields, "" for a quote inside);
// advances `pos` past the end of the record. `ok` is false when a quote is left open.
std::vector<std::string> next_record(std::string_view text, std::size_t& pos, bool& ok) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  ok = true;
  while (pos < text.size()) {
    char c = text[pos++];
    if (quoted) {
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') {
          fields.back() += '"';
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) ok = false;
  return fields;
}

bool valid_code(std::string_view code) {
  return code.size() == 5 && code[0] >= 'A' && code[0] <= 'Z' &&
         std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void insert_rows(store::Connection& conn, const std::string& head, std::size_t columns,
                 const std::string& tail, std::vector<store::Value>& values) {
  if (values.empty()) return;
  std::string sql = head + " VALUES ";
  std::size_t rows = values.size() / columns;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t c = 0; c < columns; ++c) {
      sql += (c ? ", $" : "$") + std::to_string(r * columns + c + 1);
    }
    sql += ")";
  }
  conn.execute(sql + " " + tail, store::Params(std::move(values)));
  values.clear();
}

// Rewrites every row of rome_terms with its sort key: the order of suggestions depends on all
// the titles (shortest first), so it is computed again whenever the list changes.
void rebuild_terms(store::Connection& conn) {
  struct Title {
    std::int64_t id;
    std::string label;
  };
  std::vector<Title> titles;
  for (const auto& row : conn.query("SELECT id, label FROM rome_appellations")) {
    titles.push_back({row.integer(0), row.text(1)});
  }
  std::sort(titles.begin(), titles.end(), [](const Title& a, const Title& b) {
    return std::make_pair(a.label.size(), a.label) < std::make_pair(b.label.size(), b.label);
  });
  conn.execute("DELETE FROM rome_terms");
  std::vector<store::Value> values;
  for (std::size_t rank = 0; rank < titles.size(); ++rank) {
    auto terms = search_terms(titles[rank].label);
    for (std::size_t i = 0; i < terms.size(); ++i) {
      std::int64_t key = static_cast<std::int64_t>(rank) + (i == 0 ? 0 : kNotFirstWord);
      values.insert(values.end(), {std::move(terms[i]), titles[rank].id, key});
      if (values.size() >= kBatchRows * 3) {
        insert_rows(conn, "INSERT INTO rome_terms (term, appellation_id, sort_key)", 3, "", values);
      }
    }
  }
  insert_rows(conn, "INSERT INTO rome_terms (term, appellation_id, sort_key)", 3, "", values);
}

}  // namespace

ParsedFile parse_appellations_csv(std::string_view text) {
  ParsedFile parsed;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t pos = 0;
  std::size_t line = 0;       // where the current record starts (1-based)
  std::size_t next_line = 1;  // a quoted field may span lines: count them for the report
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  while (pos < text.size()) {
    std::size_t start = pos;
    bool ok = true;
    auto fields = next_record(text, pos, ok);
    line = next_line;
    next_line += std::count(text.begin() + start, text.begin() + pos, '\n');
    if (line == 1) {
      if (fields.size() != 2 || text::trim(fields[0]) != "code_rome" ||
          text::trim(fields[1]) != "appellation") {
        parsed.bad_lines.push_back(
            {line, "en-tête « code_rome,appellation » attendu en première ligne"});
      }
      continue;
    }
    if (fields.size() == 1 && text::trim(fields[0]).empty()) continue;  // blank line
    if (!ok) {
      parsed.bad_lines.push_back({line, "guillemet ouvert et jamais refermé"});
      continue;
    }
    if (fields.size() != 2) {
      parsed.bad_lines.push_back({line, std::to_string(fields.size()) +
                                            " colonnes au lieu de 2 (code_rome, appellation)"});
      continue;
    }
    std::string code = text::trim(fields[0]);
    std::string label = text::trim(fields[1]);
    if (!valid_code(code)) {
      parsed.bad_lines.push_back(
          {line,
           "code ROME « " + code + " » invalide (une lettre majuscule et 4 chiffres attendus)"});
      continue;
    }
    if (label.empty()) {
      parsed.bad_lines.push_back({line, "appellation vide"});
      continue;
    }
    if (search_terms(label).empty()) {
      parsed.bad_lines.push_back({line, "appellation sans lettre ni chiffre"});
      continue;
    }
    auto [it, inserted] = seen.emplace(std::make_pair(code, label), line);
    if (!inserted) {
      parsed.bad_lines.push_back({line, "doublon de la ligne " + std::to_string(it->second)});
      continue;
    }
    parsed.rows.push_back({std::move(code), std::move(label)});
  }
  if (line == 0) parsed.bad_lines.push_back({1, "fichier vide"});
  return parsed;
}

std::vector<std::string> search_terms(std::string_view text) {
  std::string folded = text::fold_for_search(text);
  std::vector<std::string> terms;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(start, end - start);
    // "/" between the masculine and feminine forms, and other symbols, are not words.
    bool has_alnum = std::any_of(word.begin(), word.end(), [](unsigned char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    });
    if (has_alnum && std::find(terms.begin(), terms.end(), word) == terms.end()) {
      terms.push_back(std::move(word));
    }
    start = end + 1;
  }
  return terms;
}

Result<LoadReport> load_appellations(store::Connection& conn, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kInvalid, "Fichier introuvable : " + path, "source");
  std::stringstream content;
  content << in.rdbuf();
  ParsedFile parsed = parse_appellations_csv(content.str());
  if (!parsed.bad_lines.empty()) {
    std::string message = path + " : " + std::to_string(parsed.bad_lines.size()) +
                          (parsed.bad_lines.size() > 1 ? " lignes refusées" : " ligne refusée") +
                          ", rien n’a été chargé.";
    for (std::size_t i = 0; i < parsed.bad_lines.size() && i < kMaxListedBadLines; ++i) {
      message += "\n  ligne " + std::to_string(parsed.bad_lines[i].line) + " : " +
                 parsed.bad_lines[i].reason;
    }
    if (parsed.bad_lines.size() > kMaxListedBadLines) {
      message +=
          "\n  … et " + std::to_string(parsed.bad_lines.size() - kMaxListedBadLines) + " autres.";
    }
    return fail(ErrorCode::kInvalid, message, "source");
  }
  return atomically(conn, [&]() -> Result<LoadReport> {
    LoadReport report{.total = static_cast<std::int64_t>(parsed.rows.size())};
    std::map<std::pair<std::string, std::string>, std::int64_t> existing;
    for (const auto& row : conn.query("SELECT id, code_rome, label FROM rome_appellations")) {
      existing.emplace(std::make_pair(row.text(1), row.text(2)), row.integer(0));
    }
    std::set<std::pair<std::string, std::string>> wanted;
    for (const auto& a : parsed.rows) wanted.emplace(a.code_rome, a.label);
    for (const auto& [key, id] : existing) {
      if (wanted.contains(key)) continue;
      conn.execute("DELETE FROM rome_terms WHERE appellation_id = $1", {id});
      conn.execute("DELETE FROM rome_appellations WHERE id = $1", {id});
      ++report.removed;
    }
    std::vector<store::Value> values;
    std::vector<const Appellation*> added;  // new titles
    for (const auto& a : parsed.rows) {
      if (existing.contains({a.code_rome, a.label})) continue;
      added.push_back(&a);
      values.insert(values.end(), {a.code_rome, a.label, text::fold_for_search(a.label)});
      if (values.size() >= kBatchRows * 3) {
        insert_rows(conn, "INSERT INTO rome_appellations (code_rome, label, search_label)", 3, "",
                    values);
      }
    }
    insert_rows(conn, "INSERT INTO rome_appellations (code_rome, label, search_label)", 3, "",
                values);
    report.added = static_cast<std::int64_t>(added.size());
    if (report.added || report.removed || existing.empty()) rebuild_terms(conn);
    if (report.added || report.removed) {
      store::append_event(
          conn,
          {.kind = "rome.loaded",
           .payload_json = boost::json::serialize(boost::json::object{
               {"total", report.total}, {"added", report.added}, {"removed", report.removed}})});
    }
    return report;
  });
}

Result<std::vector<Appellation>> search_appellations(store::Connection& conn,
                                                     std::string_view query, int limit) {
  if (query.size() > kMaxQueryLength) {
    return fail(ErrorCode::kInvalid, "La recherche de métier ne doit pas dépasser 100 caractères.",
                "q");
  }
  auto words = search_terms(query);
  if (words.empty()) {
    return fail(ErrorCode::kInvalid,
                "Saisissez au moins une lettre ou un chiffre du métier recherché.", "q");
  }
  // The longest word is the most selective: it drives the search, the others filter.
  std::stable_sort(words.begin(), words.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  limit = std::clamp(limit, 1, kMaxResults);

  // Rows of rome_terms, not titles, come out of the index: a title with two words starting
  // with the prefix comes twice, so more rows than titles are read, then made unique. No GROUP
  // BY: a top-N sort of integers costs a tenth of it on "de" (6,208 words).
  store::Params params{words[0], words[0] + text::kAfterPrefix};
  std::string sql = "SELECT t.appellation_id FROM rome_terms t WHERE t.term >= $1 AND t.term < $2";
  for (std::size_t i = 1; i < words.size(); ++i) {
    params.add(words[i]);
    params.add(words[i] + text::kAfterPrefix);
    auto n = params.values().size();
    sql +=
        " AND EXISTS (SELECT 1 FROM rome_terms o WHERE o.appellation_id = t.appellation_id "
        "AND o.term >= $" +
        std::to_string(n - 1) + " AND o.term < $" + std::to_string(n) + ")";
  }
  params.add(std::int64_t{limit * kRowsPerTitle});
  sql += " ORDER BY t.sort_key LIMIT $" + std::to_string(params.values().size());
  std::vector<std::int64_t> ids;
  for (const auto& row : conn.query(sql, params)) {
    std::int64_t id = row.integer(0);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    if (ids.size() == static_cast<std::size_t>(limit)) break;
  }
  std::vector<Appellation> out;
  if (ids.empty()) return out;
  store::Params id_params;
  std::string list;
  for (auto id : ids) {
    id_params.add(id);
    list += (list.empty() ? "$" : ", $") + std::to_string(id_params.values().size());
  }
  std::map<std::int64_t, Appellation> found;
  for (const auto& row :
       conn.query("SELECT id, code_rome, label FROM rome_appellations WHERE id IN (" + list + ")",
                  id_params)) {
    found[row.integer(0)] = {row.text(1), row.text(2)};
  }
  for (auto id : ids) {
    auto it = found.find(id);
    if (it != found.end()) out.push_back(std::move(it->second));
  }
  return out;
}

bool appellations_loaded(store::Connection& conn) {
  return conn.query_one("SELECT 1 FROM rome_appellations LIMIT 1").has_value();
}

}  // namespace parcours::rome
