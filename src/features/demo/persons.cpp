#include "features/demo/persons.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "core/clock.h"
#include "features/accounts/users.h"
#include "features/people/identity.h"
#include "features/people/journeys.h"
#include "features/people/notes.h"
#include "features/people/persons.h"
#include "features/people/team.h"

namespace parcours::demo {
namespace {

constexpr std::int64_t kDay = 86400;

// The professionals of the demo teams: an account in one organisation (index in seed.cpp).
enum Pro { kSofiaMl, kSofiaRelais, kKarim, kNadia, kThomas, kEric, kNone };

struct Colleague {
  const char* email;
  const char* name;
  int organisation;
  bool referent;
};

// Colleagues of the demo référente, so that teams mix organisations (same demo password).
constexpr Colleague kColleagues[] = {
    {"conseillere@demo.test", "Nadia Benali", 1, true},
    {"social@demo.test", "Thomas Lemaire", 4, true},
    {"encadrant@demo.test", "Éric Vasseur", 6, false},
};

enum class Door { kProfessional, kImport, kPublicForm };

struct DemoPerson {
  const char* birth_name;
  const char* usage_name;
  const char* first_names;
  const char* birth_date;
  const char* sex;
  const char* commune;  // INSEE code, Ardennes
  const char* address;  // empty: no fixed address (domiciliation at the CCAS)
  const char* email;
  const char* phone;  // as typed, in various forms
  const char* rsa;    // CAF ETATDOSRSA, empty when not on RSA
  const char* allowances;
  const char* education;
  const char* last_job;
  const char* last_job_end;
  const char* languages;
  bool licence;
  bool rqth;
  Door door;
  const char* status;  // to_orient, oriented, accompanied
  int opened_days_ago;
  Pro referent;
  std::vector<Pro> members;
  int notes;
  const char* need = "";              // public form, in the person's words
  const char* born_abroad = nullptr;  // "99350": born in Morocco...
};

// clang-format off
const std::vector<DemoPerson>& demo_persons() {
  static const std::vector<DemoPerson> persons{
    // Léa logs into her own space: accompanied by the demo référente, notes shared with her.
    {"Bréhier-Garnier", "", "Léa", "1991-04-17", "F", "08105", "14 rue Bourbon", "personne@demo.test",
     "06 12 34 56 78", "2", "", "4", "Vendeuse en boulangerie", "2025-06", "français, anglais",
     false, false, Door::kProfessional, "accompanied", 150, kSofiaMl, {kNadia, kEric}, 7},
    {"N'Diaye", "", "Aminata", "1988-09-02", "F", "08409", "3 place d’Alsace-Lorraine", "aminata.ndiaye@orange.test",
     "07.61.22.33.44", "2", "", "3", "Aide à domicile", "2024-11", "français, wolof",
     false, false, Door::kProfessional, "accompanied", 210, kThomas, {kSofiaRelais}, 6},
    {"Dubois", "Leclercq", "Marie-Hélène", "1975-01-23", "F", "08362", "8 rue Jules Ferry", "mh.leclercq@laposte.test",
     "+33 6 45 12 98 70", "2", "", "3", "Agent d’entretien", "2023-02", "français",
     true, true, Door::kProfessional, "accompanied", 320, kSofiaRelais, {kThomas}, 8},
    {"Hénon", "", "Gérard", "1966-12-05", "M", "08190", "22 rue Méhul", "",
     "03 24 42 11 09", "2", "", "infra_3", "Manœuvre du bâtiment", "2019-08", "français",
     false, false, Door::kProfessional, "accompanied", 900, kSofiaMl, {}, 4},  // inactive: purge
    {"Da Silva", "", "João Pedro", "1983-06-30", "M", "08363", "5 quai Camille Desmoulins", "joao.dasilva@free.test",
     "06 98 76 54 32", "3", "", "3", "Maçon", "2024-03", "portugais, français",
     true, false, Door::kProfessional, "accompanied", 95, kNadia, {kEric}, 5},
    {"Lemaître", "", "Kévin", "1999-02-14", "M", "08105", "41 avenue de Montcy", "kevin.lemaitre08@gmail.test",
     "0622334455", "2", "", "infra_3", "Préparateur de commandes", "2025-12", "français",
     false, false, Door::kProfessional, "accompanied", 60, kSofiaMl, {kEric}, 4},
    {"Benhamou", "", "Yasmine", "1994-10-11", "F", "08409", "12 rue Gambetta", "yasmine.benhamou@orange.test",
     "07 70 11 22 33", "2", "prime_activite", "5", "Assistante administrative", "2025-09", "français, arabe",
     true, false, Door::kProfessional, "accompanied", 40, kNadia, {}, 3},
    {"Gaillard", "", "Jean-François", "1970-03-08", "M", "08328", "2 rue Jean Jaurès", "",
     "06 33 44 55 66", "4", "ass", "3", "Soudeur", "2022-05", "français",
     true, true, Door::kProfessional, "accompanied", 400, kThomas, {kNadia}, 6},
    {"Roussel", "Moreau", "Anne-Sophie", "1986-07-19", "F", "08480", "9 allée des Peupliers", "as.moreau@sfr.test",
     "06 01 02 03 04", "2", "", "4", "Caissière", "2024-09", "français",
     true, false, Door::kProfessional, "accompanied", 180, kSofiaRelais, {kEric}, 5},
    {"Ngô", "", "Thị Lan", "1979-11-28", "F", "08105", "17 rue du Petit Bois", "",
     "07 52 63 74 85", "2", "", "infra_3", "Ouvrière en conserverie", "2021-10", "vietnamien, français",
     false, false, Door::kProfessional, "accompanied", 260, kThomas, {}, 4, "", "99243"},
    {"Faure", "", "Théo", "2004-05-03", "M", "08081", "6 rue de la Meuse", "theo.faure@gmail.test",
     "06 55 44 33 22", "", "", "3", "", "", "français",
     false, false, Door::kProfessional, "accompanied", 120, kSofiaMl, {}, 4},
    {"Cissé", "", "Moussa", "1992-01-09", "M", "08409", "", "moussa.cisse@orange.test",
     "07 81 92 03 14", "2", "", "infra_3", "Plongeur en restauration", "2025-01", "français, bambara",
     false, false, Door::kProfessional, "accompanied", 75, kThomas, {kSofiaRelais}, 4, "", "99335"},
    {"Prévost", "", "Céline", "1981-08-22", "F", "08185", "3 rue Saint-Nicolas", "celine.prevost@laposte.test",
     "06 20 30 40 50", "2", "", "3", "Aide-soignante", "2024-06", "français",
     true, false, Door::kProfessional, "accompanied", 140, kNadia, {kThomas}, 5},
    {"Boussaïd", "", "Karima", "1977-12-31", "F", "08105", "28 rue de Tivoli", "",
     "06 71 82 93 04", "3", "aah", "infra_3", "", "", "français, arabe",
     false, true, Door::kProfessional, "accompanied", 230, kThomas, {kSofiaRelais}, 5},
    {"Lefebvre", "", "Kevin", "1999-02-14", "M", "08480", "4 rue Pasteur", "k.lefebvre@free.test",
     "07 12 12 12 12", "", "are", "4", "Cariste", "2026-01", "français",
     true, false, Door::kProfessional, "accompanied", 30, kNadia, {}, 2},
    {"Vasseur", "", "Maëlle", "2001-09-15", "F", "08490", "11 rue Chanzy", "maelle.vasseur@gmail.test",
     "06 44 55 66 77", "2", "", "4", "Animatrice périscolaire", "2025-07", "français",
     false, false, Door::kProfessional, "accompanied", 100, kSofiaMl, {}, 3},
    {"Guérin", "", "Stéphane", "1973-04-04", "M", "08302", "1 place de l’Église", "",
     "03 24 53 00 11", "2", "", "3", "Bûcheron", "2020-11", "français",
     true, true, Door::kProfessional, "accompanied", 300, kSofiaRelais, {kEric}, 6},
    {"Le Goff", "", "Aurélien", "1990-10-20", "M", "08367", "7 rue de France", "aurelien.legoff@sfr.test",
     "06 90 80 70 60", "2", "", "5", "Technicien de maintenance", "2025-04", "français, anglais",
     true, false, Door::kProfessional, "accompanied", 50, kNadia, {}, 2},
    {"Benoît", "Traoré", "Émilie", "1987-03-12", "F", "08409", "19 avenue Philippoteaux", "emilie.traore@orange.test",
     "07 33 22 11 00", "2", "prime_activite", "4", "Employée de libre-service", "2025-10", "français",
     false, false, Door::kProfessional, "accompanied", 85, kThomas, {}, 3},
    {"Mercier", "", "Noé", "2003-12-01", "M", "08105", "52 rue de Warcq", "noe.mercier@gmail.test",
     "06 14 25 36 47", "", "", "infra_3", "", "", "français",
     false, false, Door::kProfessional, "accompanied", 20, kSofiaMl, {}, 2},
    // Oriented by the chargé d'orientation, référent chosen.
    {"Pereira", "", "Inês", "1985-05-25", "F", "08363", "10 rue Victor Hugo", "ines.pereira@free.test",
     "06 87 65 43 21", "2", "", "3", "Agent de propreté", "2025-02", "portugais, français",
     false, false, Door::kProfessional, "oriented", 25, kNadia, {kKarim}, 1},
    {"Marchal", "", "Ludovic", "1980-02-29", "M", "08409", "5 rue de Bouillon", "",
     "06 11 00 99 88", "2", "", "infra_3", "Ouvrier agricole", "2023-09", "français",
     true, false, Door::kProfessional, "oriented", 18, kThomas, {kKarim}, 1},
    {"Giraud", "", "Chloé", "1997-06-06", "F", "08105", "33 rue Forest", "chloe.giraud@laposte.test",
     "07 66 55 44 33", "2", "", "5", "Serveuse", "2025-08", "français, espagnol",
     false, false, Door::kProfessional, "oriented", 12, kSofiaMl, {kKarim}, 1},
    {"Deschamps", "Hubert", "Sandrine", "1972-09-09", "F", "08362", "2 impasse des Tilleuls", "",
     "06 50 60 70 80", "3", "", "3", "Employée administrative", "2021-04", "français",
     false, true, Door::kProfessional, "oriented", 9, kSofiaRelais, {kKarim}, 1},
    {"Haddad", "", "Mehdi", "1995-11-17", "M", "08190", "14 rue Méhul", "mehdi.haddad@gmail.test",
     "07 01 23 45 67", "2", "", "4", "Chauffeur-livreur", "2025-11", "français, arabe",
     true, false, Door::kProfessional, "oriented", 7, kNadia, {kKarim}, 1},
    // Imported from the CAF file: waiting for orientation, nobody in the team yet.
    {"Fontaine", "", "Nathalie", "1978-08-14", "F", "08105", "6 rue d’Aubilly", "",
     "", "2", "", "", "", "", "français",
     false, false, Door::kImport, "to_orient", 6, kNone, {}, 0},
    {"Thiébaut", "", "Jérôme", "1984-01-30", "M", "08409", "21 rue de la Rochette", "",
     "", "2", "", "", "", "", "français",
     false, false, Door::kImport, "to_orient", 6, kNone, {}, 0},
    {"Rivière", "", "Océane", "2000-03-21", "F", "08081", "9 rue Lamartine", "",
     "", "0", "", "", "", "", "français",
     false, false, Door::kImport, "to_orient", 6, kNone, {}, 0},
    {"Hoarau", "Noël", "Bérénice", "1969-10-02", "F", "08480", "16 rue Jean Moulin", "",
     "", "2", "", "", "", "", "français",
     false, false, Door::kImport, "to_orient", 5, kNone, {}, 0},
    {"Santoni", "", "Pierre-Yves", "1976-07-07", "M", "08328", "3 rue Gambetta", "",
     "", "4", "", "", "", "", "français",
     false, false, Door::kImport, "to_orient", 5, kNone, {}, 0},
    // Asked for help on the public form "Demander un accompagnement".
    {"Bréchet", "", "Zoé", "2002-02-02", "F", "08105", "12 cours Briand", "zoe.brechet@gmail.test",
     "06 02 04 06 08", "", "", "", "", "", "",
     false, false, Door::kPublicForm, "to_orient", 4, kNone, {}, 0,
     "Je cherche un travail près de Charleville, je n’ai pas le permis et je ne sais pas par où commencer."},
    {"Martin", "", "Hugo", "1993-05-19", "M", "08409", "4 rue du Ménil", "hugo.martin93@orange.test",
     "07 45 56 67 78", "", "", "", "", "", "",
     false, false, Door::kPublicForm, "to_orient", 3, kNone, {}, 0,
     "J’ai perdu mon emploi de cariste il y a six mois, je voudrais une formation pour le permis poids lourd."},
    {"Ménard", "", "Gaëlle", "1989-12-12", "F", "08362", "", "gaelle.menard@free.test",
     "06 78 89 90 01", "", "", "", "", "", "",
     false, false, Door::kPublicForm, "to_orient", 2, kNone, {}, 0,
     "Je suis hébergée chez une amie depuis ma séparation, j’ai besoin d’aide pour le logement et le travail."},
    {"D'Almeida", "", "Rui", "1986-08-08", "M", "08363", "7 rue de l’Hôtel de Ville", "rui.dalmeida@sfr.test",
     "06 10 20 30 40", "", "", "", "", "", "",
     false, false, Door::kPublicForm, "to_orient", 2, kNone, {}, 0,
     "Je touche le RSA depuis le mois dernier et on m’a dit de faire une demande ici."},
    {"Lœuillet", "", "Agnès", "1964-03-03", "F", "08490", "1 rue de Chestres", "",
     "03 24 71 00 00", "", "", "", "", "", "",
     false, false, Door::kPublicForm, "to_orient", 1, kNone, {}, 0,
     "À 60 ans personne ne veut m’embaucher. Je voudrais être aidée pour faire mon CV."},
    // The same name and birth date as Kevin Lefebvre above, through the public form: shown to
    // professionals as a possible duplicate, never merged automatically.
    {"Lefebvre", "", "Kévin", "1999-02-14", "M", "08480", "4 rue Pasteur", "kevin.lefebvre99@gmail.test",
     "07 98 98 98 98", "", "", "", "", "", "",
     false, false, Door::kPublicForm, "to_orient", 1, kNone, {}, 0,
     "Je voudrais passer le CACES pour retrouver un poste de cariste."},
  };
  return persons;
}
// clang-format on

// What the team writes, in order, across a journey.
constexpr const char* kNoteStory[] = {
    "Premier entretien : situation familiale et professionnelle faite ensemble. Objectif "
    "prioritaire : un emploi à temps partiel compatible avec les horaires de l’école.",
    "Point mobilité : pas de voiture, la ligne de bus ne passe que deux fois par jour. Demande "
    "d’aide au permis de conduire préparée.",
    "Rendez-vous honoré. Trois candidatures envoyées cette semaine, dont une en boulangerie.",
    "Inscription à l’atelier CV de la Mission locale le 12 ; la personne y va avec sa fille.",
    "Échange avec l’encadrant : l’immersion s’est bien passée, l’employeur propose un essai.",
    "Dossier de logement social déposé auprès du bailleur, relance prévue dans un mois.",
    "Bilan à mi-parcours avec la personne : objectifs mobilité et emploi en bonne voie.",
    "Contrat d’engagements réciproques signé, prochain point dans six semaines.",
};

// Notes shared with the person are written to be read by them.
constexpr const char* kSharedNoteStory[] = {
    "Bonjour, voici ce que nous avons convenu : vous envoyez trois candidatures d’ici notre "
    "prochain rendez-vous et je vous inscris à l’atelier CV.",
    "Votre demande d’aide au permis de conduire est acceptée : l’auto-école vous appellera.",
    "Pensez à apporter votre attestation CAF et votre pièce d’identité au prochain rendez-vous.",
    "Félicitations pour votre essai concluant ! Nous faisons le point ensemble la semaine "
    "prochaine.",
};

template <typename T>
T or_throw(Result<T> result, const std::string& what) {
  if (!result) throw std::runtime_error(what + " : " + result.error().message);
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

void or_throw(Result<void> result, const std::string& what) {
  if (!result) throw std::runtime_error(what + " : " + result.error().message);
}

struct Professional {
  std::int64_t user_id;
  std::int64_t organisation_id;
};

// One dated step of the story.
struct Step {
  std::int64_t at;
  std::function<void()> run;
};

std::string nir_of(const DemoPerson& p, std::size_t index) {
  std::string place = p.born_abroad ? p.born_abroad : p.commune;
  std::string first13 =
      fmt::format("{}{}{}{}{:03d}", p.sex[0] == 'F' ? 2 : 1, std::string(p.birth_date).substr(2, 2),
                  std::string(p.birth_date).substr(5, 2), place, 101 + index);
  auto key = people::nir_key(first13);
  if (!key) throw std::runtime_error("NIR de démonstration invalide : " + first13);
  // Files often give the NIR without its key (CAF), professionals type it whole.
  return index % 3 == 1 ? first13 : fmt::format("{} {:02d}", first13, *key);
}

// The person's commune, or the préfecture when the database has a partial geography (tests).
std::string commune_in(store::Connection& conn, const char* code) {
  if (conn.query_one("SELECT 1 FROM communes WHERE code = $1", {std::string(code)})) return code;
  return "08105";
}

people::PersonForm form_of(store::Connection& conn, const DemoPerson& p, std::size_t index) {
  people::PersonForm form;
  form.identity = {.birth_name = p.birth_name,
                   .usage_name = p.usage_name,
                   .first_names = p.first_names,
                   .birth_date = p.birth_date,
                   .sex = p.sex};
  bool public_form = p.door == Door::kPublicForm;
  if (!public_form && index % 9 != 5) form.identity.nir = nir_of(p, index);
  if (!public_form && *p.rsa)
    form.identity.caf_number = fmt::format("{:07d}", 2461000 + index * 37);
  if (!public_form && std::string_view(p.status) != "to_orient") {
    form.identity.ft_id =
        fmt::format("{:07d}{}", 3180400 + index * 13, static_cast<char>('A' + index % 26));
  }
  if (!public_form) form.identity.internal_id = fmt::format("CD08-{:05d}", 24100 + index);
  form.contact = {.email = p.email,
                  .phone = p.phone,
                  .address = p.address,
                  .commune = commune_in(conn, p.commune),
                  .no_fixed_address = *p.address == '\0',
                  .domiciliation = *p.address == '\0'
                                       ? "CCAS de Sedan, place d’Alsace-Lorraine, 08200 Sedan"
                                       : ""};
  if (!public_form) {
    form.situation = {
        .rsa_status = p.rsa,
        .rights_and_duties = std::string_view(p.rsa) == "2" || std::string_view(p.rsa) == "3",
        .rqth = p.rqth,
        .education_level = p.education,
        .last_job = p.last_job,
        .last_job_end = p.last_job_end,
        .driving_licence = p.licence,
        .languages = p.languages};
    std::string allowances = p.allowances;
    if (!allowances.empty()) form.situation.allowances.push_back(allowances);
  }
  return form;
}

Professional ensure_colleague(store::Connection& conn, const Colleague& c,
                              const std::vector<std::int64_t>& organisation_ids,
                              const std::string& password) {
  auto user_id = accounts::find_user_by_email(conn, c.email);
  if (!user_id) {
    user_id =
        or_throw(accounts::create_user(
                     conn, {.email = c.email, .name = c.name, .password = password}, std::nullopt),
                 c.email);
  }
  std::int64_t org = organisation_ids.at(static_cast<std::size_t>(c.organisation));
  if (conn.query_one("SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'professional' AND "
                     "organisation_id = $2 AND active = 1",
                     {*user_id, org})) {
    return {*user_id, org};  // granting again would journal it again
  }
  or_throw(
      accounts::grant_role(
          conn, *user_id,
          {.role = security::Role::kProfessional, .organisation_id = org, .referent = c.referent},
          std::nullopt),
      c.email);
  return {*user_id, org};
}

}  // namespace

int seed_demo_persons(store::Connection& conn, std::int64_t territory_id,
                      const std::vector<std::int64_t>& organisation_ids,
                      const std::string& password) {
  auto user = [&](const char* email) {
    auto id = accounts::find_user_by_email(conn, email);
    if (!id) throw std::runtime_error(std::string("compte de démonstration absent : ") + email);
    return *id;
  };
  std::vector<Professional> pros(kNone);
  pros[kSofiaMl] = {user("referent@demo.test"), organisation_ids.at(3)};
  pros[kSofiaRelais] = {user("referent@demo.test"), organisation_ids.at(5)};
  pros[kKarim] = {user("orientation@demo.test"), organisation_ids.at(0)};
  pros[kNadia] = ensure_colleague(conn, kColleagues[0], organisation_ids, password);
  pros[kThomas] = ensure_colleague(conn, kColleagues[1], organisation_ids, password);
  pros[kEric] = ensure_colleague(conn, kColleagues[2], organisation_ids, password);

  const std::int64_t now = now_seconds();
  std::vector<Step> story;
  int created = 0;
  const auto& persons = demo_persons();
  // Ids found along the story, one per demo person.
  auto person_ids = std::make_shared<std::vector<std::int64_t>>(persons.size(), 0);
  auto journey_ids = std::make_shared<std::vector<std::int64_t>>(persons.size(), 0);

  for (std::size_t i = 0; i < persons.size(); ++i) {
    const DemoPerson& p = persons[i];
    if (conn.query_one(
            "SELECT 1 FROM persons WHERE territory_id = $1 AND birth_name = $2 AND first_names = "
            "$3 AND birth_date = $4 AND COALESCE(email, '') = $5",
            {territory_id, std::string(p.birth_name), std::string(p.first_names),
             std::string(p.birth_date), people::normalise_email(p.email).value_or("")})) {
      continue;
    }
    ++created;
    const std::string who = fmt::format("{} {}", p.first_names, p.birth_name);
    // Steps start in the morning of the opening day, a few minutes apart.
    std::int64_t opened = now - p.opened_days_ago * kDay - (now % kDay) + 9 * 3600 +
                          static_cast<std::int64_t>(i) * 600;
    // How long the team has worked with the person: up to now, or until they went silent.
    std::int64_t span = p.opened_days_ago > 730 ? 110 * kDay : p.opened_days_ago * kDay - kDay;

    if (p.door == Door::kPublicForm) {
      story.push_back({opened, [&conn, &p, i, territory_id, person_ids, journey_ids, who] {
                         auto outcome =
                             or_throw(people::request_accompaniment(conn, territory_id,
                                                                    form_of(conn, p, i), p.need),
                                      who);
                         (*person_ids)[i] = outcome.person_id;
                         (*journey_ids)[i] = outcome.journey_id;
                       }});
      continue;
    }
    story.push_back(
        {opened, [&conn, &p, &pros, i, territory_id, person_ids, journey_ids, who] {
           bool imported = p.door == Door::kImport;
           const Professional& opener =
               pros[std::string_view(p.status) == "oriented" ? kKarim : p.referent];
           auto provenance =
               imported ? people::Provenance::import("RSABEM_08_demo.xml")
                        : people::Provenance::professional(opener.user_id, opener.organisation_id);
           std::int64_t person = or_throw(
               people::create_person(conn, territory_id, form_of(conn, p, i), provenance), who);
           people::NewJourney journey{
               .person_id = person,
               .territory_id = territory_id,
               .entry = imported ? people::Entry::kImport : people::Entry::kProfessional,
               .status = p.status};
           if (!imported) {
             journey.opened_by = opener.user_id;
             journey.organisation_id = opener.organisation_id;
           }
           (*person_ids)[i] = person;
           (*journey_ids)[i] = or_throw(people::open_journey(conn, journey), who);
         }});
    if (p.referent == kNone) continue;

    const Professional& referent = pros[p.referent];
    const Professional& opener =
        pros[std::string_view(p.status) == "oriented" ? kKarim : p.referent];
    story.push_back(
        {opened + 300, [&conn, &p, referent, opener, i, journey_ids, who] {
           std::int64_t journey = (*journey_ids)[i];
           if (std::string_view(p.status) == "oriented") {
             or_throw(people::add_member(conn, {.journey_id = journey,
                                                .user_id = referent.user_id,
                                                .organisation_id = referent.organisation_id,
                                                .added_by = opener.user_id,
                                                .actor_organisation_id = opener.organisation_id,
                                                .via = "invitation"}),
                      who);
           }
           or_throw(people::set_referent(conn, journey, referent.user_id,
                                         {opener.user_id, opener.organisation_id}),
                    who);
         }});
    std::vector<Professional> team{referent};
    for (std::size_t m = 0; m < p.members.size(); ++m) {
      const Professional& member = pros[p.members[m]];
      if (p.members[m] == kKarim) continue;  // the opener of an oriented journey is in already
      team.push_back(member);
      std::int64_t at = opened + static_cast<std::int64_t>(3 + 9 * m) * kDay + 3600;
      story.push_back(
          {at, [&conn, member, referent, i, journey_ids, who] {
             or_throw(people::add_member(conn, {.journey_id = (*journey_ids)[i],
                                                .user_id = member.user_id,
                                                .organisation_id = member.organisation_id,
                                                .added_by = referent.user_id,
                                                .actor_organisation_id = referent.organisation_id,
                                                .via = "invitation"}),
                      who);
           }});
    }
    for (int n = 0; n < p.notes; ++n) {
      std::int64_t at = opened + 2 * 3600 + span * (n + 1) / (p.notes + 1);
      bool shared = n % 3 == 1;
      const Professional& author = n % 4 == 2 && team.size() > 1 ? team[1] : referent;
      std::string visibility = shared ? "person" : (n == 3 ? "referent" : "team");
      std::string body = shared ? kSharedNoteStory[(i + n) % std::size(kSharedNoteStory)]
                                : kNoteStory[(i + n) % std::size(kNoteStory)];
      if (shared && author.user_id != referent.user_id) visibility = "team";
      story.push_back(
          {at, [&conn, author, visibility, body, i, journey_ids, who] {
             or_throw(people::add_note(conn, {.journey_id = (*journey_ids)[i],
                                              .author = {author.user_id, author.organisation_id},
                                              .visibility = visibility,
                                              .body = body}),
                      who);
           }});
    }
    if (std::string_view(p.email) == kDemoPersonEmail) {
      // Léa corrected her phone number from her own space a month ago.
      story.push_back({now - 30 * kDay + 19 * 3600, [&conn, &p, i, person_ids, who] {
                         auto form = form_of(conn, p, i).contact;
                         form.phone = "07 68 12 34 56";
                         or_throw(people::update_contact(conn, (*person_ids)[i], form,
                                                         people::Provenance::person()),
                                  who);
                       }});
    }
  }

  std::stable_sort(story.begin(), story.end(),
                   [](const Step& a, const Step& b) { return a.at < b.at; });
  try {
    for (const Step& step : story) {
      pin_clock_for_tests(std::min(step.at, now));
      step.run();
    }
  } catch (...) {
    pin_clock_for_tests(0);
    throw;
  }
  pin_clock_for_tests(0);
  return created;
}

}  // namespace parcours::demo
