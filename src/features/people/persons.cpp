#include "features/people/persons.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <ranges>
#include <set>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/text.h"
#include "features/geo/communes.h"
#include "features/people/events.h"
#include "features/people/identity.h"
#include "features/people/nir_protection.h"
#include "features/people/person_rows.h"

namespace parcours::people {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxAddressLength = 300;
constexpr std::size_t kMaxShortText = 200;

constexpr const char* kColumns =
    "p.id, p.territory_id, p.birth_name, p.usage_name, p.first_names, p.birth_date, p.sex, "
    "p.nir_hash, p.nir_sealed, p.caf_number, p.ft_id, p.internal_id, p.email, p.phone, "
    "p.phone2, p.address, p.address_complement, p.postcode, p.commune_code, "
    "COALESCE(c.name, ''), p.no_fixed_address, p.domiciliation, p.rsa_status, "
    "p.rights_and_duties, p.allowances, p.rqth, p.education_level, p.last_job, p.last_job_end, "
    "p.driving_licence, p.languages, p.merged_into, p.created_at, p.updated_at";

Person from_row(const store::Row& r) {
  Person p;
  p.id = r.integer(0);
  p.territory_id = r.integer(1);
  p.birth_name = r.text(2);
  p.usage_name = r.text(3);
  p.first_names = r.text(4);
  p.birth_date = r.opt_text(5);
  p.sex = r.opt_text(6);
  p.nir_hash = r.opt_text(7);
  p.nir_sealed = r.opt_text(8);
  p.caf_number = r.opt_text(9);
  p.ft_id = r.opt_text(10);
  p.internal_id = r.opt_text(11);
  p.email = r.opt_text(12);
  p.phone = r.opt_text(13);
  p.phone2 = r.opt_text(14);
  p.address = r.text(15);
  p.address_complement = r.text(16);
  p.postcode = r.text(17);
  p.commune_code = r.opt_text(18);
  p.commune_name = r.text(19);
  p.no_fixed_address = r.boolean(20);
  p.domiciliation = r.text(21);
  p.rsa_status = r.opt_text(22);
  p.rights_and_duties = r.boolean(23);
  p.allowances = r.text(24);
  p.rqth = r.boolean(25);
  p.education_level = r.opt_text(26);
  p.last_job = r.text(27);
  p.last_job_end = r.opt_text(28);
  p.driving_licence = r.boolean(29);
  p.languages = r.text(30);
  p.merged_into = r.opt_integer(31);
  p.created_at = r.integer(32);
  p.updated_at = r.integer(33);
  return p;
}

std::optional<std::string> non_empty(std::string value) {
  if (value.empty()) return std::nullopt;
  return value;
}

// Runs `normalise` on a trimmed optional field: empty stays empty.
template <typename F>
Result<std::optional<std::string>> optional_field(const std::string& input, F&& normalise) {
  std::string value = text::trim(input);
  if (value.empty()) return std::optional<std::string>{};
  auto normalised = normalise(value);
  if (!normalised) return std::unexpected(normalised.error());
  return std::optional<std::string>{std::move(*normalised)};
}

Result<std::string> bounded(const std::string& input, std::size_t max, const char* field,
                            const char* label) {
  std::string value = text::trim(input);
  if (value.size() > max) {
    return fail(
        ErrorCode::kInvalid,
        std::string(label) + " ne doit pas dépasser " + std::to_string(max) + " caractères.",
        field);
  }
  return value;
}

bool known(const std::vector<Choice>& choices, std::string_view code) {
  return std::any_of(choices.begin(), choices.end(),
                     [&](const Choice& c) { return code == c.code; });
}

}  // namespace

Result<ValidSituation> validate_situation(const SituationForm& form) {
  ValidSituation v;
  std::string rsa = text::trim(form.rsa_status);
  if (!rsa.empty() && !known(rsa_statuses(), rsa)) {
    return fail(ErrorCode::kInvalid, "Choisissez l’état du dossier RSA dans la liste.",
                "rsa_status");
  }
  v.rsa_status = non_empty(rsa);
  v.rights_and_duties = form.rights_and_duties;
  std::set<std::string> allowances;
  for (const auto& code : form.allowances) {
    if (code.empty()) continue;
    if (!known(allowance_kinds(), code)) {
      return fail(ErrorCode::kInvalid, "Choisissez les allocations dans la liste.", "allowances");
    }
    allowances.insert(code);
  }
  for (const Choice& c : allowance_kinds()) {  // stored in the list's order
    if (allowances.contains(c.code))
      v.allowances += (v.allowances.empty() ? "" : " ") + std::string(c.code);
  }
  v.rqth = form.rqth;
  std::string level = text::trim(form.education_level);
  if (!level.empty() && !known(education_levels(), level)) {
    return fail(ErrorCode::kInvalid, "Choisissez le niveau de formation dans la liste.",
                "education_level");
  }
  v.education_level = non_empty(level);
  auto job = bounded(form.last_job, kMaxShortText, "last_job", "Le dernier emploi");
  if (!job) return std::unexpected(job.error());
  v.last_job = *job;
  std::string end = text::trim(form.last_job_end);
  if (!end.empty()) {
    bool ok = end.size() == 7 && end[4] == '-' && text::all_digits(end.substr(0, 4)) &&
              text::all_digits(end.substr(5, 2));
    int month = ok ? std::stoi(end.substr(5, 2)) : 0;
    int year = ok ? std::stoi(end.substr(0, 4)) : 0;
    if (!ok || month < 1 || month > 12 || year < 1950 || year > 2100) {
      return fail(ErrorCode::kInvalid,
                  "La date de fin du dernier emploi doit avoir la forme AAAA-MM, par exemple "
                  "2026-09.",
                  "last_job_end");
    }
  }
  v.last_job_end = non_empty(end);
  v.driving_licence = form.driving_licence;
  auto languages =
      bounded(form.languages, kMaxShortText, "languages", "La liste des langues parlées");
  if (!languages) return std::unexpected(languages.error());
  v.languages = *languages;
  return v;
}

