// Runs a service operation all-or-nothing: in its own transaction, or inside the caller's when
// one is already open, so that a seed or an import composing several operations stays one
// transaction. Same contract as store::with_transaction (commit on success, rollback on an
// error Result or an exception); nested, the outer caller decides.
#pragma once

#include "core/store/db.h"

namespace parcours {

template <typename F>
auto atomically(store::Connection& conn, F&& body) -> decltype(body()) {
  if (conn.in_transaction()) return body();
  return store::with_transaction(conn, std::forward<F>(body));
}

}  // namespace parcours
