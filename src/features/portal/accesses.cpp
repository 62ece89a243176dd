#include "features/portal/accesses.h"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <utility>

#include "core/store/journal.h"

namespace parcours::portal {
namespace {

constexpr std::int64_t kGroupSeconds = 3600;

struct Reader {
  std::string organisation;
  std::string role;
};

// The reader's place in one of the person's teams at `at`, référent first.
std::optional<Reader> team_role_at(store::Connection& conn, std::int64_t person_id,
                                   std::int64_t user_id, std::int64_t at) {
  auto row = conn.query_one(
      "SELECT m.role, o.name FROM journey_members m "
      "JOIN journeys j ON j.id = m.journey_id JOIN organisations o ON o.id = m.organisation_id "
      "WHERE j.person_id = $1 AND m.user_id = $2 AND m.joined_at <= $3 "
      "AND (m.left_at IS NULL OR m.left_at >= $3) "
      "ORDER BY CASE WHEN m.role = 'referent' THEN 0 ELSE 1 END, m.joined_at DESC LIMIT 1",
      {person_id, user_id, at});
  if (!row) return std::nullopt;
  return Reader{row->text(1), row->text(0) == "referent" ? "Référent(e) de votre parcours"
                                                         : "Membre de votre équipe de suivi"};
}

// The reader's role in the territories of the person (those of their journeys and where they
// live), the most specific first; any role at all when none is there (a national admin).
Reader account_role(store::Connection& conn, std::int64_t person_id, std::int64_t user_id) {
  // Negative readers have no account: the contact of a service answering a referral through
  // the link it was mailed (referrals::kLinkReader).
  if (user_id < 0)
    return {"Un service vers lequel vous êtes orienté(e)", "Son contact, sans compte"};
  auto row = conn.query_one(
      "SELECT r.role, r.orientation, r.referent, o.name, t.name FROM user_roles r "
      "LEFT JOIN organisations o ON o.id = r.organisation_id "
      "LEFT JOIN territories t ON t.id = COALESCE(r.territory_id, o.territory_id) "
      "WHERE r.user_id = $1 "
      "ORDER BY CASE WHEN COALESCE(r.territory_id, o.territory_id) IN ("
      "  SELECT territory_id FROM journeys WHERE person_id = $2 "
      "  UNION SELECT territory_id FROM persons WHERE id = $2) THEN 0 ELSE 1 END, "
      "r.active DESC, CASE r.role WHEN 'professional' THEN 0 WHEN 'org_admin' THEN 1 "
      "WHEN 'territory_manager' THEN 2 ELSE 3 END, r.id LIMIT 1",
      {user_id, person_id});
  if (!row) return {"Organisation inconnue", "Professionnel(le)"};
  std::string role = row->text(0);
  if (role == "admin") return {"Administration nationale de Parcours", "Administrateur(rice)"};
  if (role == "territory_manager") {
    return {"Territoire " + row->text(4), "Responsable du territoire"};
  }
  if (role == "org_admin") return {row->text(3), "Administrateur(rice) de la structure"};
  if (row->boolean(1)) return {row->text(3), "Chargé(e) d'orientation"};
  if (row->boolean(2)) return {row->text(3), "Référent(e) de parcours"};
  return {row->text(3), "Professionnel(le)"};
}

}  // namespace

void log_own_read(store::Connection& conn, std::int64_t person_id, const std::string& part) {
  store::log_access(
      conn,
      {.actor_id = kPersonReader, .person_id = person_id, .part = part, .purpose = "mon-espace"});
}

std::vector<Access> list_accesses(store::Connection& conn, std::int64_t person_id, int limit) {
  // PostgreSQL reads its index by person in order; SQLite's rows by person are partly in a copy
  // and partly past it (store::index_accesses), gathered then sorted.
  auto rows = conn.query(
      conn.dialect() == store::Dialect::kSqlite
          ? fmt::format("SELECT at, actor_id FROM access_log WHERE id IN ({}) AND person_id = $1 "
                        "AND actor_id <> $2 "
                        "ORDER BY at DESC, id DESC LIMIT $3",
                        store::access_ids_of(store::Dialect::kSqlite, "$1"))
          : std::string("SELECT at, actor_id FROM access_log WHERE person_id = $1 "
                        "AND actor_id <> $2 ORDER BY at DESC, id DESC LIMIT $3"),
      {person_id, kPersonReader, std::int64_t{limit}});
  std::map<std::int64_t, Reader> account_roles;  // per reader, looked up once
  std::vector<Access> out;
  std::int64_t group_oldest = 0;  // the oldest read of the last group
  for (const auto& row : rows) {
    std::int64_t at = row.integer(0);
    std::int64_t user_id = row.integer(1);
    auto reader = team_role_at(conn, person_id, user_id, at);
    if (!reader) {
      auto it = account_roles.find(user_id);
      if (it == account_roles.end()) {
        it = account_roles.emplace(user_id, account_role(conn, person_id, user_id)).first;
      }
      reader = it->second;
    }
    // Rows come newest first: a read joins the group above when it is the same reader's place
    // and within the hour before that group's oldest read.
    if (!out.empty() && out.back().organisation == reader->organisation &&
        out.back().role == reader->role && group_oldest - at <= kGroupSeconds) {
      ++out.back().count;
    } else {
      out.push_back({at, 1, std::move(reader->organisation), std::move(reader->role)});
    }
    group_oldest = at;
  }
  return out;
}

}  // namespace parcours::portal
