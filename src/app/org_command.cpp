// `parcours org list`: the organisations as a table on stdout, ordered by territory then name.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "core/store/db.h"
#include "features/organisations/organisation.h"

namespace parcours::app {
namespace {

// Display width of UTF-8 text: one column per code point (enough for French names).
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void print_row(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    line += cells[i];
    if (i + 1 < cells.size()) line += std::string(widths[i] - width(cells[i]) + 2, ' ');
  }
  std::cout << line << "\n";
}

}  // namespace

int run_org_list(const Config& config) {
  try {
    auto db = store::Db::open(config.db_url, 1);
    auto conn = db->acquire();
    if (!database_is_migrated(*conn)) return 1;
    std::vector<std::vector<std::string>> rows{{"IDENTIFIANT", "TYPE", "TERRITOIRE", "NOM"}};
    for (const auto& org : organisations::list_organisations(*conn)) {
      rows.push_back({org.slug, org.kind, org.territory_name,
                      org.active ? org.name : org.name + " (désactivée)"});
    }
    std::vector<std::size_t> widths(4, 0);
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    }
    for (const auto& row : rows) print_row(row, widths);
    if (rows.size() == 1) std::cout << "(aucune structure)\n";
    return 0;
  } catch (const store::StoreError& e) {
    std::cerr << "parcours : " << e.what() << "\n";
    return 1;
  }
}

}  // namespace parcours::app
