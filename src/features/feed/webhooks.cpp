// Webhook subscriptions and their delivery: see webhooks.h.
#include "features/feed/webhooks.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/clock.h"
#include "core/http/tokens.h"
#include "core/mail/outbox.h"
#include "core/store/journal.h"
#include "features/feed/feed.h"
#include "features/people/nir_protection.h"

namespace parcours::feed {
namespace {

namespace json = boost::json;

constexpr const char* kColumns =
    "id, token_id, organisation_id, url, event_types, description, status, cursor, failures, "
    "failing_since, next_attempt_at, disabled_at, disabled_reason, created_at";

Subscription subscription_from(const store::Row& row) {
  return {row.integer(0),  row.integer(1),      row.integer(2), row.text(3),    row.text(4),
          row.text(5),     row.text(6),         row.integer(7), row.integer(8), row.opt_integer(9),
          row.integer(10), row.opt_integer(11), row.text(12),   row.integer(13)};
}

bool valid_type_item(std::string_view item) {
  if (item.empty() || item.size() > 60 || item.front() == '.') return false;
  char previous = '.';
  for (char c : item) {
    bool ok = (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9') ||
              (c == '.' && previous != '.');
    if (!ok) return false;
    previous = c;
  }
  return true;
}

// Whether the URL is acceptable; a French message otherwise.
std::optional<std::string> url_problem(std::string_view url, bool allow_loopback_http) {
  if (url.empty()) return "Indiquez l’adresse qui recevra les événements.";
  if (url.size() > 2000) return "Adresse trop longue (2 000 caractères au plus).";
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f) return "L’adresse ne doit contenir ni espace ni accent.";
  }
  std::string_view rest;
  bool http = false;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
    http = true;
  } else {
    return "L’adresse doit commencer par https://.";
  }
  auto host_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, host_end);
  if (authority.empty() || authority.find('@') != std::string_view::npos) {
    return "L’adresse doit nommer un serveur (https://exemple.fr/…), sans identifiants.";
  }
  if (http) {
    std::string_view host = authority.substr(0, authority.find(':'));
    if (!allow_loopback_http || host != "127.0.0.1") {
      return "L’adresse doit commencer par https:// (les événements contiennent des données "
             "personnelles).";
    }
  }
  return std::nullopt;
}

void journal(store::Connection& conn, std::string kind, const Subscription& s,
             std::optional<std::int64_t> actor_id, json::object extra = {}) {
  auto territory =
      conn.query_one("SELECT territory_id FROM organisations WHERE id = $1", {s.organisation_id});
  extra["subscription_id"] = s.id;
  extra["token_id"] = s.token_id;
  extra["organisation_id"] = s.organisation_id;
  extra["url"] = s.url;
  const char* what = kind == "webhook.created"   ? "a créé le webhook vers "
                     : kind == "webhook.deleted" ? "a supprimé le webhook vers "
                     : kind == "webhook.enabled" ? "a réactivé le webhook vers "
                                                 : "Webhook désactivé après des échecs : ";
  extra["text"] = std::string(what) + s.url;
  store::append_event(conn, {.kind = std::move(kind),
                             .territory_id = territory ? territory->opt_integer(0) : std::nullopt,
                             .actor_id = actor_id,
                             .payload_json = json::serialize(extra)});
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

// Disables the subscription and tells the organisation's admins. Inside a transaction.
void disable(store::Connection& conn, const Subscription& s, std::int64_t now,
             const std::string& reason) {
  conn.execute(
      "UPDATE webhook_subscriptions SET status = 'disabled', disabled_at = $2, "
      "disabled_reason = $3, updated_at = $2 WHERE id = $1",
      {s.id, now, reason});
  journal(conn, "webhook.disabled", s, std::nullopt, {{"reason", reason}});
  auto org = conn.query_one("SELECT name FROM organisations WHERE id = $1", {s.organisation_id});
  auto admins = conn.query(
      "SELECT DISTINCT u.email FROM user_roles r JOIN users u ON u.id = r.user_id "
      "WHERE r.organisation_id = $1 AND r.role = 'org_admin' AND r.active = 1 AND u.active = 1 "
      "ORDER BY u.email",
      {s.organisation_id});
  for (const auto& admin : admins) {
    mail::queue_mail(
        conn, {.to = admin.text(0),
               .subject = "Parcours : webhook désactivé après des échecs répétés",
               .text = fmt::format(
                   "Bonjour,\n\nLe webhook de « {} » vers {} a été désactivé : {}.\n\n"
                   "Les événements ne sont plus envoyés à cette adresse. Une fois le serveur "
                   "destinataire réparé, réactivez le webhook depuis la page « Accès API » de la "
                   "structure : les événements reprendront là où ils se sont arrêtés.\n\n"
                   "— Parcours\n",
                   org ? org->text(0) : "votre structure", s.url, reason)});
  }
}

}  // namespace

