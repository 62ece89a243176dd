// Durable jobs: claim, complete, retry with back-off, dead after five failures, reclaim of a
// job whose worker died, and concurrent claims that never hand the same job to two workers.
#include "core/jobs/jobs.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>

#include "core/clock.h"
#include "support/test_db.h"

namespace parcours::jobs {
namespace {

constexpr std::int64_t kNow = 1800000000;

class JobsTest : public test::EngineTest {
 protected:
  void SetUp() override {
    test::EngineTest::SetUp();
    pin_clock_for_tests(kNow);
  }
  void TearDown() override {
    pin_clock_for_tests(0);
    test::EngineTest::TearDown();
  }
  store::Row job_row(store::Connection& conn, std::int64_t id) {
    return *conn.query_one(
        "SELECT status, attempts, run_at, last_error, locked_by FROM jobs WHERE id = $1", {id});
  }
};

TEST_P(JobsTest, ClaimsTheOldestDueJobAndMarksItRunning) {
  auto conn = db().acquire();
  std::int64_t later = enqueue_job(*conn, "b", "{}", kNow - 10);
  std::int64_t first = enqueue_job(*conn, "a", R"({"n":1})", kNow - 20);
  enqueue_job(*conn, "future", "{}", kNow + 60);

  auto job = claim_job(*conn, "worker-1");
  ASSERT_TRUE(job);
  EXPECT_EQ(job->id, first);
  EXPECT_EQ(job->kind, "a");
  EXPECT_EQ(job->payload_json, R"({"n":1})");
  EXPECT_EQ(job->attempts, 0);
  auto row = job_row(*conn, first);
  EXPECT_EQ(row.text(0), "running");
  EXPECT_EQ(row.text(4), "worker-1");

  EXPECT_EQ(claim_job(*conn, "worker-1")->id, later);
  EXPECT_FALSE(claim_job(*conn, "worker-1")) << "a future job was claimed";
}

TEST_P(JobsTest, EnqueuedWithoutDateRunsNow) {
  auto conn = db().acquire();
  std::int64_t id = enqueue_job(*conn, "mail.send");
  EXPECT_EQ(job_row(*conn, id).integer(2), kNow);
  EXPECT_EQ(claim_job(*conn, "w")->id, id);
}

TEST_P(JobsTest, CompletedJobIsNotClaimedAgain) {
  auto conn = db().acquire();
  std::int64_t id = enqueue_job(*conn, "a");
  ASSERT_TRUE(claim_job(*conn, "w"));
  complete_job(*conn, id);
  EXPECT_EQ(job_row(*conn, id).text(0), "done");
  pin_clock_for_tests(kNow + 3600);
  EXPECT_FALSE(claim_job(*conn, "w"));
}

TEST_P(JobsTest, FailedJobIsRetriedLaterWithAGrowingDelay) {
  auto conn = db().acquire();
  std::int64_t id = enqueue_job(*conn, "a");
  ASSERT_TRUE(claim_job(*conn, "w"));
  fail_job(*conn, id, "serveur injoignable");
  auto row = job_row(*conn, id);
  EXPECT_EQ(row.text(0), "queued");
  EXPECT_EQ(row.integer(1), 1);
  EXPECT_EQ(row.integer(2), kNow + 30);
  EXPECT_EQ(row.text(3), "serveur injoignable");
  EXPECT_TRUE(row.is_null(4));
  EXPECT_FALSE(claim_job(*conn, "w")) << "retried before its delay";

  pin_clock_for_tests(kNow + 30);
  auto again = claim_job(*conn, "w");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 1);
  fail_job(*conn, id, "encore");
  EXPECT_EQ(job_row(*conn, id).integer(2), kNow + 30 + 60);
}

TEST_P(JobsTest, JobIsDeadAfterFiveFailures) {
  auto conn = db().acquire();
  std::int64_t id = enqueue_job(*conn, "a");
  std::int64_t now = kNow;
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto job = claim_job(*conn, "w");
    ASSERT_TRUE(job) << "attempt " << attempt;
    EXPECT_EQ(job->attempts, attempt);
    fail_job(*conn, id, "échec " + std::to_string(attempt));
    now += 100000;
    pin_clock_for_tests(now);
  }
  auto row = job_row(*conn, id);
  EXPECT_EQ(row.text(0), "dead");
  EXPECT_EQ(row.integer(1), 5);
  EXPECT_EQ(row.text(3), "échec 4");
  EXPECT_FALSE(claim_job(*conn, "w"));
}

