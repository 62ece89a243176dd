// Durable jobs. A claim marks the job `running` with the worker's name and time; a worker that
// dies leaves it so, and after kStaleAfter any worker may claim it again (counting the lost
// run as an attempt, so that a job that kills its worker ends up dead instead of looping).
// A handler's writes and the job's completion commit together.
#include "core/jobs/jobs.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "core/clock.h"

namespace parcours::jobs {
namespace {

constexpr std::int64_t kStaleAfter = 10 * 60;  // seconds a job may stay running
constexpr std::int64_t kRetryBase = 30;        // seconds before the first retry
constexpr std::int64_t kMaxAttempts = 5;

// The due job, or one left running by a dead worker. Stale runs count as a failed attempt.
constexpr const char* kClaimPostgres =
    "UPDATE jobs SET status = 'running', locked_by = $2, locked_at = $1, updated_at = $1, "
    "attempts = attempts + CASE WHEN status = 'running' THEN 1 ELSE 0 END "
    "WHERE id = (SELECT id FROM jobs "
    "WHERE (status = 'queued' AND run_at <= $1) OR (status = 'running' AND locked_at < $3) "
    "ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1) "
    "RETURNING id, kind, payload, attempts";

constexpr const char* kClaimSqlite =
    "UPDATE jobs SET status = 'running', locked_by = $2, locked_at = $1, updated_at = $1, "
    "attempts = attempts + CASE WHEN status = 'running' THEN 1 ELSE 0 END "
    "WHERE id = (SELECT id FROM jobs "
    "WHERE (status = 'queued' AND run_at <= $1) OR (status = 'running' AND locked_at < $3) "
    "ORDER BY run_at, id LIMIT 1) "
    "RETURNING id, kind, payload, attempts";

}  // namespace

std::int64_t enqueue_job(store::Connection& conn, const std::string& kind,
                         const std::string& payload_json, std::int64_t run_at) {
  std::int64_t now = now_seconds();
  auto row = conn.query_one(
      "INSERT INTO jobs (kind, payload, status, run_at, attempts, created_at, updated_at) "
      "VALUES ($1, $2, 'queued', $3, 0, $4, $4) RETURNING id",
      {kind, payload_json, run_at == 0 ? now : run_at, now});
  return row->integer(0);
}

std::optional<Job> claim_job(store::Connection& conn, const std::string& worker) {
  std::int64_t now = now_seconds();
  auto claim = [&]() -> std::optional<Job> {
    bool postgres = conn.dialect() == store::Dialect::kPostgres;
    auto row =
        conn.query_one(postgres ? kClaimPostgres : kClaimSqlite, {now, worker, now - kStaleAfter});
    if (!row) return std::nullopt;
    return Job{row->integer(0), row->text(1), row->text(2), static_cast<int>(row->integer(3))};
  };
  // On SQLite the write lock must be taken before the SELECT inside the UPDATE reads.
  if (conn.dialect() == store::Dialect::kSqlite && !conn.in_transaction()) {
    return store::with_transaction(conn, claim);
  }
  return claim();
}

void complete_job(store::Connection& conn, std::int64_t job_id) {
  conn.execute(
      "UPDATE jobs SET status = 'done', locked_by = NULL, locked_at = NULL, updated_at = $2 "
      "WHERE id = $1",
      {job_id, now_seconds()});
}

void fail_job(store::Connection& conn, std::int64_t job_id, const std::string& error) {
  auto row = conn.query_one("SELECT attempts FROM jobs WHERE id = $1", {job_id});
  if (!row) return;
  std::int64_t attempts = row->integer(0);
  std::int64_t now = now_seconds();
  bool dead = attempts + 1 >= kMaxAttempts;
  std::int64_t run_at = now + (kRetryBase << std::min<std::int64_t>(attempts, 20));
  conn.execute(
      "UPDATE jobs SET status = $2, attempts = $3, run_at = $4, last_error = $5, "
      "locked_by = NULL, locked_at = NULL, updated_at = $6 WHERE id = $1",
      {job_id, std::string(dead ? "dead" : "queued"), attempts + 1, dead ? now : run_at, error,
       now});
  if (dead) spdlog::error("tâche {} abandonnée après {} essais : {}", job_id, attempts + 1, error);
}

JobRunner::JobRunner(store::Db& db, std::string worker_name)
    : db_(db), worker_(std::move(worker_name)) {}

void JobRunner::on(const std::string& kind, JobHandler handler) {
  handlers_[kind] = std::move(handler);
}

int JobRunner::run_due() {
  int ran = 0;
  auto conn = db_.acquire();
  for (;;) {
    std::optional<Job> job = claim_job(*conn, worker_);
    if (!job) return ran;
    ++ran;
    auto handler = handlers_.find(job->kind);
    if (handler == handlers_.end()) {
      fail_job(*conn, job->id, fmt::format("aucun traitement pour les tâches « {} »", job->kind));
      continue;
    }
    try {
      store::with_transaction(*conn, [&] {
        handler->second(*conn, *job);
        complete_job(*conn, job->id);
      });
    } catch (const std::exception& e) {
      spdlog::warn("tâche {} ({}) en échec, essai {} : {}", job->id, job->kind, job->attempts + 1,
                   e.what());
      fail_job(*conn, job->id, e.what());
    }
  }
}

void JobRunner::run(const std::atomic<bool>& stop, int poll_ms) {
  constexpr auto kSlice = std::chrono::milliseconds(50);
  while (!stop) {
    try {
      run_due();
    } catch (const std::exception& e) {
      // The database may be briefly unavailable; the next poll tries again.
      spdlog::error("boucle des tâches : {}", e.what());
    }
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(poll_ms);
    while (!stop && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(kSlice);
  }
}

}  // namespace parcours::jobs