namespace {

// The source of one field, replacing the previous one.
void record_source(store::Connection& conn, std::int64_t person_id, const std::string& field,
                   const Provenance& p, std::int64_t at) {
  conn.execute("DELETE FROM person_field_sources WHERE person_id = $1 AND field = $2",
               {person_id, field});
  conn.execute(
      "INSERT INTO person_field_sources (person_id, field, source, user_id, organisation_id, "
      "file_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {person_id, field, source_code(p.source), store::opt(p.user_id),
       store::opt(p.organisation_id), p.file_name.empty() ? store::Value{nullptr} : p.file_name,
       at});
}

// Journals and records the sources of the fields a change touched.
void record_change(store::Connection& conn, const Person& before, const std::string& section,
                   const std::vector<std::string>& fields, const Provenance& p) {
  std::int64_t now = now_seconds();
  json::array names;
  for (const auto& f : fields) {
    record_source(conn, before.id, f, p, now);
    names.push_back(json::value(f));
  }
  conn.execute("UPDATE persons SET updated_at = $2 WHERE id = $1", {before.id, now});
  json::object payload{
      {"section", section}, {"fields", std::move(names)}, {"source", source_code(p.source)}};
  if (p.organisation_id) payload["actor_organisation_id"] = *p.organisation_id;
  if (!p.file_name.empty()) payload["file_name"] = p.file_name;
  append_person_event(conn, kPersonUpdated, before.id, before.territory_id, p.user_id, payload);
}

Error strong_conflict(const std::string& field) {
  if (field == "nir") {
    return {ErrorCode::kConflict,
            "Une personne avec ce numéro de sécurité sociale est déjà enregistrée.", "nir"};
  }
  if (field == "ft_id") {
    return {ErrorCode::kConflict,
            "Une personne avec cet identifiant France Travail est déjà enregistrée.", "ft_id"};
  }
  return {ErrorCode::kConflict,
          "Une personne avec cet identifiant du département est déjà enregistrée.", "internal_id"};
}

// Which strong identifier of `v` is already held by another live record, if any.
std::optional<std::string> taken_identifier(store::Connection& conn, std::int64_t territory_id,
                                            const ValidIdentity& v,
                                            const std::optional<std::string>& hash,
                                            std::int64_t self) {
  if (hash && conn.query_one("SELECT id FROM persons WHERE nir_hash = $1 AND merged_into IS NULL "
                             "AND id <> $2",
                             {*hash, self})) {
    return "nir";
  }
  if (v.internal_id &&
      conn.query_one("SELECT id FROM persons WHERE territory_id = $1 AND internal_id = $2 AND "
                     "merged_into IS NULL AND id <> $3",
                     {territory_id, *v.internal_id, self})) {
    return "internal_id";
  }
  if (v.ft_id && conn.query_one("SELECT id FROM persons WHERE ft_id = $1 AND merged_into IS NULL "
                                "AND id <> $2",
                                {*v.ft_id, self})) {
    return "ft_id";
  }
  return std::nullopt;
}

// The strong identifier a unique-index violation was about (a concurrent insert).
Error conflict_from(const store::StoreError& e) {
  if (!e.unique_violation()) throw e;
  std::string what = e.what();
  if (what.find("ft_id") != std::string::npos) return strong_conflict("ft_id");
  if (what.find("internal_id") != std::string::npos) return strong_conflict("internal_id");
  return strong_conflict("nir");
}

void add_unique(std::vector<std::string>& terms, std::string term) {
  if (term.empty()) return;
  if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
}

}  // namespace

const char* source_code(Source source) {
  switch (source) {
    case Source::kProfessional:
      return "professional";
    case Source::kPerson:
      return "person";
    case Source::kImport:
      return "import";
    case Source::kPublicForm:
      return "public_form";
  }
  return "";
}

