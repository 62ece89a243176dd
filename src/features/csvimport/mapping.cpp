#include "features/csvimport/mapping.h"

#include <boost/json.hpp>
#include <set>

#include "core/atomic.h"
#include "core/clock.h"
#include "core/store/journal.h"
#include "core/text.h"

namespace parcours::csvimport {
namespace json = boost::json;
namespace {

struct Usual {
  const char* key;
  std::vector<const char*> names;  // folded
};

const std::vector<Usual>& usual_names() {
  static const std::vector<Usual> usual = {
      {"birth_name",
       {"nom de naissance", "nom naissance", "nom naiss", "nomnaiss", "nom patronymique",
        "nom de famille", "nom famille", "nom", "nom beneficiaire", "nom allocataire"}},
      {"usage_name", {"nom d usage", "nom usage", "nom marital", "nom usuel", "nom epouse"}},
      {"first_names",
       {"prenoms", "prenom", "prenom s", "prenom beneficiaire", "prenom allocataire"}},
      {"birth_date",
       {"date de naissance", "date naissance", "date naiss", "date nais", "datenaiss", "dtnai",
        "ddn", "naissance", "ne le", "ne e le", "ne e le"}},
      {"sex", {"sexe", "civilite", "genre"}},
      {"nir",
       {"nir", "numero de securite sociale", "n de securite sociale", "n securite sociale",
        "numero securite sociale", "num secu", "numero secu", "n secu", "securite sociale", "nss",
        "nir beneficiaire"}},
      {"caf_number",
       {"matricule caf", "n allocataire", "numero allocataire", "num allocataire",
        "numero d allocataire", "n d allocataire", "matricule allocataire", "numero caf", "n caf",
        "numcaf", "matricule"}},
      {"ft_id",
       {"identifiant france travail", "id france travail", "n france travail",
        "numero france travail", "identifiant ft", "id ft", "identifiant pole emploi",
        "id pole emploi", "identifiant pe", "n pole emploi", "ide"}},
      {"internal_id",
       {"identifiant departement", "id departement", "identifiant du departement",
        "identifiant interne", "id interne", "n dossier", "numero dossier", "numero de dossier",
        "identifiant", "id", "reference", "ref"}},
      {"email",
       {"email", "e mail", "courriel", "mail", "adresse electronique", "adresse mail",
        "adresse e mail"}},
      {"phone",
       {"telephone", "tel", "telephone portable", "portable", "mobile", "numero de telephone",
        "n telephone", "telephone 1"}},
      {"address", {"adresse", "adresse postale", "adresse ligne 1", "rue", "voie", "adresse 1"}},
      {"postcode", {"code postal", "cp", "codepostal", "code post"}},
      {"commune",
       {"commune", "ville", "localite", "code commune", "code insee commune", "code insee",
        "commune de residence", "libelle commune"}},
      {"rsa_status",
       {"statut rsa", "etat rsa", "etat du droit rsa", "etat du droit", "etat dossier rsa",
        "etatdosrsa", "droit rsa", "situation rsa"}},
      {"rights_and_duties",
       {"soumis aux droits et devoirs", "soumis droits et devoirs", "droits et devoirs", "sdd",
        "toppersdrodevorsa", "rsa soumis droits et devoirs"}},
  };
  return usual;
}

}  // namespace

const std::vector<FieldDef>& fields() {
  static const std::vector<FieldDef> all = {
      {"birth_name", "Nom de naissance", "obligatoire (ou le nom d’usage)"},
      {"usage_name", "Nom d’usage", "s’il diffère du nom de naissance"},
      {"first_names", "Prénoms", "obligatoire"},
      {"birth_date", "Date de naissance", "JJ/MM/AAAA, JJ-MM-AAAA, AAAA-MM-JJ ou JJ/MM/AA"},
      {"sex", "Sexe", "F ou M, Femme ou Homme, Mme ou M., 2 ou 1"},
      {"nir", "Numéro de sécurité sociale (NIR)", "13 ou 15 caractères"},
      {"caf_number", "Matricule CAF (numéro allocataire)", "7 chiffres"},
      {"ft_id", "Identifiant France Travail", "8 caractères, par exemple 1234567A"},
      {"internal_id", "Identifiant du département", "l’identifiant de votre logiciel"},
      {"email", "Adresse électronique", ""},
      {"phone", "Téléphone", ""},
      {"address", "Adresse", "numéro et voie"},
      {"postcode", "Code postal", ""},
      {"commune", "Commune", "nom ou code INSEE"},
      {"rsa_status", "Statut RSA", "code CAF 0 à 6 ou son libellé"},
      {"rights_and_duties", "Soumis aux droits et devoirs", "oui ou non, 1 ou 0"},
  };
  return all;
}

const FieldDef* find_field(std::string_view key) {
  for (const auto& f : fields()) {
    if (key == f.key) return &f;
  }
  return nullptr;
}

std::string fold_header(std::string_view header) {
  std::string folded = text::fold_for_search(header);
  std::string out;
  bool space = false;
  for (char c : folded) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Mapping guess_mapping(const std::vector<std::string>& headers) {
  std::vector<std::string> folded;
  folded.reserve(headers.size());
  for (const auto& h : headers) folded.push_back(fold_header(h));
  Mapping mapping;
  std::set<std::size_t> used;
  for (const auto& u : usual_names()) {
    for (const char* name : u.names) {
      bool found = false;
      for (std::size_t i = 0; i < folded.size(); ++i) {
        if (used.contains(i) || folded[i] != name) continue;
        mapping[u.key] = headers[i];
        used.insert(i);
        found = true;
        break;
      }
      if (found) break;
    }
  }
  return mapping;
}

std::string mapping_json(const Mapping& mapping) {
  json::object o;
  for (const auto& [field, header] : mapping) {
    if (!header.empty()) o[field] = header;
  }
  return json::serialize(o);
}

Mapping parse_mapping_json(std::string_view text) {
  Mapping mapping;
  boost::system::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return mapping;
  for (const auto& [k, v] : value.as_object()) {
    if (v.is_string() && find_field(k)) mapping[std::string(k)] = std::string(v.as_string());
  }
  return mapping;
}

std::optional<Mapping> saved_mapping(store::Connection& conn, std::int64_t organisation_id) {
  auto row = conn.query_one("SELECT mapping FROM csv_mappings WHERE organisation_id = $1",
                            {organisation_id});
  if (!row) return std::nullopt;
  return parse_mapping_json(row->text(0));
}

Mapping mapping_for(store::Connection& conn, std::int64_t organisation_id,
                    const std::vector<std::string>& headers) {
  auto guess = guess_mapping(headers);
  auto saved = saved_mapping(conn, organisation_id);
  if (!saved) return guess;
  std::set<std::string> present(headers.begin(), headers.end());
  Mapping out;
  std::set<std::string> taken;
  for (const auto& [field, header] : *saved) {
    if (present.contains(header)) {
      out[field] = header;
      taken.insert(header);
    }
  }
  for (const auto& [field, header] : guess) {
    if (!out.contains(field) && !saved->contains(field) && !taken.contains(header)) {
      out[field] = header;
      taken.insert(header);
    }
  }
  return out;
}

Result<void> check_mapping(const Mapping& mapping) {
  auto mapped = [&](const char* f) {
    auto it = mapping.find(f);
    return it != mapping.end() && !it->second.empty();
  };
  if (!mapped("birth_name") && !mapped("usage_name")) {
    return fail(ErrorCode::kInvalid,
                "Nom de naissance : choisissez la colonne qui contient le nom de la personne.",
                "birth_name");
  }
  if (!mapped("first_names")) {
    return fail(ErrorCode::kInvalid, "Prénoms : choisissez la colonne qui contient les prénoms.",
                "first_names");
  }
  std::map<std::string, std::string> by_header;
  for (const auto& f : fields()) {
    auto it = mapping.find(f.key);
    if (it == mapping.end() || it->second.empty()) continue;
    auto [other, inserted] = by_header.emplace(it->second, f.key);
    if (!inserted) {
      return fail(ErrorCode::kInvalid,
                  std::string(f.label) + " : la colonne « " + it->second +
                      " » est déjà choisie pour « " + find_field(other->second)->label + " ».",
                  f.key);
    }
  }
  return {};
}

Result<void> save_mapping(store::Connection& conn, std::int64_t organisation_id,
                          const Mapping& mapping, std::optional<std::int64_t> user_id) {
  if (auto ok = check_mapping(mapping); !ok) return ok;
  return atomically(conn, [&]() -> Result<void> {
    std::string text = mapping_json(mapping);
    auto before = saved_mapping(conn, organisation_id);
    if (before && mapping_json(*before) == text) return {};
    conn.execute(
        "INSERT INTO csv_mappings (organisation_id, mapping, updated_by, updated_at) VALUES ($1, "
        "$2, $3, $4) ON CONFLICT (organisation_id) DO UPDATE SET mapping = excluded.mapping, "
        "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        {organisation_id, text, store::opt(user_id), now_seconds()});
    auto territory =
        conn.query_one("SELECT territory_id FROM organisations WHERE id = $1", {organisation_id});
    json::object payload{{"organisation_id", organisation_id}};
    store::append_event(
        conn, {.kind = "csv.mapping_saved",
               .territory_id = territory ? std::optional(territory->integer(0)) : std::nullopt,
               .actor_id = user_id,
               .payload_json = json::serialize(payload)});
    return {};
  });
}

}  // namespace parcours::csvimport
