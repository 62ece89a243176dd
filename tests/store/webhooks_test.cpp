// Webhooks on both engines: subscriptions (validation, secret), signed deliveries to a real
// HTTP receiver (Boost.Beast, in a thread), retries with backoff, a receiver that is down,
// disablement with a mail to the organisation's admins, order kept and no duplicate after a
// restart of the dispatcher.
#include "features/feed/webhooks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <mutex>
#include <thread>

#include "core/store/journal.h"
#include "features/feed/feed.h"
#include "store/people_fixture.h"

namespace parcours::test {
namespace {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;

// A receiver on 127.0.0.1: records each request (signature header and body) and answers with
// the status in `answer`.
class Receiver {
 public:
  struct Received {
    std::string signature;
    std::string event;
    std::string body;
  };

  Receiver() : acceptor_(ioc_, {net::ip::make_address("127.0.0.1"), 0}) {
    port_ = acceptor_.local_endpoint().port();
    thread_ = std::thread([this] { serve(); });
  }
  ~Receiver() {
    stop_ = true;
    boost::system::error_code ec;
    // Wake the accept with a connection of our own.
    net::ip::tcp::socket poke(ioc_);
    poke.connect({net::ip::make_address("127.0.0.1"), port_}, ec);
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::atomic<unsigned> answer{200};
  std::vector<Received> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void serve() {
    while (!stop_) {
      net::ip::tcp::socket socket(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stop_) return;
      boost::beast::flat_buffer buffer;
      bhttp::request<bhttp::string_body> request;
      bhttp::read(socket, buffer, request, ec);
      if (ec) continue;
      {
        std::lock_guard lock(mutex_);
        received_.push_back({std::string(request["X-Parcours-Signature"]),
                             std::string(request["X-Parcours-Event"]), request.body()});
      }
      bhttp::response<bhttp::string_body> response{static_cast<bhttp::status>(answer.load()), 11};
      if (answer != 204) response.body() = "ok";
      response.prepare_payload();
      response.keep_alive(false);
      bhttp::write(socket, response, ec);
    }
  }

  net::io_context ioc_;
  net::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<Received> received_;
  std::thread thread_;
};

class WebhooksTest : public PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    auto conn = db().acquire();
    person_ = conn->query_one(
                      "INSERT INTO persons (territory_id, birth_name, first_names, created_at, "
                      "updated_at) VALUES ($1, 'Durand', 'Sofia', 0, 0) RETURNING id",
                      {world_.ardennes})
                  ->integer(0);
    auto journey = conn->query_one(
                           "INSERT INTO journeys (person_id, territory_id, entry, opened_at, "
                           "last_activity_at) VALUES ($1, $2, 'professional', 0, 0) RETURNING id",
                           {person_, world_.ardennes})
                       ->integer(0);
    conn->execute(
        "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, joined_at) "
        "VALUES ($1, $2, $3, 'referent', 0)",
        {journey, world_.referent, world_.cd08});
    // An org admin of the CD 08, who gets the notice.
    auto admin = conn->query_one(
                         "INSERT INTO users (email, name, created_at, updated_at) "
                         "VALUES ('admin-cd08@test.fr', 'Admin CD', 0, 0) RETURNING id")
                     ->integer(0);
    conn->execute(
        "INSERT INTO user_roles (user_id, role, organisation_id, created_at, updated_at) "
        "VALUES ($1, 'org_admin', $2, 0, 0)",
        {admin, world_.cd08});
  }

  feed::CreatedSubscription subscribe(const std::string& url, const std::string& types = "") {
    auto conn = db().acquire();
    auto created = feed::create_subscription(*conn, {.token_id = 1,
                                                     .organisation_id = world_.cd08,
                                                     .url = url,
                                                     .event_types = types,
                                                     .allow_loopback_http = true});
    EXPECT_TRUE(created.has_value());
    return *created;
  }

  std::int64_t event(const std::string& kind) {
    auto conn = db().acquire();
    return store::append_event(*conn, {.kind = kind,
                                       .territory_id = world_.ardennes,
                                       .person_id = person_,
                                       .payload_json = R"({"journey_id":1})"});
  }

  feed::DispatchOutcome dispatch(std::int64_t now, const std::string& worker = "test") {
    auto conn = db().acquire();
    feed::DispatchSettings settings;
    settings.worker = worker;
    return feed::dispatch_due(*conn, now, feed::curl_post, settings);
  }

