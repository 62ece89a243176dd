#include "features/people/caseload.h"

#include "core/text.h"

namespace parcours::people {
namespace {

struct Cursor {
  std::int64_t last_activity_at = 0;
  std::int64_t journey_id = 0;
};

// "<last activity>-<journey id>"
std::optional<Cursor> decode(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto at = text::parse_id(text.substr(0, dash));
  auto id = text::parse_id(text.substr(dash + 1));
  if (!at || !id) return std::nullopt;
  return Cursor{*at, *id};
}

}  // namespace

Result<CaseloadPage> list_caseload(store::Connection& conn, const CaseloadQuery& query) {
  std::optional<Cursor> cursor;
  if (!query.cursor.empty()) {
    cursor = decode(query.cursor);
    if (!cursor) {
      return fail(ErrorCode::kInvalid,
                  "Le curseur de pagination est invalide : revenez à la première page.", "cursor");
    }
  }
  store::Params params{query.user_id, query.territory_id};
  std::string sql =
      "SELECT p.id, j.id, p.birth_name, p.usage_name, p.first_names, COALESCE(c.name, ''), "
      "j.status, m.role, j.last_activity_at FROM journey_members m "
      "JOIN journeys j ON j.id = m.journey_id "
      "JOIN persons p ON p.id = j.person_id "
      "LEFT JOIN communes c ON c.code = p.commune_code "
      "WHERE m.user_id = $1 AND m.left_at IS NULL AND j.territory_id = $2 "
      "AND j.status <> 'closed'";
  if (query.referent_only) sql += " AND m.role = 'referent'";
  if (cursor) {
    params.add(cursor->last_activity_at);
    params.add(cursor->journey_id);
    sql += " AND (j.last_activity_at < $3 OR (j.last_activity_at = $3 AND j.id < $4))";
  }
  params.add(std::int64_t{query.limit} + 1);
  sql += " ORDER BY j.last_activity_at DESC, j.id DESC LIMIT $" +
         std::to_string(params.values().size());

  CaseloadPage page;
  for (const auto& r : conn.query(sql, params)) {
    page.entries.push_back({.person_id = r.integer(0),
                            .journey_id = r.integer(1),
                            .birth_name = r.text(2),
                            .usage_name = r.text(3),
                            .first_names = r.text(4),
                            .commune_name = r.text(5),
                            .journey_status = r.text(6),
                            .referent = r.text(7) == "referent",
                            .last_activity_at = r.integer(8)});
  }
  if (page.entries.size() > static_cast<std::size_t>(query.limit)) {
    page.entries.pop_back();
    const auto& last = page.entries.back();
    page.next_cursor =
        std::to_string(last.last_activity_at) + "-" + std::to_string(last.journey_id);
  }
  return page;
}

}  // namespace parcours::people
