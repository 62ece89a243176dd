// The journal: one append-only table of every change to a person's journey or to the
// service's organisation (accounts, territories, organisations). It is written in the same
// transaction as the change itself. From it come the carnet de bord timeline, the audit trail,
// the API change feed (`after` is a cursor on `seq` that never shifts) and the statistics.
//
// The access log records reads of personal data: who read whose record, which part, when.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/db.h"

namespace parcours::store {

struct NewEvent {
  std::string kind;  // e.g. "organisation.created", "account.login_failed"
  std::optional<std::int64_t> territory_id;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> actor_id;  // user who acted; empty for the system
  std::string payload_json = "{}";
};

struct Event {
  std::int64_t seq;
  std::int64_t at;  // Unix seconds
  std::string kind;
  std::optional<std::int64_t> territory_id;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> actor_id;
  std::string payload_json;
};

// Appends one event; returns its sequence number.
std::int64_t append_event(Connection& conn, const NewEvent& event);

struct EventFilter {
  std::int64_t after = 0;  // sequence cursor
  int limit = 100;
  std::optional<std::int64_t> territory_id;
  std::optional<std::int64_t> person_id;
  std::optional<std::string> kind_prefix;  // "organisation." matches every organisation event
};

std::vector<Event> read_events(Connection& conn, const EventFilter& filter);

struct AccessRecord {
  std::int64_t actor_id;
  std::optional<std::int64_t> person_id;
  std::string part;     // which part of the record: "identity", "members", ...
  std::string purpose;  // the route or reason
};

// Returns once the row is written: in the caller's transaction if one is open, else committed,
// directly or through the server's group commit (core/store/access_writer.h).
void log_access(Connection& conn, const AccessRecord& record);

// Several reads at once (the parts of a record one page shows, the persons of a result list):
// the same rows as one log_access each, written by one multi-row INSERT, so one write and, on
// SQLite, one turn of the write lock instead of one per row. Does nothing for no records.
void log_accesses(Connection& conn, const std::vector<AccessRecord>& records);

// The INSERTs themselves, on `conn` whatever its state (the group commit's own writes).
void insert_accesses(Connection& conn, const std::vector<AccessRecord>& records);

// SQLite keeps the access log's index by person in a file of its own, out of the commit of each
// page (store::internal::access_index_file): this copies the rows past `access_log_indexed.up_to`
// into `access_log_by_person`, in one transaction that writes only that file, and returns how
// many rows it read. The server's group writer runs it in a thread of its own every 50 ms while
// rows are written. Does nothing on PostgreSQL, whose index is written with each row.
std::int64_t index_accesses(Connection& conn);

// A subquery of the ids of the access-log rows about the persons `persons_sql` (a subquery or a
// parameter) lists, indexed or not: on SQLite the copied rows and the few past the last copy.
std::string access_ids_of(Dialect dialect, std::string_view persons_sql);

// Deletes the access-log rows of the persons of `persons_sql` (see access_ids_of); returns how
// many.
std::int64_t delete_accesses_of(Connection& conn, std::string_view persons_sql);

// Deletes access-log rows older than `months`; returns how many.
std::int64_t purge_access_log(Connection& conn, int months);

}  // namespace parcours::store
