#include "features/people/merge.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <utility>

#include "core/atomic.h"
#include "core/clock.h"
#include "features/people/events.h"
#include "features/people/journeys.h"
#include "features/people/person_rows.h"
#include "features/people/persons.h"

namespace parcours::people {
namespace {

namespace json = boost::json;

// Fields the kept record takes when it has no value: the source field name and its columns
// (the first decides whether the record "has" the value).
struct FieldGroup {
  const char* field;
  std::vector<const char*> columns;
};

const std::vector<FieldGroup>& taken_fields() {
  static const std::vector<FieldGroup> groups{
      {"birth_date", {"birth_date"}},
      {"sex", {"sex"}},
      {"nir", {"nir_hash", "nir_sealed"}},
      {"caf_number", {"caf_number"}},
      {"ft_id", {"ft_id"}},
      {"internal_id", {"internal_id"}},
      {"email", {"email"}},
      {"phone", {"phone"}},
      {"phone2", {"phone2"}},
      {"commune_code", {"commune_code", "address", "address_complement", "postcode"}},
      {"rsa_status", {"rsa_status"}},
      {"allowances", {"allowances"}},
      {"education_level", {"education_level"}},
      {"last_job", {"last_job"}},
      {"last_job_end", {"last_job_end"}},
      {"languages", {"languages"}},
      {"caf_role", {"caf_role"}}};
  return groups;
}

json::value to_json(const store::Value& v) {
  if (std::holds_alternative<std::int64_t>(v)) return std::get<std::int64_t>(v);
  if (std::holds_alternative<std::string>(v)) return json::value(std::get<std::string>(v));
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  return nullptr;
}

store::Value from_json(const json::value& v) {
  if (v.is_int64()) return v.as_int64();
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_double()) return v.as_double();
  return nullptr;
}

bool empty_value(const store::Value& v) {
  if (std::holds_alternative<std::nullptr_t>(v)) return true;
  if (auto* s = std::get_if<std::string>(&v)) return s->empty();
  return false;
}

std::vector<store::Value> columns_of(store::Connection& conn, std::int64_t person_id,
                                     const FieldGroup& group) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < group.columns.size(); ++i) {
    sql += (i ? ", " : "") + std::string(group.columns[i]);
  }
  auto row = conn.query_one(sql + " FROM persons WHERE id = $1", {person_id});
  std::vector<store::Value> values;
  for (std::size_t i = 0; i < group.columns.size(); ++i) values.push_back(row->value(i));
  return values;
}

void set_columns(store::Connection& conn, std::int64_t person_id, const FieldGroup& group,
                 const std::vector<store::Value>& values) {
  std::string sql = "UPDATE persons SET ";
  store::Params params{person_id};
  for (std::size_t i = 0; i < group.columns.size(); ++i) {
    params.add(values[i]);
    sql += (i ? ", " : "") + std::string(group.columns[i]) + " = $" +
           std::to_string(params.values().size());
  }
  conn.execute(sql + " WHERE id = $1", params);
}

json::value source_row(store::Connection& conn, std::int64_t person_id, const char* field) {
  // The field's own row, else the record's creation row if the field was given then.
  auto r = conn.query_one(
      "SELECT source, user_id, organisation_id, file_name, at FROM person_field_sources "
      "WHERE person_id = $1 AND (field = $2 OR (field = $3 AND ' ' || fields || ' ' LIKE "
      "'% ' || $2 || ' %')) ORDER BY field = $3 LIMIT 1",
      {person_id, field, kCreationSource});
  if (!r) return nullptr;
  return json::object{{"source", r->text(0)},
                      {"user_id", to_json(r->value(1))},
                      {"organisation_id", to_json(r->value(2))},
                      {"file_name", to_json(r->value(3))},
                      {"at", r->integer(4)}};
}

void put_source(store::Connection& conn, std::int64_t person_id, const char* field,
                const json::value& source) {
  conn.execute("DELETE FROM person_field_sources WHERE person_id = $1 AND field = $2",
               {person_id, field});
  if (!source.is_object()) return;
  const auto& s = source.as_object();
  conn.execute(
      "INSERT INTO person_field_sources (person_id, field, source, user_id, organisation_id, "
      "file_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {person_id, field, from_json(s.at("source")), from_json(s.at("user_id")),
       from_json(s.at("organisation_id")), from_json(s.at("file_name")), from_json(s.at("at"))});
}

// Tables whose rows hang on a journey and name its person: they follow the merged record's
// journeys to the kept one, and come back on undo (snapshot key: the ids moved).
constexpr std::pair<const char*, const char*> kFollowJourneys[] = {
    {"appointments", "appointments_moved"},
    {"commitments", "commitments_moved"},
    {"outcomes", "outcomes_moved"},
};

