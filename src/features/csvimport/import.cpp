#include "features/csvimport/import.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <unordered_map>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/mail/outbox.h"
#include "core/store/journal.h"
#include "core/text.h"
#include "features/caf/flux.h"
#include "features/people/identity.h"
#include "features/people/journeys.h"
#include "features/people/known.h"
#include "features/people/nir_protection.h"
#include "features/people/persons.h"

namespace parcours::csvimport {
namespace json = boost::json;
namespace {

const char* phase_code(Phase phase) { return phase == Phase::kPreview ? "preview" : "report"; }

int current_year() {
  using namespace std::chrono;
  return static_cast<int>(year_month_day{floor<days>(system_clock::now())}.year());
}

std::string thousands(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202F";
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string plural(std::int64_t n, const char* one, const char* many) {
  return thousands(n) + " " + (n > 1 ? many : one);
}

std::optional<std::string> parse_sex(std::string_view raw) {
  std::string f = fold_header(raw);
  if (f == "f" || f == "femme" || f == "mme" || f == "madame" || f == "2" || f == "feminin" ||
      f == "mlle") {
    return std::string("F");
  }
  if (f == "m" || f == "homme" || f == "monsieur" || f == "1" || f == "masculin" || f == "h") {
    return std::string("M");
  }
  return std::nullopt;
}

std::optional<bool> parse_yes_no(std::string_view raw) {
  std::string f = fold_header(raw);
  if (f == "oui" || f == "o" || f == "1" || f == "vrai" || f == "true" || f == "x" || f == "yes") {
    return true;
  }
  if (f == "non" || f == "n" || f == "0" || f == "faux" || f == "false" || f == "no") return false;
  return std::nullopt;
}

std::optional<std::string> parse_rsa_status(std::string_view raw) {
  std::string value = text::trim(raw);
  if (value.size() == 1 && value[0] >= '0' && value[0] <= '6') return value;
  std::string f = fold_header(value);
  for (const auto& c : people::rsa_statuses()) {
    if (fold_header(c.label) == f) return std::string(c.code);
  }
  return std::nullopt;
}

constexpr const char* kImportColumns =
    "SELECT id, organisation_id, territory_id, user_id, file_name, stored_path, encoding, "
    "separator, mapping, status, message, rows_total, to_create, to_update, to_leave, to_reject, "
    "created, updated, unchanged, errors, started_at, previewed_at, finished_at FROM csv_imports ";

Import import_of(const store::Row& r) {
  Import i;
  i.id = r.integer(0);
  i.organisation_id = r.integer(1);
  i.territory_id = r.integer(2);
  i.user_id = r.opt_integer(3);
  i.file_name = r.text(4);
  i.stored_path = r.text(5);
  i.encoding = r.text(6);
  i.separator = r.text(7);
  i.mapping = parse_mapping_json(r.text(8));
  i.status = r.text(9);
  i.message = r.text(10);
  i.rows_total = r.integer(11);
  i.to_create = r.integer(12);
  i.to_update = r.integer(13);
  i.to_leave = r.integer(14);
  i.to_reject = r.integer(15);
  i.created = r.integer(16);
  i.updated = r.integer(17);
  i.unchanged = r.integer(18);
  i.errors = r.integer(19);
  i.started_at = r.integer(20);
  i.previewed_at = r.opt_integer(21);
  i.finished_at = r.opt_integer(22);
  return i;
}

Format format_of(const Import& import) {
  Format f;
  f.encoding = parse_encoding(import.encoding).value_or(Encoding::kUtf8);
  f.separator = import.separator.empty() ? ';' : import.separator[0];
  return f;
}

// What a row says, once read and checked.
struct Plan {
  std::string outcome;  // create, update, unchanged, error
  std::string message;
  std::optional<std::int64_t> person_id;
  people::PersonForm form;         // create: the whole record; update: the given values
  std::vector<std::string> given;  // the fields the row gives (update: those applied)
  bool identity = false, contact = false, situation = false;  // update: sections that change
};

class Importer {
 public:
  Importer(store::Connection& conn, const Import& import, std::vector<std::string> headers)
      : conn_(conn), import_(import), headers_(std::move(headers)), year_(current_year()) {
    for (const auto& [field, header] : import_.mapping) {
      for (std::size_t i = 0; i < headers_.size(); ++i) {
        if (headers_[i] == header) {
          column_[field] = i;
          break;
        }
      }
    }
  }

  Plan plan(const Record& record) {
    Plan p;
    if (record.unterminated) {
      return error(record,
                   "un guillemet ouvert n’est jamais fermé : la fin du fichier est "
                   "lue comme un seul champ");
    }
    if (record.fields.size() < headers_.size() ||
        (record.fields.size() > headers_.size() && !extra_empty(record))) {
      return error(record,
                   fmt::format("la ligne a {} colonnes, l’en-tête en a {} (un séparateur en trop "
                               "ou manquant, ou un champ à mettre entre guillemets ?)",
                               record.fields.size(), headers_.size()));
    }
    auto get = [&](const char* field) -> std::string {
      auto it = column_.find(field);
      if (it == column_.end()) return {};
      return text::trim(record.fields[it->second]);
    };
    auto& id = p.form.identity;
    auto& contact = p.form.contact;
    auto& situation = p.form.situation;
    id.birth_name = get("birth_name");
    id.usage_name = get("usage_name");
    if (id.birth_name.empty()) id.birth_name = id.usage_name;
    if (id.usage_name == id.birth_name) id.usage_name.clear();
    id.first_names = get("first_names");
    if (auto raw = get("birth_date"); !raw.empty()) {
      auto date = parse_french_date(raw, year_);
      if (!date) {
        return error(record, "birth_date",
                     "« " + raw +
                         " » n’est pas une date valide (attendu JJ/MM/AAAA, par exemple "
                         "12/03/1984)");
      }
      id.birth_date = *date;
    }
    if (auto raw = get("sex"); !raw.empty()) {
      auto sex = parse_sex(raw);
      if (!sex) return error(record, "sex", "« " + raw + " » : attendu F ou M (Femme ou Homme)");
      id.sex = *sex;
    }
    id.nir = get("nir");
    id.caf_number = get("caf_number");
    id.ft_id = get("ft_id");
    id.internal_id = get("internal_id");
    auto valid = people::validate_identity(id);
    if (!valid) return error(record, valid.error().field, valid.error().message);
    contact.email = get("email");
    contact.phone = get("phone");
    contact.address = get("address");
    contact.postcode = get("postcode");
    contact.commune = get("commune");
    std::optional<people::ValidContact> valid_contact;
    if (!contact.email.empty() || !contact.phone.empty() || !contact.address.empty() ||
        !contact.postcode.empty() || !contact.commune.empty()) {
      auto c = people::validate_contact(conn_, contact);
      if (!c) return error(record, c.error().field, c.error().message);
      valid_contact = *c;
    }
    std::optional<std::string> rsa;
    if (auto raw = get("rsa_status"); !raw.empty()) {
      rsa = parse_rsa_status(raw);
      if (!rsa) {
        return error(record, "rsa_status",
                     "« " + raw + " » n’est pas un statut RSA (code CAF 0 à 6 ou son libellé)");
      }
      situation.rsa_status = *rsa;
    }
    std::optional<bool> rights;
    if (auto raw = get("rights_and_duties"); !raw.empty()) {
      rights = parse_yes_no(raw);
      if (!rights)
        return error(record, "rights_and_duties", "« " + raw + " » : attendu oui ou non");
      situation.rights_and_duties = *rights;
    }

    // Identifiers.
    people::KnownQuery query;
    query.territory_id = import_.territory_id;
    std::optional<std::string> nir13;
    if (valid->nir) {
      nir13 = people::nir_first13(*valid->nir);
      query.nir_hash = people::nir_hash(conn_, *nir13);
    }
    query.internal_id = valid->internal_id;
    query.ft_id = valid->ft_id;
    query.caf_number = valid->caf_number;
    query.birth_date = valid->birth_date;
    query.first_names = valid->first_names;
    if (!query.nir_hash && !query.internal_id && !query.ft_id &&
        !(query.caf_number && query.birth_date)) {
      return error(record,
                   "aucun identifiant (NIR, identifiant du département, identifiant France "
                   "Travail, ou matricule CAF avec la date de naissance) : la personne ne "
                   "pourrait pas être retrouvée à l’import suivant");
    }
    // The same person twice in the file.
    std::vector<std::string> keys;
    if (query.nir_hash) keys.push_back("n" + *query.nir_hash);
    if (query.internal_id) keys.push_back("i" + *query.internal_id);
    if (query.ft_id) keys.push_back("f" + *query.ft_id);
    if (query.caf_number && query.birth_date) {
      keys.push_back("c" + *query.caf_number + *query.birth_date +
                     text::fold_for_search(query.first_names));
    }
    for (const auto& k : keys) {
      auto it = seen_.find(k);
      if (it != seen_.end()) {
        return error(record,
                     fmt::format("même personne qu’à la ligne {} : ligne ignorée", it->second));
      }
    }
    for (const auto& k : keys) seen_.emplace(k, record.line);

    auto known = people::find_known_person(conn_, query);
    if (!known) {
      if (valid->ft_id) {
        auto holder = conn_.query_one(
            "SELECT id FROM persons WHERE ft_id = $1 AND merged_into IS NULL", {*valid->ft_id});
        if (holder) {
          return error(record, "ft_id",
                       "cet identifiant France Travail est déjà celui d’une autre personne (NIR "
                       "différent)");
        }
      }
      if (id.birth_name.empty()) return error(record, "birth_name", "le nom est vide");
      p.outcome = "create";
      p.message = "à créer, à orienter";
      return p;
    }
    auto person = people::find_person(conn_, known->person_id);
    if (!person) return error(record, "personne introuvable");
    p.person_id = person->id;
    if (person->territory_id != import_.territory_id &&
        !people::journey_in(conn_, person->id, import_.territory_id)) {
      return error(record, "personne suivie dans un autre territoire (trouvée par " + known->how +
                               ") : non modifiée");
    }
    std::vector<std::string> changed;
    auto differs = [&](const char* field, const auto& before, const auto& after) {
      if (!get(field).empty() && before != after) changed.emplace_back(field);
    };
    // Names written otherwise (capitals, accents left out by the export) are the same names:
    // the record keeps its own spelling.
    auto same_name = [](const std::string& a, const std::string& b) {
      return text::fold_for_search(a) == text::fold_for_search(b);
    };
    if (!get("birth_name").empty() && !same_name(person->birth_name, valid->birth_name)) {
      changed.emplace_back("birth_name");
    }
    if (!get("usage_name").empty() && !same_name(person->usage_name, valid->usage_name)) {
      changed.emplace_back("usage_name");
    }
    if (!get("first_names").empty() && !same_name(person->first_names, valid->first_names)) {
      changed.emplace_back("first_names");
    }
    differs("birth_date", person->birth_date, valid->birth_date);
    differs("sex", person->sex, valid->sex);
    differs("caf_number", person->caf_number, valid->caf_number);
    differs("ft_id", person->ft_id, valid->ft_id);
    differs("internal_id", person->internal_id, valid->internal_id);
    if (query.nir_hash) {
      if (!person->nir_hash) {
        changed.emplace_back("nir");
      } else if (*person->nir_hash != *query.nir_hash) {
        return error(record, "nir",
                     "le NIR diffère de celui de la personne trouvée par " + known->how +
                         " : vérifiez la ligne");
      }
    }
    p.identity = !changed.empty();
    std::size_t before = changed.size();
    if (valid_contact) {
      differs("email", person->email, valid_contact->email);
      differs("phone", person->phone, valid_contact->phone);
      differs("address", person->address, valid_contact->address);
      if (!get("postcode").empty() || !get("commune").empty()) {
        if (person->postcode != valid_contact->postcode) changed.emplace_back("postcode");
      }
      differs("commune", person->commune_code, valid_contact->commune_code);
    }
    p.contact = changed.size() > before;
    before = changed.size();
    if (rsa && person->rsa_status != rsa) changed.emplace_back("rsa_status");
    if (rights && person->rights_and_duties != *rights) changed.emplace_back("rights_and_duties");
    p.situation = changed.size() > before;
    if (changed.empty()) {
      p.outcome = "unchanged";
      p.message = "inchangée (trouvée par " + known->how + ")";
      return p;
    }
    std::string labels;
    for (const auto& f : changed) {
      if (!labels.empty()) labels += ", ";
      labels += people::field_label(f == "commune" ? "commune_code" : f);
    }
    p.outcome = "update";
    p.message = "à mettre à jour (" + labels + ") — trouvée par " + known->how;
    p.given = std::move(changed);
    return p;
  }

  // Writes a planned row; an error Result leaves the transaction to be rolled back.
  Result<void> apply(Plan& p) {
    auto provenance = people::Provenance::import(import_.file_name, import_.user_id);
    if (p.outcome == "create") {
      auto& form = p.form;
      // Values given in the file only (empty ones stay empty).
      auto id = people::create_person(conn_, import_.territory_id, form, provenance);
      if (!id) return std::unexpected(id.error());
      if (!people::active_journey(conn_, *id, import_.territory_id)) {
        auto journey = people::open_journey(conn_, {.person_id = *id,
                                                    .territory_id = import_.territory_id,
                                                    .entry = people::Entry::kImport,
                                                    .organisation_id = import_.organisation_id});
        if (!journey) return std::unexpected(journey.error());
      }
      p.person_id = *id;
      p.message = "créée, à orienter";
      return {};
    }
    if (p.outcome != "update") return {};
    auto person = people::find_person(conn_, *p.person_id);
    if (!person) return fail(ErrorCode::kNotFound, "Personne introuvable.");
    auto has = [&](const char* f) {
      return std::find(p.given.begin(), p.given.end(), f) != p.given.end();
    };
    if (p.identity) {
      auto form = people::identity_form_of(conn_, *person, false);
      const auto& in = p.form.identity;
      if (has("birth_name")) form.birth_name = in.birth_name;
      if (has("usage_name")) form.usage_name = in.usage_name;
      if (has("first_names")) form.first_names = in.first_names;
      if (has("birth_date")) form.birth_date = in.birth_date;
      if (has("sex")) form.sex = in.sex;
      if (has("caf_number")) form.caf_number = in.caf_number;
      if (has("ft_id")) form.ft_id = in.ft_id;
      if (has("internal_id")) form.internal_id = in.internal_id;
      form.nir = has("nir") ? in.nir : "";
      auto done = people::update_identity(conn_, person->id, form, provenance);
      if (!done) return done;
    }
    if (p.contact) {
      auto form = people::contact_form_of(*person);
      const auto& in = p.form.contact;
      if (has("email")) form.email = in.email;
      if (has("phone")) form.phone = in.phone;
      if (has("address")) form.address = in.address;
      if (has("postcode") || has("commune")) {
        form.postcode = in.postcode;
        form.commune = in.commune;
        if (!has("address") && !in.address.empty()) form.address = in.address;
      }
      auto done = people::update_contact(conn_, person->id, form, provenance);
      if (!done) return done;
    }
    if (p.situation) {
      auto form = people::situation_form_of(*person);
      if (has("rsa_status")) form.rsa_status = p.form.situation.rsa_status;
      if (has("rights_and_duties")) form.rights_and_duties = p.form.situation.rights_and_duties;
      auto done = people::update_situation(conn_, person->id, form, provenance);
      if (!done) return done;
    }
    p.message = "mise à jour" + p.message.substr(std::string("à mettre à jour").size());
    return {};
  }

  std::string column_name(const std::string& field) const {
    std::string f = field == "commune_code" ? "commune" : field;
    auto it = import_.mapping.find(f);
    if (it != import_.mapping.end() && column_.contains(f)) return it->second;
    return {};
  }

  Plan error(const Record& record, const std::string& message) {
    Plan p;
    p.outcome = "error";
    p.message = fmt::format("Ligne {} : {}.", record.line, message);
    return p;
  }

  Plan error(const Record& record, const std::string& field, std::string message) {
    std::string column = column_name(field);
    while (!message.empty() && (message.back() == '.' || message.back() == ' ')) message.pop_back();
    Plan p;
    p.outcome = "error";
    if (column.empty()) {
      const auto* def = find_field(field == "commune_code" ? "commune" : field);
      p.message = fmt::format("Ligne {}{} : {}.", record.line,
                              def ? std::string(", ") + def->label : std::string(), message);
    } else {
      p.message = fmt::format("Ligne {}, colonne « {} » : {}.", record.line, column, message);
    }
    return p;
  }

 private:
  bool extra_empty(const Record& record) const {
    for (std::size_t i = headers_.size(); i < record.fields.size(); ++i) {
      if (!text::trim(record.fields[i]).empty()) return false;
    }
    return true;
  }

  store::Connection& conn_;
  const Import& import_;
  std::vector<std::string> headers_;
  int year_;
  std::unordered_map<std::string, std::size_t> column_;
  std::unordered_map<std::string, std::int64_t> seen_;
};

void mail_report(store::Connection& conn, const Import& import) {
  if (!import.user_id) return;
  auto row = conn.query_one("SELECT email FROM users WHERE id = $1", {*import.user_id});
  if (!row) return;
  std::string text = fmt::format(
      "Bonjour,\n\nL’import du fichier de personnes « {} » est terminé.\n\n{}\n\n"
      "Le compte rendu détaillé, ligne par ligne, est sur la page de l’import (Imports de "
      "personnes, import n° {}).\n\nParcours",
      import.file_name, import.report_summary(), import.id);
  mail::queue_mail(conn, {.to = row->text(0),
                          .subject = "Import du fichier de personnes « " + import.file_name + " »",
                          .text = text});
}

}  // namespace

std::string Import::preview_summary() const {
  return fmt::format("{} : {} à créer, {} à mettre à jour, {}, {}",
                     plural(rows_total, "ligne", "lignes"), thousands(to_create),
                     thousands(to_update), plural(to_leave, "inchangée", "inchangées"),
                     plural(to_reject, "en erreur", "en erreur"));
}

std::string Import::report_summary() const {
  return fmt::format("{} : {}, {}, {}, {}", plural(rows_total, "ligne", "lignes"),
                     plural(created, "personne créée", "personnes créées"),
                     plural(updated, "mise à jour", "mises à jour"),
                     plural(unchanged, "inchangée", "inchangées"),
                     plural(errors, "ligne en erreur", "lignes en erreur"));
}

std::string outcome_label(std::string_view outcome, Phase phase) {
  bool preview = phase == Phase::kPreview;
  if (outcome == "create") return preview ? "À créer" : "Créée";
  if (outcome == "update") return preview ? "À mettre à jour" : "Mise à jour";
  if (outcome == "unchanged") return "Inchangée";
  if (outcome == "error") return "Erreur";
  return std::string(outcome);
}

std::vector<std::string> read_headers(const Import& import) {
  CsvReader reader(import.stored_path, format_of(import));
  auto record = reader.next();
  if (!record) return {};
  for (auto& h : record->fields) h = text::trim(h);
  return record->fields;
}

Result<std::int64_t> start_import(store::Connection& conn, const NewImport& n) {
  auto org =
      conn.query_one("SELECT territory_id FROM organisations WHERE id = $1", {n.organisation_id});
  if (!org) return fail(ErrorCode::kNotFound, "Structure introuvable.");
  auto format = detect_format(n.path);
  if (!format) return std::unexpected(format.error());
  CsvReader reader(n.path, *format);
  auto header = reader.next();
  if (!header || header->fields.size() < 2) {
    return fail(ErrorCode::kInvalid,
                "Le fichier n’a pas de ligne d’en-tête avec les noms des colonnes (ou son "
                "séparateur n’est ni le point-virgule, ni la virgule, ni la tabulation).",
                "file");
  }
  std::vector<std::string> headers;
  for (const auto& h : header->fields) headers.push_back(text::trim(h));
  Mapping mapping = n.mapping ? *n.mapping : mapping_for(conn, n.organisation_id, headers);
  auto hash = caf::file_sha256(n.path);
  auto row = conn.query_one(
      "INSERT INTO csv_imports (organisation_id, territory_id, user_id, file_name, file_hash, "
      "stored_path, encoding, separator, mapping, status, started_at) VALUES ($1, $2, $3, $4, "
      "$5, $6, $7, $8, $9, 'new', $10) RETURNING id",
      {n.organisation_id, org->integer(0), store::opt(n.user_id), n.file_name, hash.value_or(""),
       n.path, std::string(encoding_code(format->encoding)), std::string(1, format->separator),
       mapping_json(mapping), now_seconds()});
  return row->integer(0);
}

void set_import_mapping(store::Connection& conn, std::int64_t import_id, const Mapping& mapping) {
  conn.execute(
      "UPDATE csv_imports SET mapping = $2, status = 'new' WHERE id = $1 AND status IN ('new', "
      "'previewed')",
      {import_id, mapping_json(mapping)});
}

Result<Import> run(store::Connection& conn, std::int64_t import_id, Phase phase,
                   const RunOptions& options) {
  auto import = find_import(conn, import_id);
  if (!import) return fail(ErrorCode::kNotFound, "Import introuvable.");
  if (phase == Phase::kApply && import->status == "done") return *import;
  if (auto ok = check_mapping(import->mapping); !ok) return std::unexpected(ok.error());
  if (!std::filesystem::exists(import->stored_path)) {
    return fail(ErrorCode::kNotFound, "Le fichier de l’import n’est plus disponible.", "file");
  }
  CsvReader reader(import->stored_path, format_of(*import));
  auto header = reader.next();
  if (!header) return fail(ErrorCode::kInvalid, "Le fichier est vide.", "file");
  std::vector<std::string> headers;
  for (const auto& h : header->fields) headers.push_back(text::trim(h));
  const char* phase_name = phase_code(phase);
  conn.execute("DELETE FROM csv_import_lines WHERE import_id = $1 AND phase = $2",
               {import_id, phase_name});
  conn.execute("UPDATE csv_imports SET status = $2 WHERE id = $1",
               {import_id, phase == Phase::kPreview ? "previewing" : "importing"});

  Importer importer(conn, *import, headers);
  std::int64_t rows = 0, create = 0, update = 0, same = 0, errors = 0;
  std::vector<std::pair<std::int64_t, Plan>> batch;
  auto count = [&](const Plan& p) {
    if (p.outcome == "create")
      ++create;
    else if (p.outcome == "update")
      ++update;
    else if (p.outcome == "unchanged")
      ++same;
    else
      ++errors;
  };
  auto record_lines = [&] {
    for (const auto& [line, p] : batch) {
      conn.execute(
          "INSERT INTO csv_import_lines (import_id, phase, line, outcome, person_id, message) "
          "VALUES ($1, $2, $3, $4, $5, $6)",
          {import_id, phase_name, line, p.outcome, store::opt(p.person_id), p.message});
    }
  };
  auto save_counters = [&] {
    if (phase == Phase::kPreview) {
      conn.execute(
          "UPDATE csv_imports SET rows_total = $2, to_create = $3, to_update = $4, to_leave = "
          "$5, to_reject = $6 WHERE id = $1",
          {import_id, rows, create, update, same, errors});
    } else {
      conn.execute(
          "UPDATE csv_imports SET rows_total = $2, created = $3, updated = $4, unchanged = $5, "
          "errors = $6 WHERE id = $1",
          {import_id, rows, create, update, same, errors});
    }
  };
  // Apply: the batch in one transaction; when a row fails, the batch again row by row.
  auto flush = [&] {
    if (batch.empty()) return;
    if (phase == Phase::kPreview) {
      store::with_transaction(conn, [&] {
        for (const auto& entry : batch) count(entry.second);
        record_lines();
        save_counters();
      });
    } else {
      struct RowFailed {};
      bool whole = true;
      auto saved = batch;
      try {
        store::with_transaction(conn, [&] {
          for (auto& [line, p] : batch) {
            if (!importer.apply(p)) throw RowFailed{};
          }
          for (const auto& entry : batch) count(entry.second);
          record_lines();
          save_counters();
        });
      } catch (const RowFailed&) {
        whole = false;
      } catch (const store::StoreError&) {
        whole = false;
      }
      if (!whole) {
        batch = std::move(saved);
        for (auto& [line, p] : batch) {
          std::optional<Error> failure;
          try {
            auto done =
                store::with_transaction(conn, [&]() -> Result<void> { return importer.apply(p); });
            if (!done) failure = done.error();
          } catch (const store::StoreError& e) {
            failure = Error{ErrorCode::kConflict, e.what(), ""};
          }
          if (failure) {
            Record r;
            r.line = line;
            p = failure->field.empty() ? importer.error(r, failure->message)
                                       : importer.error(r, failure->field, failure->message);
          }
        }
        store::with_transaction(conn, [&] {
          for (const auto& entry : batch) count(entry.second);
          record_lines();
          save_counters();
        });
      }
    }
    batch.clear();
    if (options.progress) options.progress(rows);
  };
  while (auto record = reader.next()) {
    ++rows;
    batch.emplace_back(record->line, importer.plan(*record));
    if (batch.size() >= options.batch) flush();
  }
  flush();
  store::with_transaction(conn, [&] {
    save_counters();
    if (phase == Phase::kPreview) {
      conn.execute("UPDATE csv_imports SET status = 'previewed', previewed_at = $2 WHERE id = $1",
                   {import_id, now_seconds()});
    } else {
      conn.execute("UPDATE csv_imports SET status = 'done', finished_at = $2 WHERE id = $1",
                   {import_id, now_seconds()});
      auto done = find_import(conn, import_id);
      json::object payload{{"import_id", import_id},
                           {"file_name", done->file_name},
                           {"organisation_id", done->organisation_id},
                           {"created", done->created},
                           {"updated", done->updated},
                           {"unchanged", done->unchanged},
                           {"errors", done->errors}};
      store::append_event(conn, {.kind = "csv.imported",
                                 .territory_id = done->territory_id,
                                 .actor_id = done->user_id,
                                 .payload_json = json::serialize(payload)});
      if (options.mail) mail_report(conn, *done);
    }
  });
  return *find_import(conn, import_id);
}

std::optional<Import> find_import(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(std::string(kImportColumns) + "WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return import_of(*row);
}

std::vector<Import> list_imports(store::Connection& conn, std::int64_t organisation_id, int limit) {
  std::vector<Import> out;
  for (const auto& r : conn.query(
           std::string(kImportColumns) + "WHERE organisation_id = $1 ORDER BY id DESC LIMIT $2",
           {organisation_id, static_cast<std::int64_t>(limit)})) {
    out.push_back(import_of(r));
  }
  return out;
}

std::vector<Line> lines(store::Connection& conn, std::int64_t import_id, Phase phase,
                        std::optional<std::string> outcome, std::int64_t after, int limit) {
  std::vector<Line> out;
  auto rows =
      outcome
          ? conn.query(
                "SELECT line, outcome, person_id, message FROM csv_import_lines WHERE import_id "
                "= $1 AND phase = $2 AND outcome = $3 AND line > $4 ORDER BY line LIMIT $5",
                {import_id, phase_code(phase), *outcome, after, static_cast<std::int64_t>(limit)})
          : conn.query(
                "SELECT line, outcome, person_id, message FROM csv_import_lines WHERE import_id "
                "= $1 AND phase = $2 AND line > $3 ORDER BY line LIMIT $4",
                {import_id, phase_code(phase), after, static_cast<std::int64_t>(limit)});
  for (const auto& r : rows) out.push_back({r.integer(0), r.text(1), r.opt_integer(2), r.text(3)});
  return out;
}

std::string import_json(store::Connection& conn, const Import& import, Phase phase,
                        bool with_lines) {
  json::object o{{"import_id", import.id},
                 {"file_name", import.file_name},
                 {"organisation_id", import.organisation_id},
                 {"status", import.status},
                 {"encoding", import.encoding},
                 {"separator", import.separator},
                 {"rows", import.rows_total}};
  if (phase == Phase::kPreview) {
    o["to_create"] = import.to_create;
    o["to_update"] = import.to_update;
    o["unchanged"] = import.to_leave;
    o["errors"] = import.to_reject;
  } else {
    o["created"] = import.created;
    o["updated"] = import.updated;
    o["unchanged"] = import.unchanged;
    o["errors"] = import.errors;
  }
  json::object mapping;
  for (const auto& [k, v] : import.mapping) mapping[k] = v;
  o["mapping"] = std::move(mapping);
  if (with_lines) {
    json::array out;
    std::int64_t after = 0;
    while (true) {
      auto page = lines(conn, import.id, phase, std::nullopt, after, 5000);
      for (const auto& l : page) {
        json::object line{{"line", l.line}, {"outcome", l.outcome}, {"message", l.message}};
        if (l.person_id) line["person_id"] = *l.person_id;
        out.push_back(std::move(line));
        after = l.line;
      }
      if (page.size() < 5000) break;
    }
    o["lines"] = std::move(out);
  }
  return json::serialize(o);
}

int expire_unconfirmed(store::Connection& conn, std::int64_t cutoff) {
  auto stale = conn.query(
      "SELECT id, stored_path, territory_id FROM csv_imports "
      "WHERE status IN ('new', 'previewed') AND started_at < $1 ORDER BY id",
      {cutoff});
  int expired = 0;
  for (const auto& row : stale) {
    const std::int64_t id = row.integer(0);
    bool marked = atomically(conn, [&] {
      // A confirmation between the SELECT and here wins: the import is left to run.
      auto changed = conn.execute(
          "UPDATE csv_imports SET status = 'expired', stored_path = '', finished_at = $2, "
          "message = 'Import non confirmé dans les 24 heures : le fichier a été supprimé.' "
          "WHERE id = $1 AND status IN ('new', 'previewed')",
          {id, now_seconds()});
      if (changed == 0) return false;
      store::append_event(conn, {.kind = "csv.expired",
                                 .territory_id = row.integer(2),
                                 .payload_json = json::serialize(json::object{{"import_id", id}})});
      return true;
    });
    if (!marked) continue;
    std::error_code ec;
    std::filesystem::remove(row.text(1), ec);
    ++expired;
  }
  return expired;
}

}  // namespace parcours::csvimport