Result<CreatedSubscription> create_subscription(store::Connection& conn,
                                                const NewSubscription& input) {
  std::string url(input.url);
  while (!url.empty() && (url.back() == ' ' || url.back() == '\t')) url.pop_back();
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.erase(0, 1);
  if (auto problem = url_problem(url, input.allow_loopback_http)) {
    return fail(ErrorCode::kInvalid, *problem, "url");
  }
  std::string types;
  int count = 0;
  {
    std::string_view rest = input.event_types;
    std::size_t start = 0;
    while (start < rest.size()) {
      auto end = rest.find_first_of(" ,\n\r\t", start);
      if (end == std::string_view::npos) end = rest.size();
      auto item = rest.substr(start, end - start);
      start = end + 1;
      if (item.empty()) continue;
      if (!valid_type_item(item)) {
        return fail(ErrorCode::kInvalid,
                    fmt::format("Type d’événement « {} » invalide : des types comme "
                                "« note.added » ou des préfixes comme « note. » sont attendus.",
                                std::string(item).substr(0, 60)),
                    "event_types");
      }
      if (++count > 30) {
        return fail(ErrorCode::kInvalid, "Trente types d’événements au plus.", "event_types");
      }
      if (!types.empty()) types.push_back(' ');
      types += item;
    }
  }
  if (input.description.size() > 200) {
    return fail(ErrorCode::kInvalid, "Description trop longue (200 caractères au plus).",
                "description");
  }
  std::string secret = "whsec_" + http::random_token();
  std::int64_t now = now_seconds();
  std::int64_t head = feed_head(conn);
  auto row = conn.query_one(
      "INSERT INTO webhook_subscriptions (token_id, organisation_id, url, secret, event_types, "
      "description, cursor, created_by, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
      {input.token_id, input.organisation_id, url, people::seal_text(conn, secret), types,
       input.description, head, store::opt(input.created_by), now});
  auto created = find_subscription(conn, row->integer(0));
  journal(conn, "webhook.created", *created, input.created_by, {{"event_types", types}});
  return CreatedSubscription{*created, secret};
}

std::string signing_secret(store::Connection& conn, std::string_view stored) {
  // Subscriptions made before the secrets were sealed hold them in clear ("whsec_...", which
  // base64 never starts with).
  if (stored.starts_with("whsec_")) return std::string(stored);
  auto secret = people::open_sealed(conn, stored);
  if (!secret) {
    throw std::runtime_error("secret du webhook illisible avec la clé de données de ce serveur");
  }
  return *secret;
}

std::optional<Subscription> find_subscription(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(
      fmt::format("SELECT {} FROM webhook_subscriptions WHERE id = $1", kColumns), {id});
  if (!row) return std::nullopt;
  return subscription_from(*row);
}

std::vector<Subscription> subscriptions_of_token(store::Connection& conn, std::int64_t token_id) {
  std::vector<Subscription> out;
  for (const auto& row : conn.query(
           fmt::format("SELECT {} FROM webhook_subscriptions WHERE token_id = $1 ORDER BY id",
                       kColumns),
           {token_id})) {
    out.push_back(subscription_from(row));
  }
  return out;
}

std::vector<Subscription> subscriptions_of_organisation(store::Connection& conn,
                                                        std::int64_t organisation_id) {
  std::vector<Subscription> out;
  for (const auto& row :
       conn.query(fmt::format("SELECT {} FROM webhook_subscriptions WHERE organisation_id = $1 "
                              "ORDER BY id",
                              kColumns),
                  {organisation_id})) {
    out.push_back(subscription_from(row));
  }
  return out;
}