std::optional<Source> parse_source(std::string_view code) {
  for (Source s : {Source::kProfessional, Source::kPerson, Source::kImport, Source::kPublicForm}) {
    if (code == source_code(s)) return s;
  }
  return std::nullopt;
}

Provenance Provenance::professional(std::int64_t user_id,
                                    std::optional<std::int64_t> organisation_id) {
  return {Source::kProfessional, user_id, organisation_id, {}};
}
Provenance Provenance::person() { return {Source::kPerson, {}, {}, {}}; }
Provenance Provenance::public_form() { return {Source::kPublicForm, {}, {}, {}}; }
Provenance Provenance::import(std::string file_name, std::optional<std::int64_t> user_id) {
  return {Source::kImport, user_id, {}, std::move(file_name)};
}

std::string short_name(const Person& p) {
  return p.first_names + " " + (p.usage_name.empty() ? p.birth_name : p.usage_name);
}

std::string display_name(const Person& p) {
  std::string name = short_name(p);
  if (!p.usage_name.empty() && p.usage_name != p.birth_name) {
    const char* born = p.sex == "M" ? "né" : p.sex == "F" ? "née" : "nom de naissance :";
    name += " (" + std::string(born) + " " + p.birth_name + ")";
  }
  return name;
}

const std::vector<Choice>& rsa_statuses() {
  static const std::vector<Choice> choices{{"0", "Nouvelle demande en attente de décision"},
                                           {"1", "Droit refusé"},
                                           {"2", "Droit ouvert et versable"},
                                           {"3", "Droit ouvert et suspendu"},
                                           {"4", "Droit ouvert, versement suspendu"},
                                           {"5", "Droit clos"},
                                           {"6", "Droit clos sur un mois antérieur"}};
  return choices;
}

const std::vector<Choice>& allowance_kinds() {
  static const std::vector<Choice> choices{{"ass", "Allocation de solidarité spécifique (ASS)"},
                                           {"aah", "Allocation aux adultes handicapés (AAH)"},
                                           {"are", "Allocation d’aide au retour à l’emploi (ARE)"},
                                           {"prime_activite", "Prime d’activité"}};
  return choices;
}

const std::vector<Choice>& education_levels() {
  static const std::vector<Choice> choices{
      {"infra_3", "Sans diplôme"},          {"3", "CAP, BEP (niveau 3)"},
      {"4", "Baccalauréat (niveau 4)"},     {"5", "Bac + 2 (niveau 5)"},
      {"6", "Licence, bac + 3 (niveau 6)"}, {"7", "Master, bac + 5 (niveau 7)"},
      {"8", "Doctorat (niveau 8)"}};
  return choices;
}

std::string choice_label(const std::vector<Choice>& choices, std::string_view code) {
  for (const Choice& c : choices) {
    if (code == c.code) return c.label;
  }
  return std::string(code);
}

std::string field_label(std::string_view field) {
  static const std::vector<Choice> labels{{"birth_name", "nom de naissance"},
                                          {"usage_name", "nom d’usage"},
                                          {"first_names", "prénoms"},
                                          {"birth_date", "date de naissance"},
                                          {"sex", "sexe"},
                                          {"nir", "numéro de sécurité sociale"},
                                          {"caf_number", "numéro allocataire CAF ou MSA"},
                                          {"ft_id", "identifiant France Travail"},
                                          {"internal_id", "identifiant du département"},
                                          {"email", "adresse électronique"},
                                          {"phone", "téléphone"},
                                          {"phone2", "second téléphone"},
                                          {"address", "adresse"},
                                          {"address_complement", "complément d’adresse"},
                                          {"postcode", "code postal"},
                                          {"commune_code", "commune"},
                                          {"no_fixed_address", "sans domicile fixe"},
                                          {"domiciliation", "adresse de domiciliation"},
                                          {"rsa_status", "état du dossier RSA"},
                                          {"rights_and_duties", "droits et devoirs"},
                                          {"allowances", "allocations"},
                                          {"rqth", "RQTH"},
                                          {"education_level", "niveau de formation"},
                                          {"last_job", "dernier emploi"},
                                          {"last_job_end", "fin du dernier emploi"},
                                          {"driving_licence", "permis de conduire"},
                                          {"languages", "langues parlées"},
                                          {"caf_role", "rôle dans le dossier RSA"},
                                          {"spouse_id", "conjoint (dossier RSA)"}};
  return choice_label(labels, field);
}