  std::int64_t person_ = 0;
};

TEST(WebhookSignature, IsHmacSha256OfTimestampDotBody) {
  // python3 -c "import hmac,hashlib;print(hmac.new(b'whsec_test',
  //   b'1764240000.{\"a\":1}', hashlib.sha256).hexdigest())"
  EXPECT_EQ(feed::signature_header("whsec_test", 1764240000, R"({"a":1})"),
            "t=1764240000,v1=35c36e642ace6c0b4bdb6269071ae0b13bac8c79554784e3df83e6246db0b1f0");
}

TEST(WebhookBackoff, DoublesFromTenSecondsUpToAnHour) {
  feed::DispatchSettings s;
  EXPECT_EQ(feed::backoff_seconds(s, 1), 10);
  EXPECT_EQ(feed::backoff_seconds(s, 2), 20);
  EXPECT_EQ(feed::backoff_seconds(s, 3), 40);
  EXPECT_EQ(feed::backoff_seconds(s, 9), 2560);
  EXPECT_EQ(feed::backoff_seconds(s, 10), 3600);
  EXPECT_EQ(feed::backoff_seconds(s, 19), 3600);
}

TEST_P(WebhooksTest, ASubscriptionNeedsAnHttpsUrlAndKnownLookingTypes) {
  auto conn = db().acquire();
  feed::NewSubscription input{.token_id = 1, .organisation_id = world_.cd08};
  auto field_of = [&](feed::NewSubscription in) {
    auto r = feed::create_subscription(*conn, in);
    return r ? std::string("ok") : r.error().field + ": " + r.error().message;
  };
  input.url = "";
  EXPECT_EQ(field_of(input).substr(0, 4), "url:");
  input.url = "ftp://exemple.fr/";
  EXPECT_EQ(field_of(input).substr(0, 4), "url:");
  input.url = "http://exemple.fr/hook";
  EXPECT_EQ(field_of(input).substr(0, 4), "url:");
  input.url = "http://127.0.0.1:9/hook";  // not allowed unless the service is not https
  EXPECT_EQ(field_of(input).substr(0, 4), "url:");
  input.url = "https://user:pw@exemple.fr/";
  EXPECT_EQ(field_of(input).substr(0, 4), "url:");
  input.url = "https://exemple.fr/hook";
  input.event_types = "note.added, DROP TABLE";
  EXPECT_EQ(field_of(input).substr(0, 12), "event_types:");
  EXPECT_TRUE(conn->query("SELECT id FROM webhook_subscriptions").empty());

  input.event_types = "note. journey.opened";
  auto created = feed::create_subscription(*conn, input);
  ASSERT_TRUE(created.has_value());
  EXPECT_TRUE(created->secret.starts_with("whsec_"));
  // Stored sealed with the data key, never in clear.
  auto stored = conn->query_one("SELECT secret FROM webhook_subscriptions WHERE id = $1",
                                {created->subscription.id})
                    ->text(0);
  EXPECT_EQ(stored.find(created->secret.substr(6)), std::string::npos);
  EXPECT_EQ(feed::signing_secret(*conn, stored), created->secret);
  // A subscription made before the secrets were sealed still signs with its clear secret.
  EXPECT_EQ(feed::signing_secret(*conn, "whsec_legacy"), "whsec_legacy");
  EXPECT_EQ(created->subscription.event_types, "note. journey.opened");
  EXPECT_EQ(created->subscription.status, "active");
  auto journaled = conn->query_one(
      "SELECT COUNT(*) FROM journal WHERE kind = 'webhook.created' AND payload LIKE "
      "'%https://exemple.fr/hook%'");
  EXPECT_EQ(journaled->integer(0), 1);
}

TEST_P(WebhooksTest, EachEventIsPostedSignedInOrderAndOnlyOnce) {
  Receiver receiver;
  event("note.added");  // before the subscription: not delivered
  auto sub = subscribe(receiver.url());
  auto a = event("note.added");
  auto b = event("person.updated");
  auto c = event("journey.opened");
  auto outcome = dispatch(1000);
  EXPECT_EQ(outcome.delivered, 3);
  auto got = receiver.received();
  ASSERT_EQ(got.size(), 3u);
  std::vector<std::int64_t> seqs;
  for (const auto& r : got) {
    auto body = boost::json::parse(r.body).as_object();
    seqs.push_back(body.at("seq").as_int64());
    EXPECT_EQ(r.signature, feed::signature_header(sub.secret, 1000, r.body));
    EXPECT_EQ(r.event, body.at("type").as_string());
  }
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{a, b, c}));
  // A restart of the dispatcher (another worker, later): nothing is sent twice.
  EXPECT_EQ(dispatch(1001, "another").delivered, 0);
  EXPECT_EQ(receiver.received().size(), 3u);
  auto conn = db().acquire();
  auto log = feed::list_deliveries(*conn, sub.subscription.id);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_TRUE(log[0].succeeded);
  EXPECT_EQ(log[0].status_code, 200);
}

TEST_P(WebhooksTest, OnlyTheChosenTypesAreSent) {
  Receiver receiver;
  subscribe(receiver.url(), "journey.");
  event("note.added");
  auto opened = event("journey.opened");
  event("note.added");
  EXPECT_EQ(dispatch(1000).delivered, 1);
  auto got = receiver.received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(boost::json::parse(got[0].body).at("seq").as_int64(), opened);
}

