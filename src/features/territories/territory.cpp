#include "features/territories/territory.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "core/atomic.h"
#include "core/changes.h"
#include "core/clock.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/geo/communes.h"

namespace parcours::territories {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxNameLength = 120;

Territory territory_from_row(const store::Row& row) {
  Territory t;
  t.id = row.integer(0);
  t.slug = row.text(1);
  t.name = row.text(2);
  t.settings.orientation_deadline_days = static_cast<int>(row.integer(3));
  t.settings.working_days = row.boolean(4);
  t.settings.retention_months = static_cast<int>(row.integer(5));
  return t;
}

constexpr const char* kSelect =
    "SELECT id, slug, name, orientation_deadline_days, deadline_working_days, retention_months "
    "FROM territories";

void attach_departements(store::Connection& conn, std::vector<Territory>& territories) {
  for (auto& t : territories) {
    for (const auto& row : conn.query("SELECT departement_code FROM territory_departements "
                                      "WHERE territory_id = $1 ORDER BY departement_code",
                                      {t.id})) {
      t.departements.push_back(row.text(0));
    }
  }
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

json::array json_list(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

struct Validated {
  std::string name;
  std::string slug;
  std::vector<std::string> departements;
  Settings settings;
};

Result<Settings> validate_settings(const TerritoryForm& form) {
  Settings s;
  auto days = parse_int_field(form.orientation_deadline_days, 1, 365, "orientation_deadline_days",
                              "Le délai d’orientation");
  if (!days) return std::unexpected(days.error());
  s.orientation_deadline_days = *days;
  if (form.deadline_mode != "calendar" && form.deadline_mode != "working") {
    return fail(ErrorCode::kInvalid,
                "Choisissez si le délai se compte en jours calendaires ou en jours ouvrés.",
                "deadline_mode");
  }
  s.working_days = form.deadline_mode == "working";
  auto months = parse_int_field(form.retention_months, 1, 120, "retention_months",
                                "La durée de conservation");
  if (!months) return std::unexpected(months.error());
  s.retention_months = *months;
  return s;
}

// Validates the identity part; `self` is the territory being edited (0 on creation).
Result<Validated> validate_identity(store::Connection& conn, const TerritoryForm& form,
                                    std::int64_t self) {
  Validated v;
  v.name = text::trim(form.name);
  if (v.name.empty()) return fail(ErrorCode::kInvalid, "Indiquez le nom du territoire.", "name");
  if (v.name.size() > kMaxNameLength) {
    return fail(ErrorCode::kInvalid, "Le nom du territoire ne doit pas dépasser 120 caractères.",
                "name");
  }
  std::string slug = text::trim(form.slug);
  v.slug = slug.empty() ? text::slugify(v.name) : slug;
  if (v.slug.empty() || text::slugify(v.slug) != v.slug) {
    return fail(ErrorCode::kInvalid,
                "L’identifiant ne doit contenir que des lettres minuscules sans accent, des "
                "chiffres et des tirets (par exemple « ardennes »).",
                "slug");
  }
  if (auto other = find_territory_by_slug(conn, v.slug); other && other->id != self) {
    return fail(
        ErrorCode::kConflict,
        "L’identifiant « " + v.slug + " » est déjà pris par le territoire " + other->name + ".",
        "slug");
  }

  std::string codes = form.departements;
  std::replace(codes.begin(), codes.end(), ';', ',');
  std::replace(codes.begin(), codes.end(), ' ', ',');
  std::size_t start = 0;
  while (start < codes.size()) {
    std::size_t end = codes.find(',', start);
    if (end == std::string::npos) end = codes.size();
    std::string code = text::trim(std::string_view(codes).substr(start, end - start));
    start = end + 1;
    if (code.empty()) continue;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (code.size() == 1 && std::isdigit(static_cast<unsigned char>(code[0])))
      code.insert(0, 1, '0');
    if (!geo::departement_exists(conn, code)) {
      return fail(ErrorCode::kInvalid,
                  "Département « " + code + " » inconnu : indiquez des codes comme 08, 2A ou 974.",
                  "departements");
    }
    auto owner = conn.query_one(
        "SELECT t.id, t.name FROM territory_departements d JOIN territories t ON t.id = "
        "d.territory_id WHERE d.departement_code = $1",
        {code});
    if (owner && owner->integer(0) != self) {
      return fail(
          ErrorCode::kConflict,
          "Le département " + code + " est déjà couvert par le territoire " + owner->text(1) + ".",
          "departements");
    }
    if (std::find(v.departements.begin(), v.departements.end(), code) == v.departements.end()) {
      v.departements.push_back(code);
    }
  }
  if (v.departements.empty()) {
    return fail(ErrorCode::kInvalid, "Indiquez au moins un département couvert (par exemple 08).",
                "departements");
  }
  std::sort(v.departements.begin(), v.departements.end());
  return v;
}

Result<std::int64_t> conflict_from(const store::StoreError& e) {
  if (!e.unique_violation()) throw e;
  return fail(ErrorCode::kConflict,
              "Ce territoire ou l’un de ses départements existe déjà : rechargez la page.");
}

}  // namespace

Result<int> parse_int_field(const std::string& value, int min, int max, const std::string& field,
                            const std::string& label) {
  std::string trimmed = text::trim(value);
  int parsed = 0;
  auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), parsed);
  if (trimmed.empty() || ec != std::errc() || end != trimmed.data() + trimmed.size() ||
      parsed < min || parsed > max) {
    return fail(ErrorCode::kInvalid,
                label + " doit être un nombre entier entre " + std::to_string(min) + " et " +
                    std::to_string(max) + ".",
                field);
  }
  return parsed;
}