json::array int_array(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_array() ? v->as_array() : json::array{};
}

}  // namespace

std::optional<MergeRecord> find_merge(store::Connection& conn, std::int64_t merge_id) {
  auto r = conn.query_one(
      "SELECT id, kept_id, merged_id, user_id, at, undone_at FROM person_merges WHERE id = $1",
      {merge_id});
  if (!r) return std::nullopt;
  return MergeRecord{r->integer(0), r->integer(1), r->integer(2),
                     r->integer(3), r->integer(4), r->opt_integer(5)};
}

std::vector<MergeRecord> merges_into(store::Connection& conn, std::int64_t kept_id) {
  std::vector<MergeRecord> out;
  for (const auto& r : conn.query("SELECT id, kept_id, merged_id, user_id, at, undone_at FROM "
                                  "person_merges WHERE kept_id = $1 ORDER BY at DESC, id DESC",
                                  {kept_id})) {
    out.push_back(
        {r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.integer(4), r.opt_integer(5)});
  }
  return out;
}

Result<std::int64_t> merge_persons(store::Connection& conn, std::int64_t kept_id,
                                   std::int64_t merged_id, std::int64_t actor_id) {
  if (kept_id == merged_id) {
    return fail(ErrorCode::kInvalid, "Choisissez une autre fiche que celle-ci.", "other_id");
  }
  return atomically(conn, [&]() -> Result<std::int64_t> {
    auto kept = find_person(conn, kept_id);
    auto merged = find_person(conn, merged_id);
    if (!kept || !merged) return fail(ErrorCode::kNotFound, "Personne introuvable.");
    if (kept->merged_into || merged->merged_into) {
      return fail(ErrorCode::kInvalid, "L’une des deux fiches a déjà été fusionnée.", "other_id");
    }
    std::int64_t now = now_seconds();
    json::object snapshot;

    // The merged record leaves the unique indexes first, so its identifiers can move.
    conn.execute("UPDATE persons SET merged_into = $2, updated_at = $3 WHERE id = $1",
                 {merged_id, kept_id, now});

    json::object fields;
    for (const FieldGroup& group : taken_fields()) {
      if (group.field == std::string("internal_id") && kept->territory_id != merged->territory_id) {
        continue;  // a département's id means nothing in another territory
      }
      auto mine = columns_of(conn, kept_id, group);
      auto theirs = columns_of(conn, merged_id, group);
      if (!empty_value(mine[0]) || empty_value(theirs[0])) continue;
      json::array before;
      for (const auto& v : mine) before.push_back(to_json(v));
      json::array after;
      for (const auto& v : theirs) after.push_back(to_json(v));
      fields[group.field] = json::object{{"before", std::move(before)},
                                         {"after", std::move(after)},
                                         {"source", source_row(conn, kept_id, group.field)}};
      set_columns(conn, kept_id, group, theirs);
      put_source(conn, kept_id, group.field, source_row(conn, merged_id, group.field));
    }
    snapshot["fields"] = std::move(fields);

    json::array moved, closed, members_added;
    for (const Journey& j : journeys_of(conn, merged_id)) {
      if (j.active()) {
        if (auto mine = active_journey(conn, kept_id, j.territory_id)) {
          conn.execute(
              "UPDATE journeys SET status = 'closed', closed_at = $2, close_reason = 'merged', "
              "transferred_to = $3 WHERE id = $1",
              {j.id, now, mine->id});
          closed.push_back(json::object{{"id", j.id}, {"status", j.status}});
          for (const auto& r :
               conn.query("SELECT user_id, organisation_id FROM journey_members m WHERE "
                          "journey_id = $1 AND left_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                          "journey_members k WHERE k.journey_id = $2 AND k.user_id = m.user_id AND "
                          "k.left_at IS NULL) ORDER BY id",
                          {j.id, mine->id})) {
            auto row = conn.query_one(
                "INSERT INTO journey_members (journey_id, user_id, organisation_id, role, "
                "joined_at, added_by) VALUES ($1, $2, $3, 'member', $4, $5) RETURNING id",
                {mine->id, r.integer(0), r.integer(1), now, actor_id});
            members_added.push_back(row->integer(0));
          }
          touch_journey(conn, mine->id);
        }
      }
      conn.execute("UPDATE journeys SET person_id = $2 WHERE id = $1", {j.id, kept_id});
      moved.push_back(j.id);
    }
    snapshot["journeys_moved"] = std::move(moved);
    snapshot["journeys_closed"] = std::move(closed);
    snapshot["members_added"] = std::move(members_added);

    json::array objections;
    for (const auto& r : conn.query(
             "SELECT organisation_id FROM person_objections o WHERE person_id = $1 AND NOT EXISTS "
             "(SELECT 1 FROM person_objections k WHERE k.person_id = $2 AND "
             "k.organisation_id = o.organisation_id)",
             {merged_id, kept_id})) {
      conn.execute(
          "INSERT INTO person_objections (person_id, organisation_id, at) VALUES ($1, $2, $3)",
          {kept_id, r.integer(0), now});
      objections.push_back(r.integer(0));
    }
    snapshot["objections_added"] = std::move(objections);

    // The referrals follow the person (their journeys moved above). The spouse relation of the
    // CAF flux: the kept record takes the merged one's spouse when it has none, and whoever had
    // the merged record as spouse now points at the kept one.
    json::array referrals;
    for (const auto& r :
         conn.query("SELECT id FROM referrals WHERE person_id = $1 ORDER BY id", {merged_id})) {
      referrals.push_back(r.integer(0));
    }
    conn.execute("UPDATE referrals SET person_id = $2 WHERE person_id = $1", {merged_id, kept_id});
    snapshot["referrals_moved"] = std::move(referrals);
    // So do the rows that hang on their journeys and name the person too: appointments (the
    // person's space and reminders read them by person), commitments and outcomes.
    for (const auto& [table, key] : kFollowJourneys) {
      json::array ids;
      for (const auto& r :
           conn.query(fmt::format("SELECT id FROM {} WHERE person_id = $1 ORDER BY id", table),
                      {merged_id})) {
        ids.push_back(r.integer(0));
      }
      conn.execute(fmt::format("UPDATE {} SET person_id = $2 WHERE person_id = $1", table),
                   {merged_id, kept_id});
      snapshot[key] = std::move(ids);
    }
    auto spouses = conn.query_one(
        "SELECT k.spouse_id, m.spouse_id FROM persons k, persons m "
        "WHERE k.id = $1 AND m.id = $2",
        {kept_id, merged_id});
    if (!spouses->opt_integer(0) && spouses->opt_integer(1) &&
        *spouses->opt_integer(1) != kept_id) {
      conn.execute("UPDATE persons SET spouse_id = $2 WHERE id = $1",
                   {kept_id, *spouses->opt_integer(1)});
      snapshot["spouse_taken"] = json::object{{"spouse_id", *spouses->opt_integer(1)},
                                              {"source", source_row(conn, kept_id, "spouse_id")}};
      put_source(conn, kept_id, "spouse_id", source_row(conn, merged_id, "spouse_id"));
    }
    json::array spouses_of_merged;
    for (const auto& r :
         conn.query("SELECT id FROM persons WHERE spouse_id = $1 AND id <> $2 ORDER BY id",
                    {merged_id, kept_id})) {
      spouses_of_merged.push_back(r.integer(0));
    }
    conn.execute("UPDATE persons SET spouse_id = $2 WHERE spouse_id = $1 AND id <> $2",
                 {merged_id, kept_id});
    snapshot["spouses_repointed"] = std::move(spouses_of_merged);

    conn.execute("UPDATE persons SET updated_at = $2 WHERE id = $1", {kept_id, now});
    sync_terms(conn, merged_id);
    sync_terms(conn, kept_id);
    auto row = conn.query_one(
        "INSERT INTO person_merges (kept_id, merged_id, snapshot, user_id, at) VALUES ($1, $2, "
        "$3, $4, $5) RETURNING id",
        {kept_id, merged_id, json::serialize(snapshot), actor_id, now});
    std::int64_t merge_id = row->integer(0);
    append_person_event(conn, kPersonMerged, kept_id, kept->territory_id, actor_id,
                        {{"merge_id", merge_id}, {"merged_id", merged_id}});
    append_person_event(conn, kPersonMerged, merged_id, merged->territory_id, actor_id,
                        {{"merge_id", merge_id}, {"kept_id", kept_id}});
    return merge_id;
  });
}