Result<ValidIdentity> validate_identity(const IdentityForm& form) {
  ValidIdentity v;
  auto birth_name = normalise_name(form.birth_name, "birth_name", "le nom de naissance");
  if (!birth_name) return std::unexpected(birth_name.error());
  v.birth_name = *birth_name;
  if (!text::trim(form.usage_name).empty()) {
    auto usage = normalise_name(form.usage_name, "usage_name", "le nom d’usage");
    if (!usage) return std::unexpected(usage.error());
    v.usage_name = *usage;
  }
  auto first = normalise_name(form.first_names, "first_names", "les prénoms");
  if (!first) return std::unexpected(first.error());
  v.first_names = *first;
  auto birth = optional_field(form.birth_date, [](auto& s) { return normalise_birth_date(s); });
  if (!birth) return std::unexpected(birth.error());
  v.birth_date = *birth;
  std::string sex = text::trim(form.sex);
  if (!sex.empty() && sex != "F" && sex != "M") {
    return fail(ErrorCode::kInvalid, "Choisissez le sexe : femme, homme ou non renseigné.", "sex");
  }
  v.sex = non_empty(sex);
  auto nir = optional_field(form.nir, [](auto& s) { return normalise_nir(s); });
  if (!nir) return std::unexpected(nir.error());
  v.nir = *nir;
  if (v.nir && v.sex) {
    char digit = (*v.nir)[0];
    bool male = digit == '1' || digit == '3' || digit == '7';
    if ((*v.sex == "M") != male) {
      return fail(ErrorCode::kInvalid,
                  "Le numéro de sécurité sociale commence par " + std::string(1, digit) +
                      ", ce qui ne correspond pas au sexe indiqué : vérifiez l’un ou l’autre.",
                  "nir");
    }
  }
  auto caf = optional_field(form.caf_number, [](auto& s) { return normalise_caf_number(s); });
  if (!caf) return std::unexpected(caf.error());
  v.caf_number = *caf;
  auto ft = optional_field(form.ft_id, [](auto& s) { return normalise_ft_id(s); });
  if (!ft) return std::unexpected(ft.error());
  v.ft_id = *ft;
  auto internal =
      optional_field(form.internal_id, [](auto& s) { return normalise_internal_id(s); });
  if (!internal) return std::unexpected(internal.error());
  v.internal_id = *internal;
  return v;
}

Result<ValidContact> validate_contact(store::Connection& conn, const ContactForm& form) {
  ValidContact v;
  auto email = optional_field(form.email, [](auto& s) { return normalise_email(s); });
  if (!email) return std::unexpected(email.error());
  v.email = *email;
  auto phone = optional_field(form.phone, [](auto& s) { return normalise_phone(s); });
  if (!phone) return std::unexpected(phone.error());
  v.phone = *phone;
  auto phone2 = optional_field(form.phone2, [](auto& s) { return normalise_phone(s, "phone2"); });
  if (!phone2) return std::unexpected(phone2.error());
  v.phone2 = *phone2;
  auto address = bounded(form.address, kMaxAddressLength, "address", "L’adresse");
  if (!address) return std::unexpected(address.error());
  v.address = *address;
  auto complement = bounded(form.address_complement, kMaxAddressLength, "address_complement",
                            "Le complément d’adresse");
  if (!complement) return std::unexpected(complement.error());
  v.address_complement = *complement;
  v.postcode = text::trim(form.postcode);
  if (!v.postcode.empty() && (v.postcode.size() != 5 || !text::all_digits(v.postcode))) {
    return fail(ErrorCode::kInvalid, "Le code postal comporte 5 chiffres, par exemple 08000.",
                "postcode");
  }
  if (!text::trim(form.commune).empty()) {
    auto commune = geo::resolve_commune(conn, form.commune, {}, "commune");
    if (!commune) return std::unexpected(commune.error());
    v.commune_code = commune->code;
    if (v.postcode.empty() && commune->postcodes.size() == 1) v.postcode = commune->postcodes[0];
    const auto& known_codes = commune->postcodes;
    if (std::find(known_codes.begin(), known_codes.end(), v.postcode) == known_codes.end()) {
      std::string list;
      for (const auto& p : known_codes) list += (list.empty() ? "" : ", ") + p;
      return fail(ErrorCode::kInvalid,
                  v.postcode.empty() ? "Indiquez le code postal : " + commune->name +
                                           " en a plusieurs (" + list + ")."
                                     : "Le code postal " + v.postcode + " n’est pas celui de " +
                                           commune->name + " (" + list + ").",
                  "postcode");
    }
  } else if (!v.postcode.empty() || !v.address.empty()) {
    return fail(ErrorCode::kInvalid, "Indiquez la commune de l’adresse.", "commune");
  }
  v.no_fixed_address = form.no_fixed_address;
  auto domiciliation =
      bounded(form.domiciliation, kMaxAddressLength, "domiciliation", "L’adresse de domiciliation");
  if (!domiciliation) return std::unexpected(domiciliation.error());
  v.domiciliation = *domiciliation;
  if (!v.no_fixed_address && !v.domiciliation.empty()) {
    return fail(ErrorCode::kInvalid,
                "L’adresse de domiciliation ne concerne que les personnes sans domicile fixe : "
                "cochez « Sans domicile fixe » ou videz ce champ.",
                "domiciliation");
  }
  return v;
}

