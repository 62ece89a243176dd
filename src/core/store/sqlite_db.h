// SQLite adapter of the store: one file in WAL mode, foreign keys on, a 5 s busy timeout,
// a cache of prepared statements per connection and `$N` parameters bound by name. The access
// log lives in a second file attached to every connection (see access_log_file), its index by
// person in a third (access_index_file).
#pragma once

#include <memory>
#include <string>

#include "core/store/db.h"

namespace parcours::store::internal {

// The file of the access log next to the database `path` ("<path>.access.sqlite"), attached to
// every connection as schema `access` (migration 0024 moves the table there). Every page writes
// to the access log; in the main file each such write changed the WAL, and the next read of every
// other connection then dropped its page cache and its memory map (a tenth of the journey page's
// time). Queries name the table `access_log` as before: SQLite finds it in the attached file.
// Back up both files.
std::string access_log_file(const std::string& path);

// The file of the access log's index by person ("<path>.access.sqlite.by-person"), attached as
// schema `access_index` (migration 0030). An index in the access log's own file was written by
// the commit of every page that read a person: one leaf per person listed, 80 % of what the
// agenda wrote and the cause of its checkpoints. Here a thread of the server copies the new rows
// in batches (store::index_accesses), with its own write lock, so that no page waits for it;
// readers add the few rows it has not copied yet. Back it up with the other two.
std::string access_index_file(const std::string& path);

// Opens a pool of connections to the SQLite file `path`, creating its directory if needed.
std::unique_ptr<Db> open_sqlite(const std::string& path, int pool_size);

}  // namespace parcours::store::internal
