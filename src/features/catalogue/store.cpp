// Structures and services in the database: upserts by (source, data·inclusion id) that tell
// whether anything changed, and reads. Lists are stored as JSON arrays of codes (text).
#include <boost/json.hpp>

#include "core/clock.h"
#include "features/catalogue/service.h"

namespace parcours::catalogue {

namespace json = boost::json;

const char* const kServiceColumns =
    "s.id, s.source, s.di_id, s.structure_id, st.di_id, s.status, s.nom, s.description, s.type, "
    "s.thematiques, s.frais, s.frais_precisions, s.publics, s.publics_precisions, "
    "s.conditions_acces, s.modes_accueil, s.zone_eligibilite, s.adresse, s.complement_adresse, "
    "s.code_postal, s.commune, s.code_insee, s.latitude, s.longitude, s.contact_nom_prenom, "
    "s.courriel, s.telephone, s.modes_mobilisation, s.mobilisable_par, "
    "s.mobilisation_precisions, s.lien_mobilisation, s.lien_source, s.horaires_accueil, "
    "s.volume_horaire_hebdomadaire, s.nombre_semaines, s.date_maj, s.score_qualite, "
    "s.created_by, s.updated_by, s.reminded_at, s.created_at, s.updated_at";

namespace {

constexpr const char* kServiceFrom =
    " FROM services s JOIN structures st ON st.id = s.structure_id";

constexpr const char* kStructureColumns =
    "id, source, di_id, organisation_id, nom, description, siret, adresse, complement_adresse, "
    "code_postal, commune, code_insee, latitude, longitude, telephone, courriel, site_web, "
    "lien_source, horaires_accueil, accessibilite_lieu, reseaux_porteurs, date_maj, created_at, "
    "updated_at";

std::string list_json(const std::vector<std::string>& list) {
  json::array array;
  for (const auto& item : list) array.emplace_back(item);
  return json::serialize(array);
}

std::vector<std::string> parse_list(const std::string& text) {
  std::vector<std::string> list;
  if (text.empty()) return list;
  auto value = json::parse(text);
  for (const auto& item : value.as_array()) {
    if (item.is_string()) list.emplace_back(item.as_string());
  }
  return list;
}

std::optional<double> opt_real(const store::Row& row, std::size_t i) {
  if (row.is_null(i)) return std::nullopt;
  return row.real(i);
}

store::Value opt_value(const std::optional<double>& v) {
  return v ? store::Value{*v} : store::Value{nullptr};
}

Structure structure_from_row(const store::Row& row) {
  Structure s;
  s.id = row.integer(0);
  s.source = row.text(1);
  s.di_id = row.text(2);
  s.organisation_id = row.opt_integer(3);
  s.nom = row.text(4);
  s.description = row.opt_text(5);
  s.siret = row.opt_text(6);
  s.adresse = row.opt_text(7);
  s.complement_adresse = row.opt_text(8);
  s.code_postal = row.opt_text(9);
  s.commune = row.opt_text(10);
  s.code_insee = row.opt_text(11);
  s.latitude = opt_real(row, 12);
  s.longitude = opt_real(row, 13);
  s.telephone = row.opt_text(14);
  s.courriel = row.opt_text(15);
  s.site_web = row.opt_text(16);
  s.lien_source = row.opt_text(17);
  s.horaires_accueil = row.opt_text(18);
  s.accessibilite_lieu = row.opt_text(19);
  s.reseaux_porteurs = parse_list(row.text(20));
  s.date_maj = row.text(21);
  s.created_at = row.integer(22);
  s.updated_at = row.integer(23);
  return s;
}

// The stored content of a structure (what an upsert compares), in the order of the columns
// after (source, di_id).
std::vector<store::Value> structure_content(const Structure& s) {
  return {store::opt(s.organisation_id),
          s.nom,
          store::opt(s.description),
          store::opt(s.siret),
          store::opt(s.adresse),
          store::opt(s.complement_adresse),
          store::opt(s.code_postal),
          store::opt(s.commune),
          store::opt(s.code_insee),
          opt_value(s.latitude),
          opt_value(s.longitude),
          store::opt(s.telephone),
          store::opt(s.courriel),
          store::opt(s.site_web),
          store::opt(s.lien_source),
          store::opt(s.horaires_accueil),
          store::opt(s.accessibilite_lieu),
          list_json(s.reseaux_porteurs),
          s.date_maj};
}

constexpr const char* kStructureContentColumns[] = {"organisation_id",
                                                    "nom",
                                                    "description",
                                                    "siret",
                                                    "adresse",
                                                    "complement_adresse",
                                                    "code_postal",
                                                    "commune",
                                                    "code_insee",
                                                    "latitude",
                                                    "longitude",
                                                    "telephone",
                                                    "courriel",
                                                    "site_web",
                                                    "lien_source",
                                                    "horaires_accueil",
                                                    "accessibilite_lieu",
                                                    "reseaux_porteurs",
                                                    "date_maj"};

std::vector<store::Value> service_content(const Service& s) {
  return {s.structure_id,
          s.status,
          s.nom,
          s.description,
          store::opt(s.type),
          list_json(s.thematiques),
          store::opt(s.frais),
          store::opt(s.frais_precisions),
          list_json(s.publics),
          store::opt(s.publics_precisions),
          store::opt(s.conditions_acces),
          list_json(s.modes_accueil),
          list_json(s.zone_eligibilite),
          store::opt(s.adresse),
          store::opt(s.complement_adresse),
          store::opt(s.code_postal),
          store::opt(s.commune),
          store::opt(s.code_insee),
          opt_value(s.latitude),
          opt_value(s.longitude),
          store::opt(s.contact_nom_prenom),
          store::opt(s.courriel),
          store::opt(s.telephone),
          list_json(s.modes_mobilisation),
          list_json(s.mobilisable_par),
          store::opt(s.mobilisation_precisions),
          store::opt(s.lien_mobilisation),
          store::opt(s.lien_source),
          store::opt(s.horaires_accueil),
          opt_value(s.volume_horaire_hebdomadaire),
          store::opt(s.nombre_semaines),
          s.date_maj};
}

constexpr const char* kServiceContentColumns[] = {"structure_id",
                                                  "status",
                                                  "nom",
                                                  "description",
                                                  "type",
                                                  "thematiques",
                                                  "frais",
                                                  "frais_precisions",
                                                  "publics",
                                                  "publics_precisions",
                                                  "conditions_acces",
                                                  "modes_accueil",
                                                  "zone_eligibilite",
                                                  "adresse",
                                                  "complement_adresse",
                                                  "code_postal",
                                                  "commune",
                                                  "code_insee",
                                                  "latitude",
                                                  "longitude",
                                                  "contact_nom_prenom",
                                                  "courriel",
                                                  "telephone",
                                                  "modes_mobilisation",
                                                  "mobilisable_par",
                                                  "mobilisation_precisions",
                                                  "lien_mobilisation",
                                                  "lien_source",
                                                  "horaires_accueil",
                                                  "volume_horaire_hebdomadaire",
                                                  "nombre_semaines",
                                                  "date_maj"};

// Whether two stored values are equal; numbers compare as numbers (an integer column may come
// back as a double and the other way round).
bool same_value(const store::Value& a, const store::Value& b) {
  auto number = [](const store::Value& v) -> std::optional<double> {
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    return std::nullopt;
  };
  auto na = number(a), nb = number(b);
  if (na && nb) return *na == *nb;
  return a == b;
}

// Reads the content columns of a stored row as Values comparable with *_content().
std::vector<store::Value> stored_content(store::Connection& conn, const char* table,
                                         const char* const* columns, std::size_t count,
                                         std::int64_t id) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < count; ++i) sql += (i ? ", " : "") + std::string(columns[i]);
  sql += std::string(" FROM ") + table + " WHERE id = $1";
  auto row = conn.query_one(sql, {id});
  std::vector<store::Value> values;
  for (std::size_t i = 0; i < count; ++i) values.push_back(row->value(i));
  return values;
}

