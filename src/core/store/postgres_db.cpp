// PostgreSQL adapter on libpq. Statements go through PQexecParams with text parameters, which
// lets the server infer each parameter's type from where it is used, as SQLite does; results
// come back as text and are converted by column type. A connection whose socket broke is
// reported to the pool, which replaces it.
#include "core/store/postgres_db.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <map>

#include "core/store/pool.h"

namespace parcours::store::internal {
namespace {

// Type OIDs from pg_type.h (stable across versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

constexpr const char* kUniqueViolation = "23505";

std::string shorten(std::string_view sql) {
  constexpr std::size_t kMax = 200;
  std::string s(sql.substr(0, kMax));
  if (sql.size() > kMax) s += "…";
  return s;
}

std::string trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// "host:port" of a connection string, for error messages (never the password).
std::string server_name(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string message = trimmed(error);
    PQfreemem(error);
    throw StoreError(fmt::format("URL PostgreSQL invalide : {}", message));
  }
  std::string host = "localhost";
  std::string port;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    std::string_view key = o->keyword;
    if (key == "host" || (key == "hostaddr" && host == "localhost")) host = o->val;
    if (key == "port") port = o->val;
  }
  PQconninfoFree(options);
  return port.empty() ? host : host + ":" + port;
}

struct ClearResult {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ClearResult>;

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string message = conn_ ? trimmed(PQerrorMessage(conn_)) : "mémoire insuffisante";
      PQfinish(conn_);
      throw StoreError(fmt::format("Impossible de se connecter à PostgreSQL sur {} : {}",
                                   server_name(url), message));
    }
    // Notices (e.g. "relation already exists, skipping") are not errors: keep them quiet.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    PQsetClientEncoding(conn_, "UTF8");
  }

  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  bool broken() const { return PQstatus(conn_) != CONNECTION_OK; }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    ResultPtr result = run(sql, params);
    int rows = PQntuples(result.get());
    int columns = PQnfields(result.get());
    std::vector<Row> out;
    out.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) values.push_back(cell(result.get(), r, c, sql));
      out.emplace_back(std::move(values));
    }
    return out;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    ResultPtr result = run(sql, params);
    std::string_view count = PQcmdTuples(result.get());
    std::int64_t n = 0;
    std::from_chars(count.data(), count.data() + count.size(), n);
    return n;
  }

  void execute_script(std::string_view sql) override {
    std::string text(sql);
    ResultPtr result(PQexec(conn_, text.c_str()));
    check(result.get(), sql);
  }

  void begin(bool /*write*/) override { execute_script("BEGIN"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override { execute_script("ROLLBACK"); }
  bool in_transaction() const override {
    auto status = PQtransactionStatus(conn_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
  }

  bool ping() override {
    if (broken()) return false;
    ResultPtr result(PQexec(conn_, "SELECT 1"));
    return PQresultStatus(result.get()) == PGRES_TUPLES_OK;
  }

 private:
  ResultPtr run(std::string_view sql, const Params& params) {
    const auto& values = params.values();
    std::vector<std::string> texts(values.size());
    std::vector<const char*> pointers(values.size(), nullptr);
    std::vector<int> lengths(values.size(), 0);
    for (std::size_t i = 0; i < values.size(); ++i) {
      const Value& v = values[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        texts[i] = fmt::format("{}", *d);  // shortest text that reads back to the same double
      } else {
        texts[i] = std::get<std::string>(v);
      }
      pointers[i] = texts[i].c_str();
      lengths[i] = static_cast<int>(texts[i].size());
    }
    int count = static_cast<int>(values.size());
    const std::string* name = prepared(sql, count);
    ResultPtr result(name ? PQexecPrepared(conn_, name->c_str(), count, pointers.data(),
                                           lengths.data(), nullptr, 0)
                          : PQexecParams(conn_, std::string(sql).c_str(), count, nullptr,
                                         pointers.data(), lengths.data(), nullptr, 0));
    check(result.get(), sql);
    return result;
  }

  // The name of the server-side prepared statement for `sql`, preparing it on first use: parsing
  // and planning once per connection rather than per call. Null past kMaxPrepared statements
  // (SQL built at run time must not grow the cache without bound): those run unprepared. A
  // statement the server cannot prepare throws its error, as running it would.
  const std::string* prepared(std::string_view sql, int parameter_count) {
    constexpr std::size_t kMaxPrepared = 512;
    if (auto found = statements_.find(sql); found != statements_.end()) return &found->second;
    if (statements_.size() >= kMaxPrepared) return nullptr;
    std::string name = fmt::format("p{}", statements_.size() + 1);
    std::string text(sql);
    ResultPtr result(PQprepare(conn_, name.c_str(), text.c_str(), parameter_count, nullptr));
    check(result.get(), sql);
    return &statements_.emplace(std::move(text), std::move(name)).first->second;
  }

  void check(PGresult* result, std::string_view sql) {
    auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY) {
      return;
    }
    std::string message = result ? trimmed(PQresultErrorMessage(result)) : "";
    if (message.empty()) message = trimmed(PQerrorMessage(conn_));
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    bool unique = state && std::string_view(state) == kUniqueViolation;
    throw StoreError(fmt::format("Erreur PostgreSQL : {} (requête : {})", message, shorten(sql)),
                     unique);
  }

  static Value cell(PGresult* result, int r, int c, std::string_view sql) {
    if (PQgetisnull(result, r, c)) return nullptr;
    const char* data = PQgetvalue(result, r, c);
    std::string_view text(data, PQgetlength(result, r, c));
    switch (PQftype(result, c)) {
      case kBoolOid:
        return static_cast<std::int64_t>(text == "t" ? 1 : 0);
      case kInt2Oid:
      case kInt4Oid:
      case kInt8Oid:
      case kOidOid: {
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc()) {
          throw StoreError(
              fmt::format("Entier illisible « {} » (requête : {})", text, shorten(sql)));
        }
        return n;
      }
      case kFloat4Oid:
      case kFloat8Oid:
      case kNumericOid:
        // strtod reads "NaN" and "Infinity", which from_chars does not.
        return std::strtod(data, nullptr);
      default:
        return std::string(text);
    }
  }

  std::map<std::string, std::string, std::less<>> statements_;  // SQL text → statement name
  PGconn* conn_ = nullptr;
};

}  // namespace

std::unique_ptr<Db> open_postgres(const std::string& url, int pool_size) {
  return std::make_unique<PooledDb>(
      Dialect::kPostgres, pool_size, [url] { return std::make_unique<PostgresConnection>(url); },
      [](Connection& conn) { return static_cast<PostgresConnection&>(conn).broken(); });
}

}  // namespace parcours::store::internal
