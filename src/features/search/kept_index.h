// Parts of the catalogue's search index kept in memory, for the search at a commune:
//   - the rows of the zone index (service_zones) by zone code: a search reads those of the
//     commune, its EPCI, its département, "france" and the empty zone, thousands of rows each
//     time and mostly the same ("france" alone holds one service in twenty);
//   - for a word of a query, the set of services with a word of their name or description that
//     begins with it, and of those with such a word in their name (from service_terms): the text
//     of thousands of eligible services is checked without reading their rows.
// They stay valid while catalogue_version.version stays the same. It is bumped by triggers on
// every write of service_zones (migration 0031, whoever writes: the server, an import in another
// process), and every change of a service's index rows rewrites its zone rows (index.cpp
// deletes all of a service's rows before writing them again). Parts read under an older version
// than the one kept (a request on an older snapshot) are read from the database and not kept.
//
//   auto version = search::catalogue_version(conn);
//   auto rows = search::zone_rows(conn, version, "08");     // shared, immutable
//   auto word = search::word_services(conn, version, "logem");
//   if (word->any.contains(id)) ...
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/store/db.h"

namespace parcours::search {

// A set of service ids, as bits for the dense ids of a catalogue (19 kilobytes for 150,000
// services, instead of a node per id), with a hash set for any id far beyond.
class IdSet {
 public:
  // False when it was there already.
  bool insert(std::int64_t id) {
    if (id < 0 || id >= kMaxDense) return sparse_.insert(id).second;
    auto i = static_cast<std::size_t>(id);
    if (i >= bits_.size()) bits_.resize(std::max(i + 1, bits_.size() * 2));
    if (bits_[i]) return false;
    bits_[i] = true;
    return true;
  }
  bool contains(std::int64_t id) const {
    if (id < 0 || id >= kMaxDense) return sparse_.contains(id);
    auto i = static_cast<std::size_t>(id);
    return i < bits_.size() && bits_[i];
  }

 private:
  static constexpr std::int64_t kMaxDense = std::int64_t{1} << 26;
  std::vector<bool> bits_;
  std::unordered_set<std::int64_t> sparse_;
};

struct ZoneRow {
  std::int64_t service_id = 0;
  double latitude = 0;  // meaningful when located
  double longitude = 0;
  double score = 0;
  std::int64_t modes = 0;  // kRemote, kInPerson bits (index.h)
  bool located = false;    // both coordinates known
};

using ZoneRows = std::shared_ptr<const std::vector<ZoneRow>>;

struct WordServices {
  IdSet any;      // services with a word of their name or description beginning with the word
  IdSet in_name;  // those with one in their name (all of them only when indexed_word_prefix)
};

using WordSets = std::shared_ptr<const WordServices>;

// The current version of the index, read in the connection's snapshot.
std::int64_t catalogue_version(store::Connection& conn);

// The rows of zone `code` at `version` (read with the same connection, in the same snapshot).
ZoneRows zone_rows(store::Connection& conn, std::int64_t version, const std::string& code);

// The services of a folded word of a query at `version` (same connection, same snapshot).
WordSets word_services(store::Connection& conn, std::int64_t version, const std::string& word);

}  // namespace parcours::search