bool same_content(const std::vector<store::Value>& stored, const std::vector<store::Value>& now) {
  for (std::size_t i = 0; i < stored.size(); ++i) {
    // Text that PostgreSQL returns for a number column is parsed back before comparing.
    const auto* text = std::get_if<std::string>(&stored[i]);
    if (text &&
        (std::holds_alternative<double>(now[i]) || std::holds_alternative<std::int64_t>(now[i]))) {
      store::Row row({stored[i]});
      if (row.real(0) != store::Row({now[i]}).real(0)) return false;
      continue;
    }
    if (!same_value(stored[i], now[i])) return false;
  }
  return true;
}

std::string assignments(const char* const* columns, std::size_t count, std::size_t first_param) {
  std::string sql;
  for (std::size_t i = 0; i < count; ++i) {
    sql += (i ? ", " : "") + std::string(columns[i]) + " = $" + std::to_string(first_param + i);
  }
  return sql;
}

std::string column_list(const char* const* columns, std::size_t count) {
  std::string sql;
  for (std::size_t i = 0; i < count; ++i) sql += (i ? ", " : "") + std::string(columns[i]);
  return sql;
}

std::string placeholders(std::size_t first, std::size_t count) {
  std::string sql;
  for (std::size_t i = 0; i < count; ++i) sql += (i ? ", $" : "$") + std::to_string(first + i);
  return sql;
}

}  // namespace

