// Durable background jobs, stored in the `jobs` table and run by a worker loop inside
// `parcours serve`. On PostgreSQL several servers may run the loop: a job is claimed with
// `FOR UPDATE SKIP LOCKED`, so no two take the same one. On SQLite the claim is one
// `BEGIN IMMEDIATE` transaction. A failing job is retried with a growing delay, then dead.
//
//   enqueue_job(conn, "mail.send", R"({"mail_id":12})");
//   JobRunner runner(db, "worker-1"); runner.on("mail.send", [](Connection&, const Job&) {...});
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/store/db.h"

namespace parcours::jobs {

struct Job {
  std::int64_t id;
  std::string kind;
  std::string payload_json;
  int attempts;
};

// Adds a job, to run at `run_at` (Unix seconds; 0 = now). Returns its id.
std::int64_t enqueue_job(store::Connection& conn, const std::string& kind,
                         const std::string& payload_json = "{}", std::int64_t run_at = 0);

// Claims the next due job for `worker`, or nothing. Marks it running.
std::optional<Job> claim_job(store::Connection& conn, const std::string& worker);

void complete_job(store::Connection& conn, std::int64_t job_id);
// Records the failure; reschedules with a delay, or marks the job dead after 5 attempts.
void fail_job(store::Connection& conn, std::int64_t job_id, const std::string& error);

using JobHandler = std::function<void(store::Connection&, const Job&)>;

class JobRunner {
 public:
  JobRunner(store::Db& db, std::string worker_name);
  void on(const std::string& kind, JobHandler handler);
  // Runs due jobs until none is left; returns how many ran. Used by tests and by `run`.
  int run_due();
  // Loops until `stop` becomes true, polling every `poll_ms` milliseconds.
  void run(const std::atomic<bool>& stop, int poll_ms = 500);

 private:
  store::Db& db_;
  std::string worker_;
  std::map<std::string, JobHandler> handlers_;
};

}  // namespace parcours::jobs