Result<void> unmerge(store::Connection& conn, std::int64_t merge_id, std::int64_t actor_id) {
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto merge = find_merge(conn, merge_id);
    if (!merge) return fail(ErrorCode::kNotFound, "Fusion introuvable.");
    std::int64_t now = now_seconds();
    if (merge->undone_at) return fail(ErrorCode::kConflict, "Cette fusion a déjà été annulée.");
    if (!merge->undoable(now)) {
      return fail(ErrorCode::kConflict,
                  "Cette fusion date de plus de 30 jours : elle ne peut plus être annulée.");
    }
    auto kept = find_person(conn, merge->kept_id);
    auto merged = find_person(conn, merge->merged_id);
    if (!kept || !merged || merged->merged_into != kept->id) {
      return fail(ErrorCode::kConflict, "Les fiches ont changé depuis la fusion.");
    }
    if (kept->merged_into) {
      return fail(ErrorCode::kConflict,
                  "Cette fiche a depuis été fusionnée dans une autre : annulez d’abord cette "
                  "fusion-là.");
    }
    auto snapshot_row =
        conn.query_one("SELECT snapshot FROM person_merges WHERE id = $1", {merge_id});
    json::object snapshot = json::parse(snapshot_row->text(0)).as_object();

    // Values taken from the merged record go back, unless changed since the merge.
    const auto& fields = snapshot["fields"].as_object();
    for (const FieldGroup& group : taken_fields()) {
      const auto* taken = fields.if_contains(group.field);
      if (!taken) continue;
      const auto& t = taken->as_object();
      auto now_values = columns_of(conn, kept->id, group);
      const auto& after = t.at("after").as_array();
      bool unchanged = true;
      for (std::size_t i = 0; i < now_values.size(); ++i) {
        unchanged = unchanged && to_json(now_values[i]) == after[i];
      }
      if (!unchanged) continue;
      std::vector<store::Value> before;
      for (const auto& v : t.at("before").as_array()) before.push_back(from_json(v));
      set_columns(conn, kept->id, group, before);
      put_source(conn, kept->id, group.field, t.at("source"));
    }
    for (const auto& id : int_array(snapshot, "members_added")) {
      conn.execute(
          "UPDATE journey_members SET left_at = $2, left_reason = 'Annulation de la fusion' "
          "WHERE id = $1 AND left_at IS NULL",
          {id.as_int64(), now});
    }
    for (const auto& id : int_array(snapshot, "journeys_moved")) {
      conn.execute("UPDATE journeys SET person_id = $2 WHERE id = $1", {id.as_int64(), merged->id});
    }
    for (const auto& c : int_array(snapshot, "journeys_closed")) {
      const auto& closed = c.as_object();
      conn.execute(
          "UPDATE journeys SET status = $2, closed_at = NULL, close_reason = NULL, "
          "transferred_to = NULL WHERE id = $1",
          {closed.at("id").as_int64(), std::string(closed.at("status").as_string())});
    }
    for (const auto& r : int_array(snapshot, "referrals_moved")) {
      conn.execute("UPDATE referrals SET person_id = $2 WHERE id = $1 AND person_id = $3",
                   {r.as_int64(), merged->id, kept->id});
    }
    for (const auto& [table, key] : kFollowJourneys) {
      for (const auto& r : int_array(snapshot, key)) {
        conn.execute(
            fmt::format("UPDATE {} SET person_id = $2 WHERE id = $1 AND person_id = $3", table),
            {r.as_int64(), merged->id, kept->id});
      }
    }
    if (const auto* taken = snapshot.if_contains("spouse_taken")) {
      const auto& t = taken->as_object();
      // Unless changed since the merge.
      if (conn.execute("UPDATE persons SET spouse_id = NULL WHERE id = $1 AND spouse_id = $2",
                       {kept->id, t.at("spouse_id").as_int64()}) > 0) {
        put_source(conn, kept->id, "spouse_id", t.at("source"));
      }
    }
    for (const auto& id : int_array(snapshot, "spouses_repointed")) {
      conn.execute("UPDATE persons SET spouse_id = $2 WHERE id = $1 AND spouse_id = $3",
                   {id.as_int64(), merged->id, kept->id});
    }
    for (const auto& org : int_array(snapshot, "objections_added")) {
      conn.execute("DELETE FROM person_objections WHERE person_id = $1 AND organisation_id = $2",
                   {kept->id, org.as_int64()});
    }
    conn.execute("UPDATE persons SET merged_into = NULL, updated_at = $2 WHERE id = $1",
                 {merged->id, now});
    conn.execute("UPDATE person_merges SET undone_at = $2, undone_by = $3 WHERE id = $1",
                 {merge_id, now, actor_id});
    sync_terms(conn, kept->id);
    sync_terms(conn, merged->id);
    append_person_event(conn, kPersonUnmerged, kept->id, kept->territory_id, actor_id,
                        {{"merge_id", merge_id}, {"merged_id", merged->id}});
    append_person_event(conn, kPersonUnmerged, merged->id, merged->territory_id, actor_id,
                        {{"merge_id", merge_id}, {"kept_id", kept->id}});
    return merge_id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace parcours::people