Service service_from_row(const store::Row& row) {
  Service s;
  s.id = row.integer(0);
  s.source = row.text(1);
  s.di_id = row.text(2);
  s.structure_id = row.integer(3);
  s.structure_di_id = row.text(4);
  s.status = row.text(5);
  s.nom = row.text(6);
  s.description = row.text(7);
  s.type = row.opt_text(8);
  s.thematiques = parse_list(row.text(9));
  s.frais = row.opt_text(10);
  s.frais_precisions = row.opt_text(11);
  s.publics = parse_list(row.text(12));
  s.publics_precisions = row.opt_text(13);
  s.conditions_acces = row.opt_text(14);
  s.modes_accueil = parse_list(row.text(15));
  s.zone_eligibilite = parse_list(row.text(16));
  s.adresse = row.opt_text(17);
  s.complement_adresse = row.opt_text(18);
  s.code_postal = row.opt_text(19);
  s.commune = row.opt_text(20);
  s.code_insee = row.opt_text(21);
  s.latitude = opt_real(row, 22);
  s.longitude = opt_real(row, 23);
  s.contact_nom_prenom = row.opt_text(24);
  s.courriel = row.opt_text(25);
  s.telephone = row.opt_text(26);
  s.modes_mobilisation = parse_list(row.text(27));
  s.mobilisable_par = parse_list(row.text(28));
  s.mobilisation_precisions = row.opt_text(29);
  s.lien_mobilisation = row.opt_text(30);
  s.lien_source = row.opt_text(31);
  s.horaires_accueil = row.opt_text(32);
  s.volume_horaire_hebdomadaire = opt_real(row, 33);
  s.nombre_semaines = row.opt_integer(34);
  s.date_maj = row.text(35);
  s.score_qualite = row.real(36);
  s.created_by = row.opt_integer(37);
  s.updated_by = row.opt_integer(38);
  s.reminded_at = row.opt_integer(39);
  s.created_at = row.integer(40);
  s.updated_at = row.integer(41);
  return s;
}

bool upsert_structure(store::Connection& conn, Structure& s) {
  constexpr std::size_t n = std::size(kStructureContentColumns);
  auto content = structure_content(s);
  std::int64_t now = now_seconds();
  if (auto row = conn.query_one(
          "SELECT id, created_at, updated_at FROM structures WHERE source = $1 AND di_id = $2",
          {s.source, s.di_id})) {
    s.id = row->integer(0);
    s.created_at = row->integer(1);
    if (same_content(stored_content(conn, "structures", kStructureContentColumns, n, s.id),
                     content)) {
      s.updated_at = row->integer(2);
      return false;
    }
    store::Params params(content);
    params.add(now);
    params.add(s.id);
    conn.execute("UPDATE structures SET " + assignments(kStructureContentColumns, n, 1) +
                     ", updated_at = $" + std::to_string(n + 1) + " WHERE id = $" +
                     std::to_string(n + 2),
                 params);
    s.updated_at = now;
    return true;
  }
  store::Params params{s.source, s.di_id};
  for (auto& v : content) params.add(v);
  params.add(now);
  auto row = conn.query_one(
      "INSERT INTO structures (source, di_id, " + column_list(kStructureContentColumns, n) +
          ", created_at, updated_at) VALUES (" + placeholders(1, n + 2) + ", $" +
          std::to_string(n + 3) + ", $" + std::to_string(n + 3) + ") RETURNING id",
      params);
  s.id = row->integer(0);
  s.created_at = s.updated_at = now;
  return true;
}

