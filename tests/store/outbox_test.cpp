// Mail outbox: queueing in the caller's transaction, and delivery to .eml files.
#include "core/mail/outbox.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/clock.h"
#include "core/jobs/jobs.h"
#include "support/test_db.h"

namespace parcours::mail {
namespace {

class OutboxTest : public test::EngineTest {
 protected:
  void SetUp() override {
    test::EngineTest::SetUp();
    dir_ = std::filesystem::temp_directory_path() /
           ("parcours-mail-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    pin_clock_for_tests(0);
    test::EngineTest::TearDown();
  }
  std::string transport() const { return "file:" + dir_.string(); }
  std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::filesystem::path dir_;
};

TEST_P(OutboxTest, QueuesTheMailAndItsSendingJob) {
  auto conn = db().acquire();
  std::int64_t id = queue_mail(*conn, {"camille@example.fr", "Bienvenue", "Bonjour"});
  auto job = jobs::claim_job(*conn, "w");
  ASSERT_TRUE(job);
  EXPECT_EQ(job->kind, "mail.send");
  EXPECT_EQ(job->payload_json, "{\"outbox_id\":" + std::to_string(id) + "}");
  auto row =
      conn->query_one("SELECT to_address, subject, body, sent_at FROM outbox WHERE id = $1", {id});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "camille@example.fr");
  EXPECT_TRUE(row->is_null(3));
}

TEST_P(OutboxTest, MailOfARolledBackChangeIsNeverQueued) {
  auto conn = db().acquire();
  EXPECT_THROW(store::with_transaction(*conn,
                                       [&] {
                                         queue_mail(*conn, {"a@example.fr", "Objet", "Texte"});
                                         throw std::runtime_error("échec");
                                       }),
               std::runtime_error);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM outbox")->integer(0), 0);
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM jobs")->integer(0), 0);
}

TEST_P(OutboxTest, DeliversToAnEmlFileWithProperHeaders) {
  pin_clock_for_tests(1804844520);  // 2027-03-12T09:42:00Z, a Friday
  auto conn = db().acquire();
  std::int64_t id = queue_mail(*conn, {"camille@example.fr", "Accès à Parcours — réinitialisation",
                                       "Bonjour Élodie,\nvoici votre lien.\n"});
  deliver(*conn, id, transport(), "Parcours <ne-pas-repondre@parcours.local>");

  std::string eml = read(dir_ / (std::to_string(id) + ".eml"));
  EXPECT_NE(eml.find("From: Parcours <ne-pas-repondre@parcours.local>\r\n"), std::string::npos);
  EXPECT_NE(eml.find("To: camille@example.fr\r\n"), std::string::npos);
  // "Accès à Parcours — réinitialisation" in base64, as one encoded-word.
  EXPECT_NE(
      eml.find("Subject: =?UTF-8?B?QWNjw6hzIMOgIFBhcmNvdXJzIOKAlCByw6lpbml0aWFsaXNhdGlvbg==?=\r\n"),
      std::string::npos)
      << eml;
  EXPECT_NE(eml.find("Date: Fri, 12 Mar 2027 09:42:00 +0000\r\n"), std::string::npos) << eml;
  EXPECT_NE(eml.find("Message-ID: <"), std::string::npos);
  EXPECT_NE(eml.find("@parcours.local>\r\n"), std::string::npos);
  EXPECT_NE(eml.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(eml.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(eml.find("Content-Transfer-Encoding: 8bit\r\n"), std::string::npos);
  EXPECT_TRUE(eml.ends_with("\r\n\r\nBonjour Élodie,\r\nvoici votre lien.\r\n")) << eml;

  auto row = conn->query_one("SELECT sent_at FROM outbox WHERE id = $1", {id});
  EXPECT_EQ(row->integer(0), 1804844520);
}

TEST_P(OutboxTest, SplitsLongSubjectsIntoShortEncodedWords) {
  auto conn = db().acquire();
  std::string subject;
  for (int i = 0; i < 20; ++i) subject += "Élément ";
  std::int64_t id = queue_mail(*conn, {"a@example.fr", subject, "x"});
  deliver(*conn, id, transport(), "Parcours <ne-pas-repondre@parcours.local>");
  std::string eml = read(dir_ / (std::to_string(id) + ".eml"));
  auto start = eml.find("Subject: ");
  auto end = eml.find("\r\nDate: ");
  ASSERT_NE(start, std::string::npos);
  std::string header = eml.substr(start, end - start);
  std::size_t words = 0;
  for (std::size_t pos = header.find("=?UTF-8?B?"); pos != std::string::npos;
       pos = header.find("=?UTF-8?B?", pos + 1)) {
    auto close = header.find("?=", pos + 10);
    ASSERT_NE(close, std::string::npos);
    EXPECT_LE(close + 2 - pos, 75u);
    ++words;
  }
  EXPECT_GT(words, 1u);
  EXPECT_NE(header.find("?=\r\n =?UTF-8?B?"), std::string::npos) << "words are not folded";
}

TEST_P(OutboxTest, JobRunnerDeliversQueuedMail) {
  auto conn = db().acquire();
  std::int64_t id = queue_mail(*conn, {"a@example.fr", "Objet", "Texte"});
  jobs::JobRunner runner(db(), "mailer");
  std::string dir = transport();
  runner.on("mail.send", [&](store::Connection& c, const jobs::Job& job) {
    auto digits = job.payload_json.substr(job.payload_json.find(':') + 1);
    deliver(c, std::stoll(digits), dir, "ne-pas-repondre@parcours.local");
  });
  EXPECT_EQ(runner.run_due(), 1);
  EXPECT_TRUE(std::filesystem::exists(dir_ / (std::to_string(id) + ".eml")));
  EXPECT_FALSE(conn->query_one("SELECT sent_at FROM outbox WHERE id = $1", {id})->is_null(0));
}

TEST_P(OutboxTest, SentMailIsNotWrittenTwice) {
  auto conn = db().acquire();
  std::int64_t id = queue_mail(*conn, {"a@example.fr", "Objet", "Texte"});
  deliver(*conn, id, transport(), "Parcours <ne-pas-repondre@parcours.local>");
  auto path = dir_ / (std::to_string(id) + ".eml");
  std::filesystem::remove(path);
  deliver(*conn, id, transport(), "Parcours <ne-pas-repondre@parcours.local>");
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_P(OutboxTest, FailedSmtpDeliveryThrowsAndLeavesTheMailUnsent) {
  auto conn = db().acquire();
  std::int64_t id = queue_mail(*conn, {"a@example.fr", "Objet", "Texte"});
  EXPECT_THROW(deliver(*conn, id, "smtp://127.0.0.1:1", "ne-pas-repondre@parcours.local"),
               std::exception);
  EXPECT_TRUE(conn->query_one("SELECT sent_at FROM outbox WHERE id = $1", {id})->is_null(0));
}

TEST_P(OutboxTest, RejectsAnUnknownTransport) {
  auto conn = db().acquire();
  std::int64_t id = queue_mail(*conn, {"a@example.fr", "Objet", "Texte"});
  EXPECT_THROW(deliver(*conn, id, "pigeon://roof", "ne-pas-repondre@parcours.local"),
               std::exception);
}

INSTANTIATE_TEST_SUITE_P(Engines, OutboxTest, test::kEngines, test::engine_name);

}  // namespace
}  // namespace parcours::mail
