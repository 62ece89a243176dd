// data·inclusion JSON <-> Service/Structure, and the field checks shared by imports and forms.
#include "features/catalogue/service.h"

#include <chrono>
#include <cmath>

#include "core/clock.h"
#include "core/text.h"

namespace parcours::catalogue {
namespace {

namespace json = boost::json;

// ---- reading JSON ----

// Reads one record's fields, remembering the first error (kind mismatch) per field.
class Reader {
 public:
  explicit Reader(const json::object& object) : object_(object) {}

  std::optional<std::string> opt_string(std::string_view field) {
    const auto* v = object_.if_contains(field);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) {
      add(field, "texte attendu.");
      return std::nullopt;
    }
    std::string s(v->as_string());
    if (s.empty()) return std::nullopt;
    return s;
  }

  std::string string(std::string_view field) { return opt_string(field).value_or(""); }

  std::optional<double> opt_number(std::string_view field) {
    const auto* v = object_.if_contains(field);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_double()) return v->as_double();
    if (v->is_int64()) return static_cast<double>(v->as_int64());
    if (v->is_uint64()) return static_cast<double>(v->as_uint64());
    add(field, "nombre attendu.");
    return std::nullopt;
  }

  std::optional<std::int64_t> opt_integer(std::string_view field) {
    const auto* v = object_.if_contains(field);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_int64()) return v->as_int64();
    if (v->is_uint64() && v->as_uint64() <= 1'000'000'000ULL) {
      return static_cast<std::int64_t>(v->as_uint64());
    }
    if (v->is_double() && std::floor(v->as_double()) == v->as_double() &&
        std::fabs(v->as_double()) < 1e9) {
      return static_cast<std::int64_t>(v->as_double());
    }
    add(field, "nombre entier attendu.");
    return std::nullopt;
  }

  std::vector<std::string> list(std::string_view field) {
    std::vector<std::string> values;
    const auto* v = object_.if_contains(field);
    if (!v || v->is_null()) return values;
    if (!v->is_array()) {
      add(field, "liste attendue.");
      return values;
    }
    for (const auto& item : v->as_array()) {
      if (!item.is_string()) {
        add(field, "liste de codes (textes) attendue.");
        return {};
      }
      values.emplace_back(item.as_string());
    }
    return values;
  }

  std::vector<Error>& errors() { return errors_; }

 private:
  void add(std::string_view field, std::string message) {
    errors_.push_back({ErrorCode::kInvalid, std::move(message), std::string(field)});
  }

  const json::object& object_;
  std::vector<Error> errors_;
};

// The first error, its message prefixed with the field's name.
std::unexpected<Error> first_error(const std::vector<Error>& errors) {
  const Error& e = errors.front();
  return fail(ErrorCode::kInvalid, e.field + " : " + e.message, e.field);
}

// ---- writing JSON ----

json::value value_of(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value value_of(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value value_of(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value value_of(const std::vector<std::string>& list) {
  json::array array;
  for (const auto& item : list) array.emplace_back(item);
  return array;
}

// ---- checks ----

std::size_t char_count(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

void check_length(std::vector<Error>& errors, std::string_view field, std::string_view value,
                  std::size_t min, std::size_t max) {
  std::size_t n = char_count(value);
  if (n < min || n > max) {
    errors.push_back({ErrorCode::kInvalid,
                      "entre " + std::to_string(min) + " et " + std::to_string(max) +
                          " caractères (" + std::to_string(n) + " saisis).",
                      std::string(field)});
  }
}

void check_required(std::vector<Error>& errors, std::string_view field, std::string_view value) {
  if (text::trim(value).empty()) {
    errors.push_back({ErrorCode::kInvalid, "ce champ est obligatoire.", std::string(field)});
  }
}

bool has_whitespace(std::string_view s) {
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  }
  return false;
}

bool looks_like_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  auto domain = s.substr(at + 1);
  auto dot = domain.find('.');
  return !has_whitespace(s) && dot != std::string_view::npos && dot > 0 &&
         dot + 1 < domain.size() && domain.back() != '.';
}

bool looks_like_uri(std::string_view s) {
  if (s.empty() || s.size() > 2083 || has_whitespace(s)) return false;
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-') {
      return false;
    }
  }
  return colon + 1 < s.size();
}