Result<bool> upsert_service(store::Connection& conn, Service& s) {
  if (s.structure_id == 0) {
    auto structure = find_structure_by_di_id(conn, s.source, s.structure_di_id);
    if (!structure) {
      return fail(ErrorCode::kInvalid,
                  "structure_id : la structure « " + s.structure_di_id + " » est inconnue.",
                  "structure_id");
    }
    s.structure_id = structure->id;
  } else if (s.structure_di_id.empty()) {
    if (auto structure = find_structure(conn, s.structure_id)) s.structure_di_id = structure->di_id;
  }
  constexpr std::size_t n = std::size(kServiceContentColumns);
  s.score_qualite = quality_score(s);
  auto content = service_content(s);
  std::int64_t now = now_seconds();
  if (auto row = conn.query_one(
          "SELECT id, created_at, updated_at, score_qualite, created_by, reminded_at "
          "FROM services WHERE source = $1 AND di_id = $2",
          {s.source, s.di_id})) {
    s.id = row->integer(0);
    s.created_at = row->integer(1);
    s.created_by = row->opt_integer(4);
    s.reminded_at = row->opt_integer(5);
    if (same_content(stored_content(conn, "services", kServiceContentColumns, n, s.id), content)) {
      s.updated_at = row->integer(2);
      if (row->real(3) != s.score_qualite) {
        conn.execute("UPDATE services SET score_qualite = $1 WHERE id = $2",
                     {s.score_qualite, s.id});
      }
      return false;
    }
    store::Params params(content);
    params.add(s.score_qualite);
    params.add(store::opt(s.updated_by));
    params.add(now);
    params.add(s.id);
    conn.execute("UPDATE services SET " + assignments(kServiceContentColumns, n, 1) +
                     ", score_qualite = $" + std::to_string(n + 1) + ", updated_by = $" +
                     std::to_string(n + 2) + ", updated_at = $" + std::to_string(n + 3) +
                     " WHERE id = $" + std::to_string(n + 4),
                 params);
    s.updated_at = now;
    return true;
  }
  insert_service(conn, s);
  return true;
}

void insert_service(store::Connection& conn, Service& s) {
  constexpr std::size_t n = std::size(kServiceContentColumns);
  s.score_qualite = quality_score(s);
  std::int64_t now = now_seconds();
  store::Params params{s.source, s.di_id};
  for (auto& v : service_content(s)) params.add(v);
  params.add(s.score_qualite);
  params.add(store::opt(s.created_by));
  params.add(store::opt(s.updated_by));
  params.add(now);
  auto row = conn.query_one(
      "INSERT INTO services (source, di_id, " + column_list(kServiceContentColumns, n) +
          ", score_qualite, created_by, updated_by, created_at, updated_at) VALUES (" +
          placeholders(1, n + 5) + ", $" + std::to_string(n + 6) + ", $" + std::to_string(n + 6) +
          ") RETURNING id",
      params);
  s.id = row->integer(0);
  s.created_at = s.updated_at = now;
}

std::optional<Service> find_service(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(
      std::string("SELECT ") + kServiceColumns + kServiceFrom + " WHERE s.id = $1", {id});
  if (!row) return std::nullopt;
  return service_from_row(*row);
}

std::optional<Service> find_service_by_di_id(store::Connection& conn, std::string_view source,
                                             std::string_view di_id) {
  auto row = conn.query_one(std::string("SELECT ") + kServiceColumns + kServiceFrom +
                                " WHERE s.source = $1 AND s.di_id = $2",
                            {std::string(source), std::string(di_id)});
  if (!row) return std::nullopt;
  return service_from_row(*row);
}

std::vector<Service> structure_services(store::Connection& conn, std::int64_t structure_id) {
  std::vector<Service> services;
  for (const auto& row : conn.query(std::string("SELECT ") + kServiceColumns + kServiceFrom +
                                        " WHERE s.structure_id = $1 ORDER BY s.nom, s.id",
                                    {structure_id})) {
    services.push_back(service_from_row(row));
  }
  return services;
}

std::optional<Structure> find_structure(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(
      std::string("SELECT ") + kStructureColumns + " FROM structures WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return structure_from_row(*row);
}

std::optional<Structure> find_structure_by_di_id(store::Connection& conn, std::string_view source,
                                                 std::string_view di_id) {
  auto row = conn.query_one(std::string("SELECT ") + kStructureColumns +
                                " FROM structures WHERE source = $1 AND di_id = $2",
                            {std::string(source), std::string(di_id)});
  if (!row) return std::nullopt;
  return structure_from_row(*row);
}

std::optional<Structure> find_structure_by_organisation(store::Connection& conn,
                                                        std::int64_t organisation_id) {
  auto row = conn.query_one(
      std::string("SELECT ") + kStructureColumns + " FROM structures WHERE organisation_id = $1",
      {organisation_id});
  if (!row) return std::nullopt;
  return structure_from_row(*row);
}

}  // namespace parcours::catalogue
