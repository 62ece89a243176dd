// Multi-row INSERTs for the projections' bulk writes (a rebuild writes a million rows): a few
// hundred rows per statement, with $N parameters so that the connection prepares each shape
// once (literal values would make every statement new: parsed again, and kept in the
// connection's statement cache).
//
//   std::vector<store::Value> values{1, "a", 2, "b"};   // rows of `width` values, in order
//   stats::insert_rows(conn, "INSERT INTO t (id, name) VALUES", 2, values,
//                      "ON CONFLICT (id) DO NOTHING");
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/store/db.h"

namespace parcours::stats {

// Writes and empties `values`; `tail` follows the VALUES list (an ON CONFLICT clause, or "").
void insert_rows(store::Connection& conn, std::string_view head, std::size_t width,
                 std::vector<store::Value>& values, std::string_view tail);

}  // namespace parcours::stats