void delete_subscription(store::Connection& conn, const Subscription& subscription,
                         std::optional<std::int64_t> actor_id) {
  conn.execute("DELETE FROM webhook_deliveries WHERE subscription_id = $1", {subscription.id});
  conn.execute("DELETE FROM webhook_subscriptions WHERE id = $1", {subscription.id});
  journal(conn, "webhook.deleted", subscription, actor_id);
}

void reenable_subscription(store::Connection& conn, const Subscription& subscription,
                           std::optional<std::int64_t> actor_id) {
  conn.execute(
      "UPDATE webhook_subscriptions SET status = 'active', failures = 0, failing_since = NULL, "
      "next_attempt_at = 0, disabled_at = NULL, disabled_reason = NULL, updated_at = $2 "
      "WHERE id = $1",
      {subscription.id, now_seconds()});
  journal(conn, "webhook.enabled", subscription, actor_id);
}

std::vector<Delivery> list_deliveries(store::Connection& conn, std::int64_t subscription_id,
                                      int limit, std::int64_t before) {
  std::vector<Delivery> out;
  for (const auto& row : conn.query(
           "SELECT id, position, event_type, attempt, status_code, error, duration_ms, succeeded, "
           "at FROM webhook_deliveries WHERE subscription_id = $1 AND ($2 = 0 OR id < $2) "
           "ORDER BY id DESC LIMIT $3",
           {subscription_id, before, std::int64_t{limit}})) {
    out.push_back({row.integer(0), row.integer(1), row.text(2), row.integer(3), row.opt_integer(4),
                   row.text(5), row.integer(6), row.boolean(7), row.integer(8)});
  }
  return out;
}

std::string signature_header(std::string_view secret, std::int64_t timestamp,
                             std::string_view body) {
  std::string signed_text = fmt::format("{}.", timestamp);
  signed_text.append(body);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_text.data()),
                                signed_text.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return fmt::format("t={},v1={}", timestamp, hex(mac, sizeof mac));
}

PostResult curl_post(const std::string& url, const std::vector<Header>& headers,
                     const std::string& body) {
  PostResult result;
  auto started = std::chrono::steady_clock::now();
  CURL* curl = curl_easy_init();
  if (!curl) {
    result.error = "libcurl indisponible";
    return result;
  }
  curl_slist* list = nullptr;
  for (const auto& [name, value] : headers) {
    list = curl_slist_append(list, (name + ": " + value).c_str());
  }
  list = curl_slist_append(list, "Expect:");
  char error[CURL_ERROR_SIZE] = {0};
  auto discard = +[](char*, size_t size, size_t count, void*) -> size_t { return size * count; };
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 3000L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 10000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    result.status = status;
  } else {
    result.error = fmt::format("pas de réponse : {}", *error ? error : curl_easy_strerror(rc));
  }
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  result.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  return result;
}

std::int64_t backoff_seconds(const DispatchSettings& settings, std::int64_t failures) {
  std::int64_t delay = settings.backoff_base;
  for (std::int64_t i = 1; i < failures && delay < settings.backoff_cap; ++i) delay *= 2;
  return std::min(delay, settings.backoff_cap);
}

