#include "features/stats/insert_rows.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>

namespace parcours::stats {

void insert_rows(store::Connection& conn, std::string_view head, std::size_t width,
                 std::vector<store::Value>& values, std::string_view tail) {
  const std::size_t per_statement = std::max<std::size_t>(1, 2000 / width);
  const std::size_t rows = values.size() / width;
  std::map<std::size_t, std::string> statements;  // by number of rows: the full one, the last
  for (std::size_t first = 0; first < rows; first += per_statement) {
    std::size_t n = std::min(per_statement, rows - first);
    auto& sql = statements[n];
    if (sql.empty()) {
      sql = std::string(head);
      std::size_t param = 1;
      for (std::size_t r = 0; r < n; ++r) {
        sql += r ? ", (" : " (";
        for (std::size_t c = 0; c < width; ++c) {
          sql += (c ? ", $" : "$") + std::to_string(param++);
        }
        sql += ")";
      }
      sql += " ";
      sql += tail;
    }
    std::vector<store::Value> chunk(std::make_move_iterator(values.begin() + first * width),
                                    std::make_move_iterator(values.begin() + (first + n) * width));
    conn.execute(sql, store::Params(std::move(chunk)));
  }
  values.clear();
}

}  // namespace parcours::stats