IdentityForm identity_form_of(store::Connection& conn, const Person& p, bool with_nir) {
  IdentityForm f{.birth_name = p.birth_name,
                 .usage_name = p.usage_name,
                 .first_names = p.first_names,
                 .birth_date = p.birth_date.value_or(""),
                 .sex = p.sex.value_or(""),
                 .caf_number = p.caf_number.value_or(""),
                 .ft_id = p.ft_id.value_or(""),
                 .internal_id = p.internal_id.value_or("")};
  if (with_nir && p.nir_sealed) f.nir = reveal_nir(conn, *p.nir_sealed).value_or("");
  return f;
}

ContactForm contact_form_of(const Person& p) {
  geo::Commune commune{.code = p.commune_code.value_or(""), .name = p.commune_name};
  return {.email = p.email.value_or(""),
          .phone = p.phone ? display_phone(*p.phone) : "",
          .phone2 = p.phone2 ? display_phone(*p.phone2) : "",
          .address = p.address,
          .address_complement = p.address_complement,
          .postcode = p.postcode,
          .commune = p.commune_code ? geo::commune_label(commune) : "",
          .no_fixed_address = p.no_fixed_address,
          .domiciliation = p.domiciliation};
}

SituationForm situation_form_of(const Person& p) {
  SituationForm f{.rsa_status = p.rsa_status.value_or(""),
                  .rights_and_duties = p.rights_and_duties,
                  .rqth = p.rqth,
                  .education_level = p.education_level.value_or(""),
                  .last_job = p.last_job,
                  .last_job_end = p.last_job_end.value_or(""),
                  .driving_licence = p.driving_licence,
                  .languages = p.languages};
  std::string word;
  for (char c : p.allowances + " ") {
    if (c == ' ') {
      if (!word.empty()) f.allowances.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return f;
}

std::optional<Person> find_person(store::Connection& conn, std::int64_t id) {
  auto row = conn.query_one(std::string("SELECT ") + kColumns +
                                " FROM persons p LEFT JOIN communes c ON c.code = p.commune_code "
                                "WHERE p.id = $1",
                            {id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::optional<Person> find_live_person(store::Connection& conn, std::int64_t id) {
  auto person = find_person(conn, id);
  for (int hops = 0; person && person->merged_into && hops < 8; ++hops) {
    person = find_person(conn, *person->merged_into);
  }
  if (person && person->merged_into) return std::nullopt;
  return person;
}

namespace {

// The person's terms under each territory, in one multi-row INSERT.
void insert_terms(store::Connection& conn, std::int64_t person_id,
                  const std::vector<std::int64_t>& territories,
                  const std::vector<std::string>& terms) {
  std::string sql = "INSERT INTO person_terms (territory_id, term, person_id) VALUES ";
  store::Params params{person_id};
  for (std::int64_t territory : territories) {
    for (const auto& term : terms) {
      params.add(territory);
      params.add(term);
      auto n = params.values().size();
      sql += fmt::format("{}(${}, ${}, $1)", n > 3 ? ", " : "", n - 1, n);
    }
  }
  if (params.values().size() > 1) conn.execute(sql, params);
}

}  // namespace

std::vector<store::Value> person_row(std::int64_t territory_id, const ValidIdentity& i,
                                     const ValidContact& c, const ValidSituation& s,
                                     const std::optional<ProtectedNir>& nir, std::int64_t now,
                                     const std::optional<std::string>& caf_role) {
  return {territory_id,
          i.birth_name,
          i.usage_name,
          i.first_names,
          store::opt(i.birth_date),
          store::opt(i.sex),
          nir ? store::Value{nir->hash} : store::Value{nullptr},
          nir ? store::Value{nir->sealed} : store::Value{nullptr},
          store::opt(i.caf_number),
          store::opt(i.ft_id),
          store::opt(i.internal_id),
          store::opt(c.email),
          store::opt(c.phone),
          store::opt(c.phone2),
          c.address,
          c.address_complement,
          c.postcode,
          store::opt(c.commune_code),
          store::boolean(c.no_fixed_address),
          c.domiciliation,
          store::opt(s.rsa_status),
          store::boolean(s.rights_and_duties),
          s.allowances,
          store::boolean(s.rqth),
          store::opt(s.education_level),
          s.last_job,
          store::opt(s.last_job_end),
          store::boolean(s.driving_licence),
          s.languages,
          now,
          now,
          store::opt(caf_role)};
}

std::int64_t insert_person(store::Connection& conn, std::int64_t territory_id,
                           const ValidIdentity& i, const ValidContact& c, const ValidSituation& s,
                           const std::optional<ProtectedNir>& nir, std::int64_t now,
                           const std::optional<std::string>& caf_role) {
  std::string sql = std::string("INSERT INTO persons (") + kPersonRowColumns + ") VALUES (";
  for (std::size_t n = 1; n <= kPersonRowSize; ++n)
    sql += fmt::format("{}${}", n > 1 ? ", " : "", n);
  sql += ") RETURNING id";
  return conn.query_one(sql, store::Params(person_row(territory_id, i, c, s, nir, now, caf_role)))
      ->integer(0);
}

std::vector<const char*> given_fields(const ValidIdentity& i, const ValidContact& c,
                                      const ValidSituation& s) {
  std::pair<const char*, bool> fields[] = {{"birth_name", true},
                                           {"usage_name", !i.usage_name.empty()},
                                           {"first_names", true},
                                           {"birth_date", i.birth_date.has_value()},
                                           {"sex", i.sex.has_value()},
                                           {"nir", i.nir.has_value()},
                                           {"caf_number", i.caf_number.has_value()},
                                           {"ft_id", i.ft_id.has_value()},
                                           {"internal_id", i.internal_id.has_value()},
                                           {"email", c.email.has_value()},
                                           {"phone", c.phone.has_value()},
                                           {"phone2", c.phone2.has_value()},
                                           {"address", !c.address.empty()},
                                           {"address_complement", !c.address_complement.empty()},
                                           {"postcode", !c.postcode.empty()},
                                           {"commune_code", c.commune_code.has_value()},
                                           {"no_fixed_address", c.no_fixed_address},
                                           {"domiciliation", !c.domiciliation.empty()},
                                           {"rsa_status", s.rsa_status.has_value()},
                                           {"rights_and_duties", s.rights_and_duties},
                                           {"allowances", !s.allowances.empty()},
                                           {"rqth", s.rqth},
                                           {"education_level", s.education_level.has_value()},
                                           {"last_job", !s.last_job.empty()},
                                           {"last_job_end", s.last_job_end.has_value()},
                                           {"driving_licence", s.driving_licence},
                                           {"languages", !s.languages.empty()}};
  std::vector<const char*> given;
  for (const auto& [field, present] : fields) {
    if (present) given.push_back(field);
  }
  return given;
}

Result<std::int64_t> create_person(store::Connection& conn, std::int64_t territory_id,
                                   const PersonForm& form, const Provenance& provenance) {
  auto identity = validate_identity(form.identity);
  if (!identity) return std::unexpected(identity.error());
  auto contact = validate_contact(conn, form.contact);
  if (!contact) return std::unexpected(contact.error());
  auto situation = validate_situation(form.situation);
  if (!situation) return std::unexpected(situation.error());
  std::optional<ProtectedNir> nir;
  if (identity->nir) nir = protect_nir(conn, *identity->nir);
  try {
    return atomically(conn, [&]() -> Result<std::int64_t> {
      auto taken = taken_identifier(conn, territory_id, *identity,
                                    nir ? std::optional(nir->hash) : std::nullopt, 0);
      if (taken) return std::unexpected(strong_conflict(*taken));
      std::int64_t now = now_seconds();
      const ValidIdentity& i = *identity;
      const ValidContact& c = *contact;
      const ValidSituation& s = *situation;
      std::int64_t id = insert_person(conn, territory_id, i, c, s, nir, now);

      // A new record has no source yet: one row for the fields it was given.
      json::array fields;
      std::string given;
      for (const char* field : given_fields(i, c, s)) {
        given += (given.empty() ? "" : " ") + std::string(field);
        fields.push_back(json::value(field));
      }
      conn.execute(
          "INSERT INTO person_field_sources (person_id, field, source, user_id, organisation_id, "
          "file_name, at, fields) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          {id, kCreationSource, source_code(provenance.source), store::opt(provenance.user_id),
           store::opt(provenance.organisation_id),
           provenance.file_name.empty() ? store::Value{nullptr} : provenance.file_name, now,
           given});
      // What sync_terms writes for a record with no terms and no journey yet.
      insert_terms(conn, id, {territory_id}, name_terms(i.birth_name, i.usage_name, i.first_names));
      json::object payload{{"source", source_code(provenance.source)},
                           {"fields", std::move(fields)}};
      if (provenance.organisation_id) {
        payload["actor_organisation_id"] = *provenance.organisation_id;
      }
      if (!provenance.file_name.empty()) payload["file_name"] = provenance.file_name;
      append_person_event(conn, kPersonCreated, id, territory_id, provenance.user_id, payload);
      return id;
    });
  } catch (const store::StoreError& e) {
    return std::unexpected(conflict_from(e));
  }
}

namespace {

// The fields of a section whose value changes, by name.
class Changes {
 public:
  template <typename Before, typename After>
  void check(const char* field, const Before& before, const After& after) {
    if (before != after) fields_.emplace_back(field);
  }
  void add(const char* field) { fields_.emplace_back(field); }
  bool empty() const { return fields_.empty(); }
  const std::vector<std::string>& fields() const { return fields_; }

 private:
  std::vector<std::string> fields_;
};

// A section of a live record changed in one transaction: `write(current, changes)` lists the
// fields whose value changes and, when there are any, writes them (or refuses); the change is
// then journaled with the sources of its fields. kNotFound for a record unknown or merged.
template <typename Write>
Result<void> change_section(store::Connection& conn, std::int64_t person_id, const char* section,
                            const Provenance& provenance, Write write) {
  auto done = atomically(conn, [&]() -> Result<std::int64_t> {
    auto current = find_person(conn, person_id);
    if (!current || current->merged_into) {
      return fail(ErrorCode::kNotFound, "Personne introuvable.");
    }
    Changes changes;
    Result<void> written = write(*current, changes);
    if (!written) return std::unexpected(written.error());
    if (!changes.empty()) record_change(conn, *current, section, changes.fields(), provenance);
    return person_id;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

}  // namespace

Result<void> update_identity(store::Connection& conn, std::int64_t person_id,
                             const IdentityForm& form, const Provenance& provenance,
                             bool clear_nir) {
  auto v = validate_identity(form);
  if (!v) return std::unexpected(v.error());
  std::optional<ProtectedNir> nir;
  if (v->nir) nir = protect_nir(conn, *v->nir);
  try {
    return change_section(
        conn, person_id, "identity", provenance,
        [&](const Person& current, Changes& changes) -> Result<void> {
          auto taken = taken_identifier(conn, current.territory_id, *v,
                                        nir ? std::optional(nir->hash) : std::nullopt, person_id);
          if (taken) return std::unexpected(strong_conflict(*taken));
          changes.check("birth_name", current.birth_name, v->birth_name);
          changes.check("usage_name", current.usage_name, v->usage_name);
          changes.check("first_names", current.first_names, v->first_names);
          changes.check("birth_date", current.birth_date, v->birth_date);
          changes.check("sex", current.sex, v->sex);
          changes.check("caf_number", current.caf_number, v->caf_number);
          changes.check("ft_id", current.ft_id, v->ft_id);
          changes.check("internal_id", current.internal_id, v->internal_id);
          std::optional<std::string> hash = current.nir_hash;
          std::optional<std::string> sealed = current.nir_sealed;
          if (nir) {
            std::optional<std::string> old_clear =
                sealed ? reveal_nir(conn, *sealed) : std::optional<std::string>{};
            if (old_clear != v->nir) {
              changes.add("nir");
              hash = nir->hash;
              sealed = nir->sealed;
            }
          } else if (clear_nir && hash) {
            changes.add("nir");
            hash.reset();
            sealed.reset();
          }
          if (changes.empty()) return {};
          conn.execute(
              "UPDATE persons SET birth_name = $2, usage_name = $3, first_names = $4, "
              "birth_date = $5, sex = $6, nir_hash = $7, nir_sealed = $8, caf_number = $9, "
              "ft_id = $10, internal_id = $11 WHERE id = $1",
              {person_id, v->birth_name, v->usage_name, v->first_names, store::opt(v->birth_date),
               store::opt(v->sex), store::opt(hash), store::opt(sealed), store::opt(v->caf_number),
               store::opt(v->ft_id), store::opt(v->internal_id)});
          sync_terms(conn, person_id);
          return {};
        });
  } catch (const store::StoreError& e) {
    return std::unexpected(conflict_from(e));
  }
}

Result<void> update_contact(store::Connection& conn, std::int64_t person_id,
                            const ContactForm& form, const Provenance& provenance) {
  auto v = validate_contact(conn, form);
  if (!v) return std::unexpected(v.error());
  return change_section(
      conn, person_id, "contact", provenance,
      [&](const Person& current, Changes& changes) -> Result<void> {
        changes.check("email", current.email, v->email);
        changes.check("phone", current.phone, v->phone);
        changes.check("phone2", current.phone2, v->phone2);
        changes.check("address", current.address, v->address);
        changes.check("address_complement", current.address_complement, v->address_complement);
        changes.check("postcode", current.postcode, v->postcode);
        changes.check("commune_code", current.commune_code, v->commune_code);
        changes.check("no_fixed_address", current.no_fixed_address, v->no_fixed_address);
        changes.check("domiciliation", current.domiciliation, v->domiciliation);
        if (changes.empty()) return {};
        conn.execute(
            "UPDATE persons SET email = $2, phone = $3, phone2 = $4, address = $5, "
            "address_complement = $6, postcode = $7, commune_code = $8, no_fixed_address = $9, "
            "domiciliation = $10 WHERE id = $1",
            {person_id, store::opt(v->email), store::opt(v->phone), store::opt(v->phone2),
             v->address, v->address_complement, v->postcode, store::opt(v->commune_code),
             store::boolean(v->no_fixed_address), v->domiciliation});
        return {};
      });
}

Result<void> update_situation(store::Connection& conn, std::int64_t person_id,
                              const SituationForm& form, const Provenance& provenance) {
  auto v = validate_situation(form);
  if (!v) return std::unexpected(v.error());
  return change_section(
      conn, person_id, "situation", provenance,
      [&](const Person& current, Changes& changes) -> Result<void> {
        changes.check("rsa_status", current.rsa_status, v->rsa_status);
        changes.check("rights_and_duties", current.rights_and_duties, v->rights_and_duties);
        changes.check("allowances", current.allowances, v->allowances);
        changes.check("rqth", current.rqth, v->rqth);
        changes.check("education_level", current.education_level, v->education_level);
        changes.check("last_job", current.last_job, v->last_job);
        changes.check("last_job_end", current.last_job_end, v->last_job_end);
        changes.check("driving_licence", current.driving_licence, v->driving_licence);
        changes.check("languages", current.languages, v->languages);
        if (changes.empty()) return {};
        conn.execute(
            "UPDATE persons SET rsa_status = $2, rights_and_duties = $3, allowances = $4, "
            "rqth = $5, education_level = $6, last_job = $7, last_job_end = $8, "
            "driving_licence = $9, languages = $10 WHERE id = $1",
            {person_id, store::opt(v->rsa_status), store::boolean(v->rights_and_duties),
             v->allowances, store::boolean(v->rqth), store::opt(v->education_level), v->last_job,
             store::opt(v->last_job_end), store::boolean(v->driving_licence), v->languages});
        return {};
      });
}

std::vector<FieldSource> field_sources(store::Connection& conn, std::int64_t person_id) {
  std::vector<FieldSource> out;
  std::optional<FieldSource> creation;
  std::string created_fields;
  for (const auto& r : conn.query(
           "SELECT s.field, s.source, s.user_id, COALESCE(u.name, ''), s.organisation_id, "
           "COALESCE(o.name, ''), COALESCE(s.file_name, ''), s.at, COALESCE(s.fields, '') FROM "
           "person_field_sources s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN organisations "
           "o ON o.id = s.organisation_id WHERE s.person_id = $1",
           {person_id})) {
    FieldSource source{.field = r.text(0),
                       .source = parse_source(r.text(1)).value_or(Source::kProfessional),
                       .user_id = r.opt_integer(2),
                       .user_name = r.text(3),
                       .organisation_id = r.opt_integer(4),
                       .organisation_name = r.text(5),
                       .file_name = r.text(6),
                       .at = r.integer(7)};
    if (source.field == kCreationSource) {
      creation = std::move(source);
      created_fields = r.text(8);
    } else {
      out.push_back(std::move(source));
    }
  }
  if (creation) {  // the fields given at creation that have no row of their own since
    std::set<std::string, std::less<>> own;
    for (const auto& s : out) own.insert(s.field);
    for (auto field : std::views::split(std::string_view(created_fields), ' ')) {
      std::string name(field.begin(), field.end());
      if (name.empty() || own.contains(name)) continue;
      FieldSource s = *creation;
      s.field = std::move(name);
      out.push_back(std::move(s));
    }
  }
  std::ranges::sort(out, {}, &FieldSource::field);
  return out;
}

std::string describe_source(const FieldSource& s) {
  std::string when = format_datetime_fr(s.at);
  when.resize(std::min(when.size(), when.find(" à ")));
  switch (s.source) {
    case Source::kProfessional: {
      std::string who = s.user_name.empty() ? "un professionnel" : s.user_name;
      if (!s.organisation_name.empty()) who += " (" + s.organisation_name + ")";
      return "Saisi par " + who + " le " + when;
    }
    case Source::kPerson:
      return "Donné par la personne dans son espace le " + when;
    case Source::kPublicForm:
      return "Donné par la personne dans sa demande en ligne le " + when;
    case Source::kImport:
      return "Importé" + (s.file_name.empty() ? std::string() : " du fichier " + s.file_name) +
             " le " + when;
  }
  return when;
}

std::vector<std::string> name_terms(std::string_view birth_name, std::string_view usage_name,
                                    std::string_view first_names) {
  std::vector<std::string> terms;
  for (std::string_view name : {birth_name, usage_name, first_names}) {
    std::string folded = text::fold_for_search(name);
    std::string joined;
    std::size_t words = 0;
    std::size_t start = 0;
    while (start <= folded.size()) {
      std::size_t end = folded.find(' ', start);
      if (end == std::string::npos) end = folded.size();
      std::string word = folded.substr(start, end - start);
      if (!word.empty()) {
        joined += word;
        ++words;
        add_unique(terms, std::move(word));
      }
      start = end + 1;
    }
    if (words > 1) add_unique(terms, std::move(joined));
  }
  return terms;
}

void sync_terms(store::Connection& conn, std::int64_t person_id) {
  conn.execute("DELETE FROM person_terms WHERE person_id = $1", {person_id});
  // Only what the terms are made of (find_person reads the whole record).
  auto person = conn.query_one(
      "SELECT territory_id, birth_name, usage_name, first_names FROM persons WHERE id = $1 AND "
      "merged_into IS NULL",
      {person_id});
  if (!person) return;
  std::vector<std::int64_t> territories{person->integer(0)};
  for (const auto& row :
       conn.query("SELECT DISTINCT territory_id FROM journeys WHERE person_id = $1 AND "
                  "status <> 'closed'",
                  {person_id})) {
    if (std::find(territories.begin(), territories.end(), row.integer(0)) == territories.end()) {
      territories.push_back(row.integer(0));
    }
  }
  insert_terms(conn, person_id, territories,
               name_terms(person->text(1), person->text(2), person->text(3)));
}

}  // namespace parcours::people
