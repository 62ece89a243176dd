#include "core/http/sessions.h"

#include "core/clock.h"
#include "core/http/tokens.h"

namespace parcours::http {

namespace {

// Writing last_seen_at on every request would turn every page view into a write; a minute of
// imprecision on a two-hour idle expiry costs nothing.
constexpr std::int64_t kLastSeenResolution = 60;

}  // namespace

NewSession create_session(store::Connection& conn, std::int64_t user_id,
                          std::optional<std::int64_t> acting_organisation_id) {
  NewSession created;
  created.token = random_token();
  created.session.user_id = user_id;
  created.session.csrf_token = random_token();
  created.session.acting_organisation_id = acting_organisation_id;
  std::int64_t now = now_seconds();
  auto row = conn.query_one(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, acting_organisation_id, created_at, "
      "last_seen_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
      {hash_hex(created.token), user_id, created.session.csrf_token,
       store::opt(acting_organisation_id), now});
  created.session.id = row ? row->integer(0) : 0;
  return created;
}

std::optional<Session> load_session(store::Connection& conn, const std::string& token,
                                    const Config& config) {
  if (token.size() != kTokenLength) return std::nullopt;
  auto row = conn.query_one(
      "SELECT id, user_id, csrf_token, acting_organisation_id, created_at, last_seen_at "
      "FROM sessions WHERE token_hash = $1",
      {hash_hex(token)});
  if (!row) return std::nullopt;
  Session session{row->integer(0), row->integer(1), row->text(2), row->opt_integer(3)};
  if (!keep_alive(conn, session, row->integer(4), row->integer(5), config)) return std::nullopt;
  return session;
}

bool keep_alive(store::Connection& conn, const Session& session, std::int64_t created_at,
                std::int64_t last_seen_at, const Config& config) {
  std::int64_t now = now_seconds();
  bool idle = now - last_seen_at > std::int64_t{config.session_idle_minutes} * 60;
  bool too_old = now - created_at > std::int64_t{config.session_absolute_hours} * 3600;
  if (idle || too_old) {
    destroy_session(conn, session.id);
    return false;
  }
  if (now - last_seen_at > kLastSeenResolution) {
    conn.execute("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", {now, session.id});
  }
  return true;
}

void destroy_session(store::Connection& conn, std::int64_t session_id) {
  conn.execute("DELETE FROM sessions WHERE id = $1", {session_id});
}

void destroy_user_sessions(store::Connection& conn, std::int64_t user_id) {
  conn.execute("DELETE FROM sessions WHERE user_id = $1", {user_id});
}

void set_acting_organisation(store::Connection& conn, std::int64_t session_id,
                             std::optional<std::int64_t> organisation_id) {
  conn.execute("UPDATE sessions SET acting_organisation_id = $1 WHERE id = $2",
               {store::opt(organisation_id), session_id});
}

std::string session_cookie(const std::string& token, const Config& config) {
  std::string cookie = std::string(kSessionCookie) + "=" + token + "; Path=/";
  if (token.empty()) cookie += "; Max-Age=0";
  cookie += "; HttpOnly; SameSite=Lax";
  if (config.https()) cookie += "; Secure";
  return cookie;
}

}  // namespace parcours::http