TEST_P(JobsTest, JobLeftRunningByADeadWorkerIsClaimedAgainAfterTenMinutes) {
  auto conn = db().acquire();
  std::int64_t id = enqueue_job(*conn, "a");
  ASSERT_TRUE(claim_job(*conn, "crashed-worker"));
  pin_clock_for_tests(kNow + 9 * 60);
  EXPECT_FALSE(claim_job(*conn, "w2")) << "a job still running was taken";
  pin_clock_for_tests(kNow + 11 * 60);
  auto job = claim_job(*conn, "w2");
  ASSERT_TRUE(job);
  EXPECT_EQ(job->id, id);
  EXPECT_EQ(job->attempts, 1);  // the lost run counts
  EXPECT_EQ(job_row(*conn, id).text(4), "w2");
}

TEST_P(JobsTest, RunnerRunsHandlersAndCommitsTheirWritesWithTheCompletion) {
  auto conn = db().acquire();
  std::int64_t ok = enqueue_job(*conn, "meta.set", R"(v1)");
  std::int64_t broken = enqueue_job(*conn, "meta.fail");
  std::int64_t unknown = enqueue_job(*conn, "nobody.handles");

  JobRunner runner(db(), "worker-test");
  runner.on("meta.set", [](store::Connection& c, const Job& job) {
    c.execute("INSERT INTO meta (key, value) VALUES ($1, $2)", {"from-job", job.payload_json});
  });
  runner.on("meta.fail", [](store::Connection& c, const Job&) {
    c.execute("INSERT INTO meta (key, value) VALUES ($1, $2)", {"half-done", "x"});
    throw std::runtime_error("panne simulée");
  });
  EXPECT_EQ(runner.run_due(), 3);
  EXPECT_EQ(runner.run_due(), 0);

  EXPECT_EQ(job_row(*conn, ok).text(0), "done");
  EXPECT_EQ(conn->query_one("SELECT value FROM meta WHERE key = 'from-job'")->text(0), "v1");
  auto failed = job_row(*conn, broken);
  EXPECT_EQ(failed.text(0), "queued");
  EXPECT_EQ(failed.text(3), "panne simulée");
  EXPECT_FALSE(conn->query_one("SELECT value FROM meta WHERE key = 'half-done'"))
      << "the failed handler's write was kept";
  EXPECT_EQ(job_row(*conn, unknown).text(0), "queued");
  EXPECT_NE(job_row(*conn, unknown).text(3).find("nobody.handles"), std::string::npos);
}

TEST_P(JobsTest, RunLoopStopsWhenAsked) {
  {
    auto conn = db().acquire();
    enqueue_job(*conn, "a");
  }
  JobRunner runner(db(), "loop");
  std::atomic<bool> stop{false};
  std::atomic<int> ran{0};
  runner.on("a", [&](store::Connection&, const Job&) {
    ++ran;
    stop = true;
  });
  std::thread loop([&] { runner.run(stop, 20); });
  loop.join();  // returns only because the handler set `stop`
  EXPECT_EQ(ran.load(), 1);
}

TEST_P(JobsTest, ConcurrentWorkersNeverClaimTheSameJob) {
  constexpr int kJobs = 60;
  {
    auto conn = db().acquire();
    for (int i = 0; i < kJobs; ++i) enqueue_job(*conn, "a");
  }
  std::mutex mutex;
  std::vector<std::int64_t> claimed;
  auto worker = [&](std::string name) {
    auto conn = db().acquire();
    while (auto job = claim_job(*conn, name)) {
      complete_job(*conn, job->id);
      std::lock_guard lock(mutex);
      claimed.push_back(job->id);
    }
  };
  std::thread a(worker, "a"), b(worker, "b"), c(worker, "c");
  a.join();
  b.join();
  c.join();
  std::set<std::int64_t> unique(claimed.begin(), claimed.end());
  EXPECT_EQ(claimed.size(), static_cast<std::size_t>(kJobs));
  EXPECT_EQ(unique.size(), claimed.size()) << "a job was claimed twice";
  auto conn = db().acquire();
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM jobs WHERE status = 'done'")->integer(0), kJobs);
}

INSTANTIATE_TEST_SUITE_P(Engines, JobsTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::jobs