bool word_chars(std::string_view s) {
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

void check_email(std::vector<Error>& errors, std::string_view field,
                 const std::optional<std::string>& v) {
  if (v && !looks_like_email(*v)) {
    errors.push_back({ErrorCode::kInvalid,
                      "« " + *v + " » n'est pas une adresse électronique valide.",
                      std::string(field)});
  }
}

void check_uri(std::vector<Error>& errors, std::string_view field,
               const std::optional<std::string>& v) {
  if (v && !looks_like_uri(*v)) {
    errors.push_back({ErrorCode::kInvalid,
                      "« " + *v + " » n'est pas une adresse web valide (https://…).",
                      std::string(field)});
  }
}

void check_code_postal(std::vector<Error>& errors, const std::optional<std::string>& v) {
  if (v && (v->size() != 5 || !text::all_digits(*v))) {
    errors.push_back({ErrorCode::kInvalid, "5 chiffres attendus (« " + *v + " »).", "code_postal"});
  }
}

void check_code_insee(std::vector<Error>& errors, const std::optional<std::string>& v) {
  if (v && (v->size() != 5 || !word_chars(*v))) {
    errors.push_back({ErrorCode::kInvalid, "code INSEE de 5 caractères attendu (« " + *v + " »).",
                      "code_insee"});
  }
}

void check_coordinates(std::vector<Error>& errors, const std::optional<double>& latitude,
                       const std::optional<double>& longitude) {
  if (latitude && (!std::isfinite(*latitude) || *latitude < -90 || *latitude > 90)) {
    errors.push_back({ErrorCode::kInvalid, "entre -90 et 90 degrés.", "latitude"});
  }
  if (longitude && (!std::isfinite(*longitude) || *longitude < -180 || *longitude > 180)) {
    errors.push_back({ErrorCode::kInvalid, "entre -180 et 180 degrés.", "longitude"});
  }
  if (latitude.has_value() != longitude.has_value()) {
    errors.push_back({ErrorCode::kInvalid, "latitude et longitude vont ensemble.",
                      latitude ? "longitude" : "latitude"});
  }
}

void check_date(std::vector<Error>& errors, std::string_view field, std::string_view date) {
  if (date.empty()) {
    errors.push_back({ErrorCode::kInvalid, "ce champ est obligatoire.", std::string(field)});
  } else if (!is_iso_date(date)) {
    errors.push_back({ErrorCode::kInvalid,
                      "date attendue au format AAAA-MM-JJ (« " + std::string(date) + " »).",
                      std::string(field)});
  }
}

std::string accepted_values(Vocabulary kind) {
  std::string values;
  for (const auto& term : vocabulary(kind)) values += (values.empty() ? "" : ", ") + term.value;
  return values;
}

void check_code(std::vector<Error>& errors, std::string_view field, Vocabulary kind,
                const std::optional<std::string>& v) {
  if (v && !in_vocabulary(kind, *v)) {
    errors.push_back(
        {ErrorCode::kInvalid,
         "« " + *v + " » n'est pas une valeur acceptée (" + accepted_values(kind) + ").",
         std::string(field)});
  }
}

void check_codes(std::vector<Error>& errors, std::string_view field, Vocabulary kind,
                 const std::vector<std::string>& values, const char* what) {
  for (const auto& v : values) {
    if (!in_vocabulary(kind, v)) {
      errors.push_back(
          {ErrorCode::kInvalid, "« " + v + " » n'est pas " + what + ".", std::string(field)});
      return;
    }
  }
}

void check_zone_shapes(std::vector<Error>& errors, const std::vector<std::string>& zone) {
  for (const auto& code : zone) {
    if (!zone_kind(code)) {
      errors.push_back({ErrorCode::kInvalid,
                        "le code " + code + " n'est ni une commune, ni un département, ni un EPCI.",
                        "zone_eligibilite"});
      return;
    }
  }
}

}  // namespace

std::optional<ZoneKind> zone_kind(std::string_view code) {
  if (code == "france") return ZoneKind::kFrance;
  if (code.size() == 9 && text::all_digits(code)) return ZoneKind::kEpci;
  if (code.size() == 5 && code.starts_with("99") && text::all_digits(code) && code[2] <= '5') {
    return ZoneKind::kPays;
  }
  if (code.size() == 5 && word_chars(code)) return ZoneKind::kCommune;
  if (code.size() == 2 && (text::all_digits(code) || code == "2A" || code == "2B")) {
    return ZoneKind::kDepartement;
  }
  if (code.size() == 3 && text::all_digits(code) && code.starts_with("97")) {
    return ZoneKind::kDepartement;
  }
  return std::nullopt;
}

