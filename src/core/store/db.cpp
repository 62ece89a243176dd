// The engine-independent parts of the store: rows, leases, URL parsing and `Db::open`, which
// picks the adapter.
#include "core/store/db.h"

#include <fmt/format.h>

#include <charconv>

#include "core/store/postgres_db.h"
#include "core/store/sqlite_db.h"

namespace parcours::store {

bool Row::is_null(std::size_t i) const {
  return std::holds_alternative<std::nullptr_t>(values_.at(i));
}

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
    if (ec != std::errc() || end != s->data() + s->size()) {
      throw StoreError(fmt::format("Valeur non entière « {} » en colonne {}", *s, i));
    }
    return n;
  }
  return 0;
}

double Row::real(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) {
    double d = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), d);
    if (ec != std::errc() || end != s->data() + s->size()) {
      throw StoreError(fmt::format("Valeur non numérique « {} » en colonne {}", *s, i));
    }
    return d;
  }
  return 0;
}

std::string Row::text(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return {};
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

void Connection::each(std::string_view sql, const Params& params,
                      const std::function<void(const Row&)>& on_row) {
  for (const Row& row : query(sql, params)) on_row(row);
}

ConnectionLease::~ConnectionLease() {
  if (conn_ && pool_) pool_->release(std::move(conn_));
}

DbUrl parse_db_url(std::string_view url) {
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (!path.empty()) return {Dialect::kSqlite, path};
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return {Dialect::kPostgres, std::string(url)};
  }
  throw StoreError(fmt::format(
      "URL de base de données invalide « {} » : attendu sqlite:CHEMIN ou postgresql://…", url));
}

std::unique_ptr<Db> Db::open(std::string_view url, int pool_size) {
  DbUrl parsed = parse_db_url(url);
  if (parsed.dialect == Dialect::kSqlite) return internal::open_sqlite(parsed.target, pool_size);
  return internal::open_postgres(parsed.target, pool_size);
}

}  // namespace parcours::store