DispatchOutcome dispatch_due(store::Connection& conn, std::int64_t now, const Poster& post,
                             const DispatchSettings& settings) {
  DispatchOutcome outcome;
  auto due = conn.query(
      "SELECT id FROM webhook_subscriptions WHERE status = 'active' AND next_attempt_at <= $1 "
      "AND (lease_until IS NULL OR lease_until < $1) ORDER BY next_attempt_at, id",
      {now});
  for (const auto& due_row : due) {
    std::int64_t id = due_row.integer(0);
    // The lease: one dispatcher at a time per subscription (several servers on PostgreSQL).
    if (conn.execute("UPDATE webhook_subscriptions SET lease_owner = $2, lease_until = $3 "
                     "WHERE id = $1 AND status = 'active' AND (lease_until IS NULL OR "
                     "lease_until < $4)",
                     {id, settings.worker, now + 300, now}) != 1) {
      continue;
    }
    auto release = [&] {
      conn.execute(
          "UPDATE webhook_subscriptions SET lease_owner = NULL, lease_until = NULL WHERE id = $1 "
          "AND lease_owner = $2",
          {id, settings.worker});
    };
    try {
      auto s = find_subscription(conn, id);
      if (!s) continue;
      auto secret = signing_secret(
          conn,
          conn.query_one("SELECT secret FROM webhook_subscriptions WHERE id = $1", {id})->text(0));
      std::int64_t cursor = s->cursor;
      int sent = 0;
      bool stop = false;
      while (!stop && sent < settings.max_deliveries) {
        auto page = read_feed(conn, s->organisation_id, {.after = cursor, .limit = 100});
        for (const auto& event : page.events) {
          if (!type_matches(s->event_types, event.kind)) {
            cursor = event.position;
            continue;
          }
          std::string body = event_json(event);
          std::vector<Header> headers{
              {"Content-Type", "application/json"},
              {"User-Agent", "Parcours-Webhooks/1"},
              {"X-Parcours-Event", event.kind},
              {"X-Parcours-Delivery", fmt::format("{}-{}", s->id, event.position)},
              {"X-Parcours-Signature", signature_header(secret, now, body)}};
          PostResult result = post(s->url, headers, body);
          bool ok = result.status && *result.status >= 200 && *result.status < 300;
          std::int64_t attempt = s->failures + 1;
          std::string error = ok              ? ""
                              : result.status ? fmt::format("réponse HTTP {}", *result.status)
                                              : result.error;
          store::with_transaction(conn, [&] {
            conn.execute(
                "INSERT INTO webhook_deliveries (subscription_id, position, event_type, attempt, "
                "status_code, error, duration_ms, succeeded, at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                {id, event.position, event.kind, attempt,
                 result.status ? store::Value{std::int64_t{*result.status}} : store::Value{nullptr},
                 error, result.duration_ms, store::boolean(ok), now});
            if (ok) {
              conn.execute(
                  "UPDATE webhook_subscriptions SET cursor = $2, failures = 0, "
                  "failing_since = NULL, next_attempt_at = 0, updated_at = $3 WHERE id = $1",
                  {id, event.position, now});
              return;
            }
            std::int64_t failures = s->failures + 1;
            std::int64_t since = s->failing_since.value_or(now);
            conn.execute(
                "UPDATE webhook_subscriptions SET cursor = $2, failures = $3, failing_since = $4, "
                "next_attempt_at = $5, updated_at = $6 WHERE id = $1",
                {id, cursor, failures, since, now + backoff_seconds(settings, failures), now});
            if (failures >= settings.max_failures) {
              disable(conn, *s, now, fmt::format("{} échecs d’affilée", failures));
              ++outcome.disabled;
            } else if (now - since >= settings.max_failing_seconds) {
              disable(conn, *s, now,
                      fmt::format("en échec depuis {} jours", (now - since) / 86400));
              ++outcome.disabled;
            }
          });
          if (ok) {
            ++outcome.delivered;
            ++sent;
            cursor = event.position;
            s->failures = 0;
            s->failing_since.reset();
          } else {
            ++outcome.failed;
            stop = true;
            break;
          }
          if (sent >= settings.max_deliveries) {
            stop = true;
            break;
          }
        }
        if (stop) break;
        if (!page.has_more) cursor = std::max(cursor, page.next_after);
        if (cursor > s->cursor) {
          conn.execute("UPDATE webhook_subscriptions SET cursor = $2 WHERE id = $1 AND cursor < $2",
                       {id, cursor});
          s->cursor = cursor;
        }
        if (!page.has_more) break;
      }
      release();
    } catch (const std::exception& e) {
      spdlog::error("webhook {} : {}", id, e.what());
      if (conn.in_transaction()) conn.rollback();
      release();
    }
  }
  return outcome;
}

void run_dispatcher(store::Db& db, const std::atomic<bool>& stop, int poll_ms) {
  DispatchSettings settings;
  settings.worker = fmt::format("webhooks-{}", ::getpid());
  // Tests of the whole server shorten the retry delay (seconds).
  if (const char* base = std::getenv("PARCOURS_WEBHOOK_BACKOFF_BASE"); base && *base) {
    settings.backoff_base = std::max<std::int64_t>(1, std::atoll(base));
  }
  constexpr auto kSlice = std::chrono::milliseconds(50);
  while (!stop) {
    try {
      auto conn = db.acquire();
      dispatch_due(*conn, now_seconds(), curl_post, settings);
    } catch (const std::exception& e) {
      spdlog::error("webhooks : {}", e.what());
    }
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(poll_ms);
    while (!stop && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(kSlice);
  }
}

}  // namespace parcours::feed