TEST_P(WebhooksTest, AFailingReceiverIsRetriedWithBackoffAndLaterEventsWait) {
  Receiver receiver;
  auto sub = subscribe(receiver.url());
  auto a = event("note.added");
  auto b = event("note.added");
  receiver.answer = 500;
  auto first = dispatch(1000);
  EXPECT_EQ(first.failed, 1);
  EXPECT_EQ(first.delivered, 0);
  EXPECT_EQ(dispatch(1005).failed, 0);  // not due before 10 s
  EXPECT_EQ(dispatch(1010).failed, 1);  // 2nd attempt at 10 s
  EXPECT_EQ(dispatch(1025).failed, 0);  // then 20 s
  EXPECT_EQ(dispatch(1030).failed, 1);
  receiver.answer = 204;
  EXPECT_EQ(dispatch(1069).delivered, 0);  // then 40 s
  EXPECT_EQ(dispatch(1070).delivered, 2);
  auto got = receiver.received();
  ASSERT_EQ(got.size(), 5u);  // 3 attempts at a, then a and b
  std::vector<std::int64_t> seqs;
  for (const auto& r : got) seqs.push_back(boost::json::parse(r.body).at("seq").as_int64());
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{a, a, a, a, b}));
  auto conn = db().acquire();
  auto log = feed::list_deliveries(*conn, sub.subscription.id);
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[1].attempt, 4);  // newest first: b (1st attempt), then a's 4th
  EXPECT_TRUE(log[1].succeeded);
  EXPECT_EQ(log[2].status_code, 500);
  EXPECT_EQ(log[2].error, "réponse HTTP 500");
  EXPECT_EQ(feed::find_subscription(*conn, sub.subscription.id)->failures, 0);
}

TEST_P(WebhooksTest, AReceiverThatIsDownIsDisabledAfterTwentyFailuresAndTheAdminsAreTold) {
  // A port nobody listens on: take one, then close it.
  std::string url;
  {
    Receiver gone;
    url = gone.url();
  }
  auto sub = subscribe(url);
  event("note.added");
  std::int64_t now = 1000;
  int attempts = 0;
  for (int i = 0; i < 40 && attempts < 25; ++i) {
    auto outcome = dispatch(now);
    attempts += outcome.failed;
    now += 3600;
  }
  EXPECT_EQ(attempts, 20);
  auto conn = db().acquire();
  auto s = feed::find_subscription(*conn, sub.subscription.id);
  EXPECT_EQ(s->status, "disabled");
  EXPECT_EQ(s->disabled_reason, "20 échecs d’affilée");
  auto log = feed::list_deliveries(*conn, sub.subscription.id, 100);
  EXPECT_EQ(log.size(), 20u);
  EXPECT_FALSE(log[0].status_code.has_value());
  EXPECT_TRUE(log[0].error.starts_with("pas de réponse"));
  auto mail = conn->query("SELECT to_address, subject FROM outbox");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].text(0), "admin-cd08@test.fr");
  EXPECT_EQ(
      conn->query_one("SELECT COUNT(*) FROM journal WHERE kind = 'webhook.disabled'")->integer(0),
      1);
  // Turned on again, it starts where it stopped.
  feed::reenable_subscription(*conn, *s, world_.referent);
  Receiver back;
  conn->execute("UPDATE webhook_subscriptions SET url = $2 WHERE id = $1",
                {sub.subscription.id, back.url()});
  EXPECT_EQ(dispatch(now).delivered, 1);
}

TEST_P(WebhooksTest, ASubscriptionFailingForThreeDaysIsDisabled) {
  Receiver receiver;
  receiver.answer = 503;
  auto sub = subscribe(receiver.url());
  event("note.added");
  dispatch(1000);
  dispatch(1000 + 3 * 86400);
  auto conn = db().acquire();
  auto s = feed::find_subscription(*conn, sub.subscription.id);
  EXPECT_EQ(s->status, "disabled");
  EXPECT_EQ(s->disabled_reason, "en échec depuis 3 jours");
}

TEST_P(WebhooksTest, DeletingASubscriptionRemovesItsLogAndIsJournaled) {
  Receiver receiver;
  auto sub = subscribe(receiver.url());
  event("note.added");
  dispatch(1000);
  auto conn = db().acquire();
  feed::delete_subscription(*conn, sub.subscription, world_.referent);
  EXPECT_FALSE(feed::find_subscription(*conn, sub.subscription.id));
  EXPECT_TRUE(feed::list_deliveries(*conn, sub.subscription.id).empty());
  EXPECT_EQ(
      conn->query_one("SELECT COUNT(*) FROM journal WHERE kind = 'webhook.deleted'")->integer(0),
      1);
}

INSTANTIATE_TEST_SUITE_P(Engines, WebhooksTest, kEngines, engine_name);

}  // namespace
}  // namespace parcours::test
