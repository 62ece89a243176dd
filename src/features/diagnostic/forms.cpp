#include "features/diagnostic/forms.h"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/store/journal.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxDefinitionBytes = 200'000;

std::optional<StoredForm> from_row(const std::optional<store::Row>& row, std::string_view kind) {
  if (!row) return std::nullopt;
  auto parsed = parse_definition(row->text(3), kind);
  if (!parsed) return std::nullopt;
  StoredForm form{.id = row->integer(0),
                  .version = row->integer(1),
                  .territory_id = row->opt_integer(2),
                  .json = row->text(3),
                  .definition = std::move(*parsed),
                  .created_at = row->integer(4)};
  form.definition.version = form.version;
  return form;
}

constexpr const char* kColumns = "SELECT id, version, territory_id, definition, created_at, kind ";

// One canonical text per definition, so that re-seeding an unchanged file stores nothing.
std::string canonical(std::string_view text) {
  boost::system::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return std::string(text);
  value.as_object().erase("version");
  return json::serialize(value);
}

}  // namespace

std::string socle_commun_path() {
  return resource_dir("", "data/diagnostic") + "/socle_commun.json";
}

Result<SeedResult> seed_socle_commun(store::Connection& conn, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kInvalid, "Fichier introuvable : " + path, "source");
  std::stringstream content;
  content << in.rdbuf();
  auto parsed = parse_definition(content.str(), kSocleCommun);
  if (!parsed) {
    return fail(ErrorCode::kInvalid, path + " : " + parsed.error().message, "source");
  }
  std::string text = canonical(content.str());
  return atomically(conn, [&]() -> Result<SeedResult> {
    auto latest = current_socle_commun(conn);
    if (latest && canonical(latest->json) == text) return SeedResult{latest->version, false};
    std::int64_t version = latest ? latest->version + 1 : 1;
    conn.execute(
        "INSERT INTO diagnostic_forms (kind, territory_id, version, definition, created_at) "
        "VALUES ($1, NULL, $2, $3, $4)",
        {std::string(kSocleCommun), version, text, now_seconds()});
    store::append_event(conn, {.kind = "diagnostic.form_saved",
                               .payload_json = json::serialize(
                                   json::object{{"form", kSocleCommun}, {"version", version}})});
    return SeedResult{version, true};
  });
}

std::optional<StoredForm> current_socle_commun(store::Connection& conn) {
  return from_row(
      conn.query_one(std::string(kColumns) +
                         "FROM diagnostic_forms WHERE kind = $1 AND territory_id IS NULL "
                         "AND active = 1 ORDER BY version DESC LIMIT 1",
                     {std::string(kSocleCommun)}),
      kSocleCommun);
}

std::optional<StoredForm> current_territory_extra(store::Connection& conn,
                                                  std::int64_t territory_id) {
  return from_row(conn.query_one(std::string(kColumns) +
                                     "FROM diagnostic_forms WHERE kind = $1 AND territory_id = $2 "
                                     "AND active = 1 ORDER BY version DESC LIMIT 1",
                                 {std::string(kTerritoryExtra), territory_id}),
                  kTerritoryExtra);
}

std::optional<StoredForm> form_by_id(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(std::string(kColumns) + "FROM diagnostic_forms WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return from_row(row, row->text(5));
}

Result<StoredForm> save_territory_extra(store::Connection& conn, std::int64_t territory_id,
                                        std::string_view json_text, std::int64_t user_id) {
  if (json_text.size() > kMaxDefinitionBytes) {
    return fail(ErrorCode::kInvalid, "La définition dépasse 200 000 caractères.", "definition");
  }
  auto parsed = parse_definition(json_text, kTerritoryExtra);
  if (!parsed) return std::unexpected(parsed.error());
  std::string text = canonical(json_text);
  return atomically(conn, [&]() -> Result<StoredForm> {
    auto latest = current_territory_extra(conn, territory_id);
    if (latest && canonical(latest->json) == text) return *latest;
    std::int64_t version = latest ? latest->version + 1 : 1;
    conn.execute(
        "INSERT INTO diagnostic_forms (kind, territory_id, version, definition, created_by, "
        "created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        {kTerritoryExtra, territory_id, version, text, user_id, now_seconds()});
    store::append_event(conn, {.kind = "diagnostic.form_saved",
                               .territory_id = territory_id,
                               .actor_id = user_id,
                               .payload_json = json::serialize(
                                   json::object{{"form", kTerritoryExtra}, {"version", version}})});
    auto saved = current_territory_extra(conn, territory_id);
    if (!saved) return fail(ErrorCode::kInvalid, "Définition illisible.", "definition");
    return *saved;
  });
}

}  // namespace parcours::diagnostic
