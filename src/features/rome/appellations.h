// The ROME job titles (appellations of the Répertoire opérationnel des métiers et des emplois),
// loaded from data/reference/rome/appellations.csv and searched by the diagnostic's job list.
//
// Search reads one row per folded word of a title (`rome_terms`): every word of the query must
// be the prefix of a word of the title, in any order, accents and case ignored, so that
// "chauf agri" finds "Chauffeur / Chauffeuse de machines agricoles".
//
//   auto report = load_appellations(conn, "data/reference/rome/appellations.csv");
//   auto hits = search_appellations(conn, "aide soign", 10);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::rome {

struct Appellation {
  std::string code_rome;  // "A1101": one letter, four digits
  std::string label;      // "Chauffeur / Chauffeuse de machines agricoles"
};

// One line of the file that cannot be loaded, with a French explanation.
struct BadLine {
  std::size_t line = 0;  // 1-based, the header is line 1
  std::string reason;
};

struct ParsedFile {
  std::vector<Appellation> rows;
  std::vector<BadLine> bad_lines;
};

// Parses the CSV text (header "code_rome,appellation", RFC 4180 quoting). Bad lines (wrong
// number of columns, malformed code, empty title, duplicate) are listed, never loaded.
ParsedFile parse_appellations_csv(std::string_view text);

struct LoadReport {
  std::int64_t total = 0;    // titles in the file, hence in the table afterwards
  std::int64_t added = 0;    // new titles
  std::int64_t removed = 0;  // titles no longer in the file
};

// Loads the file into rome_appellations and rome_terms, in one transaction; loading the same
// file again changes nothing. When the file is missing or has bad lines, nothing is written and
// the error message lists each bad line in French ("ligne 12 : ...").
Result<LoadReport> load_appellations(store::Connection& conn, const std::string& path);

// The folded words of a title or a query ("Aide-soignant / Aide-soignante" -> "aide",
// "soignant", "soignante"), without duplicates.
std::vector<std::string> search_terms(std::string_view text);

inline constexpr int kMaxResults = 50;

// Titles whose words start with every word of `query`: those whose first word matches the
// query's longest word first, then the shortest titles, then alphabetical. kInvalid (field "q")
// when the query has no letter or digit or is longer than 100 characters.
Result<std::vector<Appellation>> search_appellations(store::Connection& conn,
                                                     std::string_view query, int limit = 20);

// Whether the table holds titles (load-rome has run).
bool appellations_loaded(store::Connection& conn);

}  // namespace parcours::rome
