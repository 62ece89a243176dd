#include "features/search/kept_index.h"

#include <mutex>
#include <unordered_map>
#include <utility>

#include "core/text.h"
#include "features/search/index.h"

namespace parcours::search {
namespace {

// Beyond this many zone rows kept (≈ 40 bytes each: the zone index of a national catalogue of
// 150,000 services holds about 170,000), or this many words (two sets of ≈ 19 kilobytes each
// for 150,000 services), everything is dropped and filled again.
constexpr std::size_t kMaxZoneRows = 2'000'000;
constexpr std::size_t kMaxWords = 512;

template <typename Part>
class KeptParts {
 public:
  // What is kept for `key` at `version`, or none.
  std::shared_ptr<const Part> get(std::int64_t version, const std::string& key) {
    std::lock_guard lock(mutex_);
    if (version != version_) return nullptr;
    auto found = parts_.find(key);
    return found == parts_.end() ? nullptr : found->second;
  }

  // Keeps `part` for `key` at `version`, of `size` units; a newer version drops everything.
  void put(std::int64_t version, const std::string& key, std::shared_ptr<const Part> part,
           std::size_t size, std::size_t max_size) {
    std::lock_guard lock(mutex_);
    if (version != version_) {
      // Versions only grow within a database; an older one is a request on an older snapshot,
      // whose parts are not kept. Another database (tests) starts from another random version.
      if (version < version_ && version_ - version < kSameDatabase) return;
      parts_.clear();
      size_ = 0;
      version_ = version;
    }
    if (size_ + size > max_size) {
      parts_.clear();
      size_ = 0;
    }
    size_ += size;
    parts_[key] = std::move(part);
  }

 private:
  // Two versions of one database are closer than this; those of two databases, drawn at random
  // among 2^62, almost never.
  static constexpr std::int64_t kSameDatabase = std::int64_t{1} << 40;

  std::mutex mutex_;
  std::int64_t version_ = -1;
  std::size_t size_ = 0;
  std::unordered_map<std::string, std::shared_ptr<const Part>> parts_;
};

KeptParts<std::vector<ZoneRow>>& kept_zones() {
  static KeptParts<std::vector<ZoneRow>> instance;
  return instance;
}

KeptParts<WordServices>& kept_words() {
  static KeptParts<WordServices> instance;
  return instance;
}

}  // namespace

std::int64_t catalogue_version(store::Connection& conn) {
  auto row = conn.query_one("SELECT version FROM catalogue_version WHERE id = 1");
  return row ? row->integer(0) : 0;
}

ZoneRows zone_rows(store::Connection& conn, std::int64_t version, const std::string& code) {
  if (auto kept = kept_zones().get(version, code)) return kept;
  auto rows = std::make_shared<std::vector<ZoneRow>>();
  conn.each(
      "SELECT service_id, latitude, longitude, modes, score FROM service_zones WHERE code = $1",
      {code}, [&](const store::Row& row) {
        ZoneRow z{.service_id = row.integer(0),
                  .score = row.real(4),
                  .modes = row.integer(3),
                  .located = !row.is_null(1) && !row.is_null(2)};
        if (z.located) {
          z.latitude = row.real(1);
          z.longitude = row.real(2);
        }
        rows->push_back(z);
      });
  rows->shrink_to_fit();
  const std::size_t size = rows->size();
  ZoneRows shared = std::move(rows);
  kept_zones().put(version, code, shared, size, kMaxZoneRows);
  return shared;
}

WordSets word_services(store::Connection& conn, std::int64_t version, const std::string& word) {
  if (auto kept = kept_words().get(version, word)) return kept;
  auto sets = std::make_shared<WordServices>();
  conn.each("SELECT weight, service_id FROM service_terms WHERE term >= $1 AND term < $2",
            {word, word + text::kAfterPrefix}, [&](const store::Row& row) {
              std::int64_t id = row.integer(1);
              sets->any.insert(id);
              if (row.integer(0) == 0) sets->in_name.insert(id);
            });
  WordSets shared = std::move(sets);
  kept_words().put(version, word, shared, 1, kMaxWords);
  return shared;
}

}  // namespace parcours::search
