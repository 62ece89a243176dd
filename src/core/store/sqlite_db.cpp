// SQLite adapter. Each connection keeps its prepared statements keyed by SQL text; `$N`
// parameters are looked up by name, so a statement may use `$1` twice or out of order, as on
// PostgreSQL. Writers take the lock at BEGIN (IMMEDIATE) so that a transaction never fails
// half-way on a lock upgrade; readers see a consistent WAL snapshot.
#include "core/store/sqlite_db.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/store/pool.h"

namespace parcours::store::internal {
namespace {

constexpr int kBusyTimeoutMs = 5000;

std::string shorten(std::string_view sql) {
  constexpr std::size_t kMax = 200;
  std::string s(sql.substr(0, kMax));
  if (sql.size() > kMax) s += "…";
  return s;
}

// SQLite counts the memory it allocates under one process-wide mutex, taken on every malloc and
// free: the worker threads queued on it (3 % of the members page). Nothing reads those counts.
// Must precede SQLite's initialisation, i.e. the first connection.
void configure_sqlite() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

// A string literal of SQL.
std::string sql_literal(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += c;
  }
  return out + "'";
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    configure_sqlite();
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      throw StoreError(
          fmt::format("Impossible d'ouvrir la base SQLite « {} » : {}", path, message));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_handler(db_, &SqliteConnection::on_busy, this);
    try {
      // Pages are read through a memory map of up to 2 GiB (SQLite's usual ceiling) instead of
      // a pread() and a copy each: the journey page spent 5 % of its time in pread.
      // Without a schema, journal_mode and mmap_size apply to the attached file too.
      // A new access log gets 1 KiB pages (an existing one keeps its own): each page read
      // appends rows to index leaves spread over as many pages as persons listed, and every
      // commit writes those pages whole to the WAL, then a checkpoint again to the file; with
      // 4 KiB pages the agenda wrote ≈ 160 KiB per page served.
      SqliteConnection::execute_script(
          fmt::format("ATTACH DATABASE {} AS access; PRAGMA access.page_size = 1024; "
                      "ATTACH DATABASE {} AS access_index; "
                      "PRAGMA journal_mode = WAL; "
                      "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                      "PRAGMA access.synchronous = NORMAL; "
                      "PRAGMA access_index.synchronous = NORMAL; PRAGMA mmap_size = 2147483648;",
                      sql_literal(access_log_file(path)), sql_literal(access_index_file(path))));
    } catch (...) {
      sqlite3_close_v2(db_);
      throw;
    }
  }

  ~SqliteConnection() override {
    for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    std::vector<Row> rows;
    run(sql, params, &rows, nullptr);
    return rows;
  }

  void each(std::string_view sql, const Params& params,
            const std::function<void(const Row&)>& on_row) override {
    run(sql, params, nullptr, &on_row);
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    run(sql, params, nullptr, nullptr);
    return sqlite3_changes64(db_);
  }

  void execute_script(std::string_view sql) override {
    end_batch();
    std::string text(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errstr(rc);
      sqlite3_free(error);
      throw StoreError(fmt::format("Erreur SQLite : {} (script : {})", message, shorten(sql)),
                       is_unique(sqlite3_extended_errcode(db_)));
    }
  }

  void begin(bool write) override { execute_script(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override { execute_script("ROLLBACK"); }
  bool in_transaction() const override { return !batch_open_ && sqlite3_get_autocommit(db_) == 0; }

  void start_read_batches() override { batching_ = true; }
  void stop_read_batches() override {
    end_batch();
    batching_ = false;
  }

  bool ping() override {
    try {
      return query_one("SELECT 1").has_value();
    } catch (const StoreError&) {
      return false;
    }
  }

 private:
  // SQLite's own busy handler (sqlite3_busy_timeout) sleeps 1, 2, 5, 10, 15, 20, 25... ms between
  // tries: the workers of one server waiting for each other's short write transactions (access
  // log rows, journal events) then wait milliseconds for a lock held microseconds, which made the
  // tail latency. This one yields a few times, then sleeps at most 200 µs, up to the same
  // kBusyTimeoutMs; other processes (the command line) are waited for the same way.
  static int on_busy(void* self, int count) {
    auto* connection = static_cast<SqliteConnection*>(self);
    auto now = std::chrono::steady_clock::now();
    if (count == 0) connection->busy_since_ = now;
    if (now - connection->busy_since_ > std::chrono::milliseconds(kBusyTimeoutMs)) return 0;
    if (count < 16) {
      std::this_thread::yield();
    } else {
      std::this_thread::sleep_for(std::chrono::microseconds(std::min(200, 10 * count)));
    }
    return 1;
  }

  static bool is_unique(int code) {
    return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
  }

  // A statement prepared once per connection, and where each $N is bound.
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> index;  // $N -> bind index
  };

  // Looked up by the SQL text without copying it (a page runs a few statements of several
  // hundred characters each).
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };

  Prepared& prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
    std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail(sql);
    Prepared& prepared = statements_.emplace(std::move(key), Prepared{stmt, {}}).first->second;
    // Where each $N is bound, found once: sqlite3_bind_parameter_index searches the names one by
    // one, quadratic for the multi-row INSERTs of imports (a third of their time).
    int count = sqlite3_bind_parameter_count(stmt);
    prepared.index.assign(count, 0);
    for (int i = 1; i <= count; ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt, i);
      if (!name || name[0] != '$') continue;
      int n = std::atoi(name + 1);
      if (n >= 1 && n <= count) prepared.index[n - 1] = i;
    }
    return prepared;
  }

  [[noreturn]] void fail(std::string_view sql) {
    throw StoreError(
        fmt::format("Erreur SQLite : {} (requête : {})", sqlite3_errmsg(db_), shorten(sql)),
        is_unique(sqlite3_extended_errcode(db_)));
  }

  void bind(const Prepared& prepared, std::string_view sql, const Params& params) {
    sqlite3_stmt* stmt = prepared.stmt;
    const auto& values = params.values();
    if (sqlite3_bind_parameter_count(stmt) != static_cast<int>(values.size())) {
      throw StoreError(fmt::format("Requête à {} paramètre(s) appelée avec {} valeur(s) : {}",
                                   sqlite3_bind_parameter_count(stmt), values.size(),
                                   shorten(sql)));
    }
    const auto& indexes = prepared.index;
    for (std::size_t i = 0; i < values.size(); ++i) {
      int index = i < indexes.size() ? indexes[i] : 0;
      if (index == 0) {
        throw StoreError(
            fmt::format("Paramètre ${} absent de la requête : {}", i + 1, shorten(sql)));
      }
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              return sqlite3_bind_null(stmt, index);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              return sqlite3_bind_int64(stmt, index, v);
            } else if constexpr (std::is_same_v<T, double>) {
              return sqlite3_bind_double(stmt, index, v);
            } else {
              return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_TRANSIENT,
                                         SQLITE_UTF8);
            }
          },
          values[i]);
      if (rc != SQLITE_OK) fail(sql);
    }
  }

  // Steps a statement without parameters nor rows (BEGIN, COMMIT of a read batch).
  void step_plain(std::string_view sql) {
    sqlite3_stmt* stmt = prepare(sql).stmt;
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) fail(sql);
  }

  // Before a statement outside a transaction: a read joins (or opens) the batch's snapshot, a
  // write first ends it, so that it never runs on a stale snapshot (SQLITE_BUSY_SNAPSHOT).
  void enter_batch(sqlite3_stmt* stmt) {
    if (!batching_) return;
    if (!sqlite3_stmt_readonly(stmt)) {
      end_batch();
    } else if (!batch_open_ && sqlite3_get_autocommit(db_) != 0) {
      step_plain("BEGIN");
      batch_open_ = true;
    }
  }

  void end_batch() {
    if (!batch_open_) return;
    batch_open_ = false;
    if (sqlite3_get_autocommit(db_) == 0) step_plain("COMMIT");
  }

  // Steps one statement: its rows go to `rows`, or one at a time to `on_row` in one Row refilled
  // for each, or nowhere.
  void run(std::string_view sql, const Params& params, std::vector<Row>* rows,
           const std::function<void(const Row&)>* on_row) {
    const Prepared& prepared = prepare(sql);
    sqlite3_stmt* stmt = prepared.stmt;
    enter_batch(stmt);
    // Resets the statement whatever happens, so that it releases its read snapshot.
    struct Reset {
      sqlite3_stmt* stmt;
      ~Reset() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      }
    } reset{stmt};
    bind(prepared, sql, params);
    int columns = sqlite3_column_count(stmt);
    Row row(std::vector<Value>(on_row ? columns : 0));
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return;
      if (rc != SQLITE_ROW) fail(sql);
      if (on_row) {
        for (int c = 0; c < columns; ++c) row.set(c, column(stmt, c));
        (*on_row)(row);
        continue;
      }
      if (!rows) continue;
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) values.push_back(column(stmt, c));
      rows->emplace_back(std::move(values));
    }
  }

  static Value column(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, c));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, c);
      case SQLITE_NULL:
        return nullptr;
      case SQLITE_BLOB: {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, c));
        return std::string(data ? data : "", sqlite3_column_bytes(stmt, c));
      }
      default: {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        return std::string(data ? data : "", sqlite3_column_bytes(stmt, c));
      }
    }
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Prepared, SqlHash, std::equal_to<>> statements_;
  std::chrono::steady_clock::time_point busy_since_;
  bool batching_ = false;    // between start_read_batches() and stop_read_batches()
  bool batch_open_ = false;  // a BEGIN of ours holds the read snapshot
};

}  // namespace

std::string access_log_file(const std::string& path) {
  return path == ":memory:" ? path : path + ".access.sqlite";
}

std::string access_index_file(const std::string& path) {
  return path == ":memory:" ? path : path + ".access.sqlite.by-person";
}

std::unique_ptr<Db> open_sqlite(const std::string& path, int pool_size) {
  if (path != ":memory:") {
    auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      throw StoreError(fmt::format("Impossible de créer le dossier « {} » de la base : {}",
                                   parent.string(), ec.message()));
    }
    // An access log (or its index) left beside a deleted database belongs to that database: it
    // is neither silently adopted by a new one nor wiped (it is the trace of who read what).
    std::error_code main_error;
    const auto main_size = std::filesystem::file_size(path, main_error);
    for (const auto& access : {access_log_file(path), access_index_file(path)}) {
      std::error_code access_error;
      const auto access_size = std::filesystem::file_size(access, access_error);
      if ((main_error || main_size == 0) && !access_error && access_size > 0) {
        throw StoreError(fmt::format(
            "La base SQLite « {} » n'existe pas mais son journal des accès « {} » est encore là : "
            "déplacez ou supprimez ce fichier (il appartient à la base supprimée), ou remettez la "
            "base à côté de lui.",
            path, access));
      }
    }
  } else {
    pool_size = 1;  // every connection to ":memory:" would be a different, empty database
  }
  return std::make_unique<PooledDb>(
      Dialect::kSqlite, pool_size, [path] { return std::make_unique<SqliteConnection>(path); },
      [](Connection&) { return false; });
}

}  // namespace parcours::store::internal
