// The one database interface of the service, with two adapters: SQLite (embedded, default)
// and PostgreSQL (production). SQL text uses `$1`-style parameters, which both engines accept,
// so most statements serve both; `dialect()` tells the few places that must differ.
//
//   auto db = Db::open("sqlite:var/parcours.db");          // or "postgresql://..."
//   auto conn = db->acquire();                             // one connection, back to the pool at
//   scope end auto rows = conn->query("SELECT id, name FROM organisations WHERE territory_id = $1",
//   {tid}); with_transaction(*conn, [&] { conn->execute("INSERT ...", {...}); });
//
// Values are NULL, 64-bit integers, doubles or text. Timestamps are Unix seconds (BIGINT),
// booleans are 0/1 integers, JSON is text: the same SQL then reads the same on both engines.
// Infrastructure failures throw StoreError; a unique-constraint violation is flagged so that
// callers can turn it into a French "already exists" message.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace parcours::store {

enum class Dialect { kSqlite, kPostgres };

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// A parameter list; accepts `{1, "text", nullptr}` and optional values (empty → NULL).
class Params {
 public:
  Params() = default;
  Params(std::initializer_list<Value> values) : values_(values) {}
  explicit Params(std::vector<Value> values) : values_(std::move(values)) {}
  void add(Value v) { values_.push_back(std::move(v)); }
  const std::vector<Value>& values() const { return values_; }

 private:
  std::vector<Value> values_;
};

// Helpers to build Values from optionals and booleans.
inline Value opt(const std::optional<std::string>& v) { return v ? Value{*v} : Value{nullptr}; }
inline Value opt(const std::optional<std::int64_t>& v) { return v ? Value{*v} : Value{nullptr}; }
inline Value boolean(bool b) { return Value{static_cast<std::int64_t>(b ? 1 : 0)}; }

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool is_null(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;  // 0 when NULL; parses text if needed
  double real(std::size_t i) const;
  std::string text(std::size_t i) const;  // "" when NULL; formats numbers
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  std::optional<std::string> opt_text(std::size_t i) const;
  std::optional<std::int64_t> opt_integer(std::size_t i) const;
  const Value& value(std::size_t i) const { return values_.at(i); }
  // Replaces value i, for a row refilled by Connection::each.
  void set(std::size_t i, Value v) { values_[i] = std::move(v); }

 private:
  std::vector<Value> values_;
};

class StoreError : public std::runtime_error {
 public:
  StoreError(const std::string& what, bool unique_violation = false)
      : std::runtime_error(what), unique_violation_(unique_violation) {}
  bool unique_violation() const { return unique_violation_; }

 private:
  bool unique_violation_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement and returns its rows (none for INSERT/UPDATE without RETURNING).
  virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and hands its rows to `on_row` one at a time: for reads of thousands of
  // rows, where building query()'s vector is the cost. The row may be refilled for the next one
  // (copy what must outlive the call).
  virtual void each(std::string_view sql, const Params& params,
                    const std::function<void(const Row&)>& on_row);
  // Runs one statement and returns the number of rows it changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;

  // Transactions. `write` takes the write lock up front on SQLite (BEGIN IMMEDIATE).
  virtual void begin(bool write = true) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool in_transaction() const = 0;

  // Read batching, for the length of one request: consecutive reads outside any transaction
  // share one read snapshot instead of opening one each (on SQLite, each costs lock calls that
  // were a tenth of a page's time). A write, or begin(), first ends the batch, so writes behave
  // exactly as without it; the next read starts a new one. in_transaction() ignores the batch.
  // No-op where it brings nothing (PostgreSQL).
  virtual void start_read_batches() {}
  virtual void stop_read_batches() {}

  // Checks that the connection still works (health checks, pool recycling).
  virtual bool ping() = 0;

  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
};

class Db;

// A connection borrowed from the pool, returned when the lease ends.
class ConnectionLease {
 public:
  ConnectionLease(Db* pool, std::unique_ptr<Connection> conn)
      : pool_(pool), conn_(std::move(conn)) {}
  ConnectionLease(ConnectionLease&&) noexcept = default;
  ConnectionLease& operator=(ConnectionLease&&) noexcept = default;
  ~ConnectionLease();
  Connection* operator->() const { return conn_.get(); }
  Connection& operator*() const { return *conn_; }
  Connection& get() const { return *conn_; }

 private:
  Db* pool_;
  std::unique_ptr<Connection> conn_;
};

struct DbUrl {
  Dialect dialect;
  std::string target;  // file path for SQLite, the whole URL for PostgreSQL
};

// Parses "sqlite:PATH" or "postgresql://..." (also "postgres://..."). Throws StoreError with a
// French message naming what is wrong.
DbUrl parse_db_url(std::string_view url);

class Db {
 public:
  virtual ~Db() = default;
  // Opens a pool of up to `pool_size` connections. Throws StoreError when it cannot connect.
  static std::unique_ptr<Db> open(std::string_view url, int pool_size = 8);

  virtual Dialect dialect() const = 0;
  // Borrows a connection, waiting when all are in use.
  virtual ConnectionLease acquire() = 0;

 protected:
  friend class ConnectionLease;
  virtual void release(std::unique_ptr<Connection> conn) = 0;
};

// Runs `body` in a transaction: commits when it returns normally (or returns a Result that
// holds a value), rolls back when it throws (and rethrows) or returns an error Result.
template <typename F>
auto with_transaction(Connection& conn, F&& body, bool write = true) -> decltype(body()) {
  conn.begin(write);
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      conn.commit();
    } else {
      auto result = body();
      bool ok = true;
      if constexpr (requires { result.has_value(); }) ok = result.has_value();
      if (ok) {
        conn.commit();
      } else {
        conn.rollback();
      }
      return result;
    }
  } catch (...) {
    if (conn.in_transaction()) conn.rollback();
    throw;
  }
}

}  // namespace parcours::store