bool is_iso_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  auto digits = [&](std::size_t from, std::size_t n) {
    return text::all_digits(date.substr(from, n));
  };
  if (!digits(0, 4) || !digits(5, 2) || !digits(8, 2)) return false;
  int y = std::stoi(std::string(date.substr(0, 4)));
  unsigned m = std::stoul(std::string(date.substr(5, 2)));
  unsigned d = std::stoul(std::string(date.substr(8, 2)));
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                     std::chrono::day(d))
      .ok();
}

std::string today_iso() { return days_ago_iso(0); }

std::string days_ago_iso(std::int64_t days_before) {
  auto days = std::chrono::floor<std::chrono::days>(
                  std::chrono::sys_seconds(std::chrono::seconds(now_seconds()))) -
              std::chrono::days(days_before);
  std::chrono::year_month_day ymd(days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::vector<Error> service_errors(const Service& s) {
  std::vector<Error> errors;
  check_required(errors, "source", s.source);
  check_required(errors, "id", s.di_id);
  if (s.structure_id == 0) check_required(errors, "structure_id", s.structure_di_id);
  check_required(errors, "nom", s.nom);
  if (!text::trim(s.nom).empty()) check_length(errors, "nom", s.nom, 3, 150);
  check_required(errors, "description", s.description);
  if (!text::trim(s.description).empty()) {
    check_length(errors, "description", s.description, 5, 10000);
  }
  check_code(errors, "type", Vocabulary::kTypes, s.type);
  check_codes(errors, "thematiques", Vocabulary::kThematiques, s.thematiques,
              "une thématique de data·inclusion");
  check_code(errors, "frais", Vocabulary::kFrais, s.frais);
  check_codes(errors, "publics", Vocabulary::kPublics, s.publics, "un public de data·inclusion");
  check_codes(errors, "modes_accueil", Vocabulary::kModesAccueil, s.modes_accueil,
              "un mode d'accueil de data·inclusion");
  check_zone_shapes(errors, s.zone_eligibilite);
  check_code_postal(errors, s.code_postal);
  check_code_insee(errors, s.code_insee);
  check_coordinates(errors, s.latitude, s.longitude);
  check_email(errors, "courriel", s.courriel);
  check_codes(errors, "modes_mobilisation", Vocabulary::kModesMobilisation, s.modes_mobilisation,
              "un mode de mobilisation de data·inclusion");
  check_codes(errors, "mobilisable_par", Vocabulary::kPersonnesMobilisatrices, s.mobilisable_par,
              "une personne mobilisatrice de data·inclusion (usagers, professionnels)");
  check_uri(errors, "lien_mobilisation", s.lien_mobilisation);
  check_uri(errors, "lien_source", s.lien_source);
  if (s.volume_horaire_hebdomadaire &&
      (!std::isfinite(*s.volume_horaire_hebdomadaire) || *s.volume_horaire_hebdomadaire < 0 ||
       *s.volume_horaire_hebdomadaire > 168)) {
    errors.push_back(
        {ErrorCode::kInvalid, "entre 0 et 168 heures par semaine.", "volume_horaire_hebdomadaire"});
  }
  if (s.nombre_semaines && (*s.nombre_semaines < 0 || *s.nombre_semaines > 520)) {
    errors.push_back({ErrorCode::kInvalid, "entre 0 et 520 semaines.", "nombre_semaines"});
  }
  check_date(errors, "date_maj", s.date_maj);
  if (s.status != kDraft && s.status != kPublished && s.status != kArchived) {
    errors.push_back({ErrorCode::kInvalid, "statut inconnu « " + s.status + " ».", "status"});
  }
  return errors;
}

std::vector<Error> structure_errors(const Structure& s) {
  std::vector<Error> errors;
  check_required(errors, "source", s.source);
  check_required(errors, "id", s.di_id);
  check_required(errors, "nom", s.nom);
  if (!text::trim(s.nom).empty()) check_length(errors, "nom", s.nom, 3, 150);
  if (s.description) check_length(errors, "description", *s.description, 5, 10000);
  if (s.siret && (s.siret->size() != 14 || !text::all_digits(*s.siret))) {
    errors.push_back(
        {ErrorCode::kInvalid, "14 chiffres attendus (« " + *s.siret + " »).", "siret"});
  }
  check_code_postal(errors, s.code_postal);
  check_code_insee(errors, s.code_insee);
  check_coordinates(errors, s.latitude, s.longitude);
  check_email(errors, "courriel", s.courriel);
  check_uri(errors, "site_web", s.site_web);
  check_uri(errors, "lien_source", s.lien_source);
  check_uri(errors, "accessibilite_lieu", s.accessibilite_lieu);
  check_codes(errors, "reseaux_porteurs", Vocabulary::kReseauxPorteurs, s.reseaux_porteurs,
              "un réseau porteur de data·inclusion");
  check_date(errors, "date_maj", s.date_maj);
  return errors;
}

std::vector<Error> zone_errors(store::Connection& conn, const std::vector<std::string>& zone) {
  std::vector<Error> errors;
  for (const auto& code : zone) {
    auto kind = zone_kind(code);
    bool known = false;
    if (!kind) {
      known = false;
    } else if (*kind == ZoneKind::kFrance || *kind == ZoneKind::kPays) {
      known = true;
    } else {
      // A 5-character code is a commune; 2-3 characters a département; 9 digits an EPCI.
      const char* sql = *kind == ZoneKind::kCommune ? "SELECT 1 FROM communes WHERE code = $1"
                        : *kind == ZoneKind::kDepartement
                            ? "SELECT 1 FROM departements WHERE code = $1"
                            : "SELECT 1 FROM epci WHERE code = $1";
      known = conn.query_one(sql, {code}).has_value();
    }
    if (!known) {
      errors.push_back({ErrorCode::kInvalid,
                        "le code " + code + " n'est ni une commune, ni un département, ni un EPCI.",
                        "zone_eligibilite"});
    }
  }
  return errors;
}

Result<Service> service_from_data_inclusion(const json::object& record) {
  Reader r(record);
  Service s;
  s.source = r.string("source");
  s.di_id = r.string("id");
  s.structure_di_id = r.string("structure_id");
  s.nom = r.string("nom");
  s.description = r.string("description");
  s.type = r.opt_string("type");
  s.thematiques = r.list("thematiques");
  s.frais = r.opt_string("frais");
  s.frais_precisions = r.opt_string("frais_precisions");
  s.publics = r.list("publics");
  s.publics_precisions = r.opt_string("publics_precisions");
  s.conditions_acces = r.opt_string("conditions_acces");
  s.modes_accueil = r.list("modes_accueil");
  s.zone_eligibilite = r.list("zone_eligibilite");
  s.adresse = r.opt_string("adresse");
  s.complement_adresse = r.opt_string("complement_adresse");
  s.code_postal = r.opt_string("code_postal");
  s.commune = r.opt_string("commune");
  s.code_insee = r.opt_string("code_insee");
  s.latitude = r.opt_number("latitude");
  s.longitude = r.opt_number("longitude");
  s.contact_nom_prenom = r.opt_string("contact_nom_prenom");
  s.courriel = r.opt_string("courriel");
  s.telephone = r.opt_string("telephone");
  s.modes_mobilisation = r.list("modes_mobilisation");
  s.mobilisable_par = r.list("mobilisable_par");
  s.mobilisation_precisions = r.opt_string("mobilisation_precisions");
  s.lien_mobilisation = r.opt_string("lien_mobilisation");
  s.lien_source = r.opt_string("lien_source");
  s.horaires_accueil = r.opt_string("horaires_accueil");
  s.volume_horaire_hebdomadaire = r.opt_number("volume_horaire_hebdomadaire");
  s.nombre_semaines = r.opt_integer("nombre_semaines");
  s.date_maj = r.string("date_maj");
  if (!r.errors().empty()) return first_error(r.errors());
  auto errors = service_errors(s);
  if (!errors.empty()) return first_error(errors);
  s.score_qualite = quality_score(s);
  return s;
}

Result<Structure> structure_from_data_inclusion(const json::object& record) {
  Reader r(record);
  Structure s;
  s.source = r.string("source");
  s.di_id = r.string("id");
  s.nom = r.string("nom");
  s.description = r.opt_string("description");
  s.siret = r.opt_string("siret");
  s.adresse = r.opt_string("adresse");
  s.complement_adresse = r.opt_string("complement_adresse");
  s.code_postal = r.opt_string("code_postal");
  s.commune = r.opt_string("commune");
  s.code_insee = r.opt_string("code_insee");
  s.latitude = r.opt_number("latitude");
  s.longitude = r.opt_number("longitude");
  s.telephone = r.opt_string("telephone");
  s.courriel = r.opt_string("courriel");
  s.site_web = r.opt_string("site_web");
  s.lien_source = r.opt_string("lien_source");
  s.horaires_accueil = r.opt_string("horaires_accueil");
  s.accessibilite_lieu = r.opt_string("accessibilite_lieu");
  s.reseaux_porteurs = r.list("reseaux_porteurs");
  s.date_maj = r.string("date_maj");
  if (!r.errors().empty()) return first_error(r.errors());
  auto errors = structure_errors(s);
  if (!errors.empty()) return first_error(errors);
  return s;
}

json::object service_to_data_inclusion(const Service& s) {
  json::object o;
  o["source"] = s.source;
  o["id"] = s.di_id;
  o["structure_id"] = s.structure_di_id;
  o["nom"] = s.nom;
  o["description"] = s.description;
  o["type"] = value_of(s.type);
  o["thematiques"] = value_of(s.thematiques);
  o["frais"] = value_of(s.frais);
  o["frais_precisions"] = value_of(s.frais_precisions);
  o["publics"] = value_of(s.publics);
  o["publics_precisions"] = value_of(s.publics_precisions);
  o["conditions_acces"] = value_of(s.conditions_acces);
  o["modes_accueil"] = value_of(s.modes_accueil);
  o["zone_eligibilite"] = value_of(s.zone_eligibilite);
  o["adresse"] = value_of(s.adresse);
  o["complement_adresse"] = value_of(s.complement_adresse);
  o["code_postal"] = value_of(s.code_postal);
  o["commune"] = value_of(s.commune);
  o["code_insee"] = value_of(s.code_insee);
  o["latitude"] = value_of(s.latitude);
  o["longitude"] = value_of(s.longitude);
  o["contact_nom_prenom"] = value_of(s.contact_nom_prenom);
  o["courriel"] = value_of(s.courriel);
  o["telephone"] = value_of(s.telephone);
  o["modes_mobilisation"] = value_of(s.modes_mobilisation);
  o["mobilisable_par"] = value_of(s.mobilisable_par);
  o["mobilisation_precisions"] = value_of(s.mobilisation_precisions);
  o["lien_mobilisation"] = value_of(s.lien_mobilisation);
  o["lien_source"] = value_of(s.lien_source);
  o["horaires_accueil"] = value_of(s.horaires_accueil);
  o["volume_horaire_hebdomadaire"] = value_of(s.volume_horaire_hebdomadaire);
  o["nombre_semaines"] = value_of(s.nombre_semaines);
  o["date_maj"] = s.date_maj;
  return o;
}

json::object structure_to_data_inclusion(const Structure& s) {
  json::object o;
  o["source"] = s.source;
  o["id"] = s.di_id;
  o["nom"] = s.nom;
  o["description"] = value_of(s.description);
  o["siret"] = value_of(s.siret);
  o["adresse"] = value_of(s.adresse);
  o["complement_adresse"] = value_of(s.complement_adresse);
  o["code_postal"] = value_of(s.code_postal);
  o["commune"] = value_of(s.commune);
  o["code_insee"] = value_of(s.code_insee);
  o["latitude"] = value_of(s.latitude);
  o["longitude"] = value_of(s.longitude);
  o["telephone"] = value_of(s.telephone);
  o["courriel"] = value_of(s.courriel);
  o["site_web"] = value_of(s.site_web);
  o["lien_source"] = value_of(s.lien_source);
  o["horaires_accueil"] = value_of(s.horaires_accueil);
  o["accessibilite_lieu"] = value_of(s.accessibilite_lieu);
  o["reseaux_porteurs"] = value_of(s.reseaux_porteurs);
  o["date_maj"] = s.date_maj;
  return o;
}

}  // namespace parcours::catalogue
