// The quality score of a service, as data·inclusion defines it for the v1 model: the mean of the
// applicable criteria, each marked between 0 and 1, criteria and mean rounded to 2 decimals.
// Source: gip-inclusion/data-inclusion-schema, src/data_inclusion/schema/v1/score_qualite.py
// (the criteria functions and `score`); the schema's documentation marks the fields "pris en
// compte dans le calcul du score de qualité". Differences: a list that is empty counts as absent
// (the reference has null), and durations are counted in days (6 months = 180 days, 2 years = 730
// days, pendulum's conversion).
#include <chrono>
#include <cmath>

#include "core/clock.h"
#include "features/catalogue/service.h"

namespace parcours::catalogue {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  for (const auto& item : list) {
    if (item == value) return true;
  }
  return false;
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

std::size_t char_count(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::optional<double> adresse_bien_definie(const Service& s) {
  if (contains(s.modes_accueil, "en-presentiel") ||
      contains(s.modes_mobilisation, "se-presenter")) {
    return s.adresse ? 1.0 : 0.0;
  }
  return std::nullopt;
}

std::optional<double> telephone_bien_defini(const Service& s) {
  if (contains(s.modes_mobilisation, "telephoner")) return s.telephone ? 1.0 : 0.0;
  return std::nullopt;
}

std::optional<double> courriel_bien_defini(const Service& s) {
  if (contains(s.modes_mobilisation, "envoyer-un-courriel")) return s.courriel ? 1.0 : 0.0;
  return std::nullopt;
}

double modes_mobilisation_bien_definis(const Service& s) {
  return (s.modes_mobilisation.empty() ? 0.0 : 0.5) + (s.mobilisable_par.empty() ? 0.0 : 0.5);
}

// Days between the service's date_maj and today (through the clock).
std::optional<std::int64_t> age_in_days(std::string_view date_maj) {
  if (!is_iso_date(date_maj)) return std::nullopt;
  std::chrono::year_month_day ymd(
      std::chrono::year(std::stoi(std::string(date_maj.substr(0, 4)))),
      std::chrono::month(std::stoul(std::string(date_maj.substr(5, 2)))),
      std::chrono::day(std::stoul(std::string(date_maj.substr(8, 2)))));
  auto then = std::chrono::sys_days(ymd);
  auto now = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(now_seconds())));
  return (now - then).count();
}

std::optional<double> date_maj_recente(const Service& s) {
  constexpr double kSixMonths = 180;
  constexpr double kTwoYears = 730;
  if (s.source == "agefiph" || s.source == "france-travail") return std::nullopt;
  auto age = age_in_days(s.date_maj);
  if (!age) return 0.0;
  if (*age < kSixMonths) return 1.0;
  if (*age < kTwoYears) return (kTwoYears - *age) / (kTwoYears - kSixMonths);
  return 0.0;
}

double au_moins_une_thematique(const Service& s) { return s.thematiques.empty() ? 0.0 : 1.0; }
double au_moins_un_public(const Service& s) { return s.publics.empty() ? 0.0 : 1.0; }

double au_moins_un_moyen_de_contact(const Service& s) {
  return s.courriel || s.lien_mobilisation || s.telephone ? 1.0 : 0.0;
}

double description_bien_definie(const Service& s) {
  constexpr double kMinimum = 200;
  constexpr double kGood = 400;
  auto length = static_cast<double>(char_count(s.description));
  if (length < kMinimum) return 0.0;
  if (length < kGood) return (length - kMinimum) / (kGood - kMinimum);
  return 1.0;
}

double frais_bien_definis(const Service& s) {
  if (!s.frais) return 0.0;
  if (*s.frais == "payant") return s.frais_precisions ? 1.0 : 0.5;
  return 1.0;
}

}  // namespace

std::vector<Criterion> quality_criteria(const Service& s) {
  return {
      {"adresse_bien_definie",
       "Adresse renseignée, quand le service est en présentiel ou qu’on peut s’y présenter",
       adresse_bien_definie(s)},
      {"modes_mobilisation_bien_definis",
       "Modes de mobilisation et personnes qui peuvent mobiliser le service renseignés",
       modes_mobilisation_bien_definis(s)},
      {"au_moins_un_public", "Au moins un public", au_moins_un_public(s)},
      {"au_moins_une_thematique", "Au moins une thématique", au_moins_une_thematique(s)},
      {"au_moins_un_moyen_de_contact",
       "Au moins un moyen de contact : courriel, téléphone ou lien de mobilisation",
       au_moins_un_moyen_de_contact(s)},
      {"courriel_bien_defini", "Courriel renseigné, quand on mobilise le service par courriel",
       courriel_bien_defini(s)},
      {"date_maj_recente", "Mis à jour depuis moins de 6 mois (la note baisse jusqu’à 2 ans)",
       date_maj_recente(s)},
      {"frais_bien_definis", "Frais renseignés, et précisés quand le service est payant",
       frais_bien_definis(s)},
      {"description_bien_definie",
       "Description d’au moins 400 caractères (la note baisse en dessous, nulle sous 200)",
       description_bien_definie(s)},
      {"telephone_bien_defini", "Téléphone renseigné, quand on mobilise le service par téléphone",
       telephone_bien_defini(s)},
  };
}

double quality_score(const Service& service) {
  double sum = 0;
  int count = 0;
  for (const auto& criterion : quality_criteria(service)) {
    if (!criterion.value) continue;
    sum += round2(*criterion.value);
    ++count;
  }
  return count == 0 ? 0.0 : round2(sum / count);
}

}  // namespace parcours::catalogue
