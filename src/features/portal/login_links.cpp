#include "features/portal/login_links.h"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/http/tokens.h"
#include "core/mail/outbox.h"
#include "core/store/journal.h"

namespace parcours::portal {
namespace {

// A mail address shared by a household reaches a handful of records at most.
constexpr int kMaxPersonsPerAddress = 5;

mail::Mail link_mail(std::string_view to, std::string_view public_url, const std::string& token) {
  std::string base(public_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return {std::string(to), "Parcours : votre lien pour ouvrir votre espace",
          fmt::format("Bonjour,\n\n"
                      "Vous avez demandé à ouvrir votre espace personnel Parcours. "
                      "Ouvrez ce lien, valable 15 minutes et une seule fois :\n\n"
                      "{}/mon-espace/lien/{}\n\n"
                      "Si vous n'avez rien demandé, ignorez ce courriel : personne ne peut ouvrir "
                      "votre espace sans ce lien.\n\n"
                      "Parcours — service public de l'insertion et de l'emploi\n",
                      base, token)};
}

std::optional<std::int64_t> territory_of(store::Connection& conn, std::int64_t person_id) {
  auto row = conn.query_one("SELECT territory_id FROM persons WHERE id = $1", {person_id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

}  // namespace

std::string issue_login_link(store::Connection& conn, std::int64_t person_id) {
  std::int64_t now = now_seconds();
  std::string token = http::random_token();
  conn.execute(
      "UPDATE person_login_tokens SET expires_at = $1 "
      "WHERE person_id = $2 AND used_at IS NULL AND expires_at > $1",
      {now, person_id});
  conn.execute(
      "INSERT INTO person_login_tokens (person_id, token_hash, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4)",
      {person_id, http::hash_hex(token), now, now + kLinkLifetime});
  // Sign-in events name the person in their payload, not in journal.person_id: they are the
  // security trail of the space, not part of the carnet de bord the team reads.
  boost::json::object payload{{"person_id", person_id}, {"expires_at", now + kLinkLifetime}};
  store::append_event(conn, {.kind = "portal.login_link_sent",
                             .territory_id = territory_of(conn, person_id),
                             .payload_json = boost::json::serialize(payload)});
  return token;
}

int request_login_links(store::Connection& conn, std::string_view email,
                        std::string_view public_url) {
  return atomically(conn, [&] {
    std::int64_t now = now_seconds();
    auto persons = conn.query(
        "SELECT id FROM persons WHERE email = $1 AND merged_into IS NULL ORDER BY id LIMIT $2",
        {std::string(email), std::int64_t{kMaxPersonsPerAddress}});
    int queued = 0;
    for (const auto& person : persons) {
      std::int64_t person_id = person.integer(0);
      auto recent = conn.query_one(
          "SELECT COUNT(*) FROM person_login_tokens WHERE person_id = $1 AND created_at > $2",
          {person_id, now - kLinkWindow});
      if (recent && recent->integer(0) >= kLinksPerPerson) continue;
      mail::queue_mail(conn, link_mail(email, public_url, issue_login_link(conn, person_id)));
      ++queued;
    }
    return queued;
  });
}

std::optional<std::int64_t> find_login_link(store::Connection& conn, std::string_view token) {
  if (token.size() != http::kTokenLength) return std::nullopt;
  auto row = conn.query_one(
      "SELECT t.person_id FROM person_login_tokens t JOIN persons p ON p.id = t.person_id "
      "WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 "
      "AND p.merged_into IS NULL",
      {http::hash_hex(token), now_seconds()});
  if (!row) return std::nullopt;
  return row->integer(0);
}

Result<std::int64_t> use_login_link(store::Connection& conn, std::string_view token) {
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto person_id = find_login_link(conn, token);
    std::int64_t now = now_seconds();
    // The conditional UPDATE is what makes the link single-use when two requests race.
    if (!person_id || conn.execute("UPDATE person_login_tokens SET used_at = $1 "
                                   "WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
                                   {now, http::hash_hex(token)}) != 1) {
      return fail(ErrorCode::kNotFound,
                  "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez-en un "
                  "nouveau.");
    }
    boost::json::object payload{{"person_id", *person_id}};
    store::append_event(conn, {.kind = "portal.signed_in",
                               .territory_id = territory_of(conn, *person_id),
                               .payload_json = boost::json::serialize(payload)});
    return *person_id;
  });
}

}  // namespace parcours::portal
