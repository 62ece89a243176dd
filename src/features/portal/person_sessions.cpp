#include "features/portal/person_sessions.h"

#include "core/clock.h"
#include "core/http/tokens.h"

namespace parcours::portal {

namespace {

// As for staff sessions: a minute of imprecision on the idle expiry saves a write per page.
constexpr std::int64_t kLastSeenResolution = 60;

}  // namespace

NewPersonSession create_person_session(store::Connection& conn, std::int64_t person_id) {
  NewPersonSession created;
  created.token = http::random_token();
  created.session.person_id = person_id;
  created.session.csrf_token = http::random_token();
  std::int64_t now = now_seconds();
  auto row = conn.query_one(
      "INSERT INTO person_sessions (token_hash, person_id, csrf_token, created_at, last_seen_at) "
      "VALUES ($1, $2, $3, $4, $4) RETURNING id",
      {http::hash_hex(created.token), person_id, created.session.csrf_token, now});
  created.session.id = row ? row->integer(0) : 0;
  return created;
}

std::optional<http::PersonSession> load_person_session(store::Connection& conn,
                                                       const std::string& token,
                                                       const Config& config) {
  if (token.size() != http::kTokenLength) return std::nullopt;
  auto row = conn.query_one(
      "SELECT s.id, s.person_id, s.csrf_token, s.created_at, s.last_seen_at, p.merged_into "
      "FROM person_sessions s JOIN persons p ON p.id = s.person_id WHERE s.token_hash = $1",
      {http::hash_hex(token)});
  if (!row) return std::nullopt;
  http::PersonSession session{row->integer(0), row->integer(1), row->text(2)};
  std::int64_t created_at = row->integer(3);
  std::int64_t last_seen_at = row->integer(4);
  std::int64_t now = now_seconds();
  bool idle = now - last_seen_at > std::int64_t{config.session_idle_minutes} * 60;
  bool too_old = now - created_at > std::int64_t{config.session_absolute_hours} * 3600;
  bool merged = !row->is_null(5);
  if (idle || too_old || merged) {
    destroy_person_session(conn, session.id);
    return std::nullopt;
  }
  if (now - last_seen_at > kLastSeenResolution) {
    conn.execute("UPDATE person_sessions SET last_seen_at = $1 WHERE id = $2", {now, session.id});
  }
  return session;
}

void destroy_person_session(store::Connection& conn, std::int64_t session_id) {
  conn.execute("DELETE FROM person_sessions WHERE id = $1", {session_id});
}

std::string person_session_cookie(const std::string& token, const Config& config) {
  std::string cookie = std::string(kPersonSessionCookie) + "=" + token + "; Path=/";
  if (token.empty()) cookie += "; Max-Age=0";
  cookie += "; HttpOnly; SameSite=Lax";
  if (config.https()) cookie += "; Secure";
  return cookie;
}

}  // namespace parcours::portal
