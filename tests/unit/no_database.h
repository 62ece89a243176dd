// A store::Connection for unit tests of code that must not touch the database (router, CSRF):
// a Context needs a connection, and any use of this one fails the test loudly.
#pragma once

#include <stdexcept>

#include "core/store/db.h"

namespace parcours::testing {

class NoDatabase : public store::Connection {
 public:
  store::Dialect dialect() const override { return store::Dialect::kSqlite; }
  std::vector<store::Row> query(std::string_view, const store::Params&) override { fail(); }
  std::int64_t execute(std::string_view, const store::Params&) override { fail(); }
  void execute_script(std::string_view) override { fail(); }
  void begin(bool) override { fail(); }
  void commit() override { fail(); }
  void rollback() override { fail(); }
  bool in_transaction() const override { return false; }
  bool ping() override { fail(); }

 private:
  [[noreturn]] static void fail() {
    throw std::logic_error("ce code n'aurait pas dû utiliser la base de données");
  }
};

}  // namespace parcours::testing