TerritoryForm form_of(const Territory& t) {
  return {.name = t.name,
          .slug = t.slug,
          .departements = join(t.departements, ", "),
          .orientation_deadline_days = std::to_string(t.settings.orientation_deadline_days),
          .deadline_mode = t.settings.working_days ? "working" : "calendar",
          .retention_months = std::to_string(t.settings.retention_months)};
}

std::vector<Territory> list_territories(store::Connection& conn) {
  std::vector<Territory> out;
  for (const auto& row : conn.query(std::string(kSelect) + " ORDER BY name")) {
    out.push_back(territory_from_row(row));
  }
  attach_departements(conn, out);
  return out;
}

std::optional<Territory> find_territory(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(std::string(kSelect) + " WHERE id = $1", {id});
  if (!row) return std::nullopt;
  std::vector<Territory> one{territory_from_row(*row)};
  attach_departements(conn, one);
  return std::move(one.front());
}

std::optional<Territory> find_territory_by_slug(store::Connection& conn, const std::string& slug) {
  auto row = conn.query_one(std::string(kSelect) + " WHERE slug = $1", {slug});
  if (!row) return std::nullopt;
  std::vector<Territory> one{territory_from_row(*row)};
  attach_departements(conn, one);
  return std::move(one.front());
}

Result<std::int64_t> create_territory(store::Connection& conn, const TerritoryForm& form,
                                      std::optional<std::int64_t> actor_id) {
  try {
    return atomically(conn, [&]() -> Result<std::int64_t> {
      auto identity = validate_identity(conn, form, 0);
      if (!identity) return std::unexpected(identity.error());
      auto settings = validate_settings(form);
      if (!settings) return std::unexpected(settings.error());
      std::int64_t now = now_seconds();
      auto row = conn.query_one(
          "INSERT INTO territories (slug, name, orientation_deadline_days, deadline_working_days, "
          "retention_months, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) "
          "RETURNING id",
          {identity->slug, identity->name,
           static_cast<std::int64_t>(settings->orientation_deadline_days),
           store::boolean(settings->working_days),
           static_cast<std::int64_t>(settings->retention_months), now});
      std::int64_t id = row->integer(0);
      for (const auto& code : identity->departements) {
        conn.execute(
            "INSERT INTO territory_departements (territory_id, departement_code) "
            "VALUES ($1, $2)",
            {id, code});
      }
      json::object payload{{"territory_id", id},
                           {"slug", identity->slug},
                           {"name", identity->name},
                           {"departements", json_list(identity->departements)},
                           {"orientation_deadline_days", settings->orientation_deadline_days},
                           {"deadline_working_days", settings->working_days},
                           {"retention_months", settings->retention_months}};
      store::append_event(conn, {.kind = "territory.created",
                                 .territory_id = id,
                                 .actor_id = actor_id,
                                 .payload_json = json::serialize(payload)});
      return id;
    });
  } catch (const store::StoreError& e) {
    return conflict_from(e);
  }
}

Result<void> update_territory(store::Connection& conn, std::int64_t id, const TerritoryForm& form,
                              bool settings_only, std::optional<std::int64_t> actor_id) {
  try {
    auto done = atomically(conn, [&]() -> Result<std::int64_t> {
      auto current = find_territory(conn, id);
      if (!current) return fail(ErrorCode::kNotFound, "Territoire introuvable.");
      Validated next{current->name, current->slug, current->departements, {}};
      if (!settings_only) {
        auto identity = validate_identity(conn, form, id);
        if (!identity) return std::unexpected(identity.error());
        next = *identity;
      }
      auto settings = validate_settings(form);
      if (!settings) return std::unexpected(settings.error());
      next.settings = *settings;

      Changes changes;
      changes.compare("name", current->name, next.name);
      changes.compare("slug", current->slug, next.slug);
      changes.compare("departements", json_list(current->departements),
                      json_list(next.departements));
      changes.compare("orientation_deadline_days", current->settings.orientation_deadline_days,
                      next.settings.orientation_deadline_days);
      changes.compare("deadline_working_days", current->settings.working_days,
                      next.settings.working_days);
      changes.compare("retention_months", current->settings.retention_months,
                      next.settings.retention_months);
      if (changes.empty()) return id;

      conn.execute(
          "UPDATE territories SET name = $2, slug = $3, orientation_deadline_days = $4, "
          "deadline_working_days = $5, retention_months = $6, updated_at = $7 WHERE id = $1",
          {id, next.name, next.slug,
           static_cast<std::int64_t>(next.settings.orientation_deadline_days),
           store::boolean(next.settings.working_days),
           static_cast<std::int64_t>(next.settings.retention_months), now_seconds()});
      if (changes.touches("departements")) {
        conn.execute("DELETE FROM territory_departements WHERE territory_id = $1", {id});
        for (const auto& code : next.departements) {
          conn.execute(
              "INSERT INTO territory_departements (territory_id, departement_code) "
              "VALUES ($1, $2)",
              {id, code});
        }
      }
      store::append_event(conn, {.kind = "territory.updated",
                                 .territory_id = id,
                                 .actor_id = actor_id,
                                 .payload_json = changes.to_json({{"territory_id", id}})});
      return id;
    });
    if (!done) return std::unexpected(done.error());
    return {};
  } catch (const store::StoreError& e) {
    auto conflict = conflict_from(e);
    return std::unexpected(conflict.error());
  }
}

}  // namespace parcours::territories
