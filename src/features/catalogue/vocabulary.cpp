#include "features/catalogue/vocabulary.h"

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/config.h"

namespace parcours::catalogue {
namespace {

namespace json = boost::json;

const char* file_name(Vocabulary kind) {
  switch (kind) {
    case Vocabulary::kThematiques:
      return "thematiques.json";
    case Vocabulary::kTypes:
      return "types-de-services.json";
    case Vocabulary::kFrais:
      return "frais.json";
    case Vocabulary::kPublics:
      return "publics.json";
    case Vocabulary::kModesAccueil:
      return "modes-accueil.json";
    case Vocabulary::kModesMobilisation:
      return "modes-mobilisation.json";
    case Vocabulary::kPersonnesMobilisatrices:
      return "personnes-mobilisatrices.json";
    case Vocabulary::kReseauxPorteurs:
      return "reseaux-porteurs.json";
  }
  return "";
}

std::vector<Term> load(Vocabulary kind) {
  std::string path = reference_dir() + "/extra/" + file_name(kind);
  std::ifstream in(path);
  if (!in) throw std::runtime_error("Vocabulaire data·inclusion introuvable : " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::vector<Term> terms;
  try {
    json::value parsed = json::parse(buffer.str());
    for (const auto& entry : parsed.as_array()) {
      const auto& object = entry.as_object();
      Term term;
      term.value = std::string(object.at("value").as_string());
      term.label = std::string(object.at("label").as_string());
      if (const auto* d = object.if_contains("description"); d && d->is_string()) {
        term.description = std::string(d->as_string());
      }
      terms.push_back(std::move(term));
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("Vocabulaire data·inclusion illisible : " + path + " (" + e.what() +
                             ")");
  }
  return terms;
}

struct Vocabularies {
  std::map<Vocabulary, std::vector<Term>> terms;
  std::map<Vocabulary, std::map<std::string, std::string, std::less<>>> labels;
};

const Vocabularies& all() {
  static const Vocabularies vocabularies = [] {
    Vocabularies v;
    for (auto kind :
         {Vocabulary::kThematiques, Vocabulary::kTypes, Vocabulary::kFrais, Vocabulary::kPublics,
          Vocabulary::kModesAccueil, Vocabulary::kModesMobilisation,
          Vocabulary::kPersonnesMobilisatrices, Vocabulary::kReseauxPorteurs}) {
      v.terms[kind] = load(kind);
      for (const auto& term : v.terms[kind]) v.labels[kind][term.value] = term.label;
    }
    return v;
  }();
  return vocabularies;
}

// The reference files label the thématiques only; the labels of their categories are those of
// the data·inclusion documentation (référentiel des thématiques).
const std::map<std::string, std::string, std::less<>>& category_labels() {
  static const std::map<std::string, std::string, std::less<>> labels = {
      {"choisir-un-metier", "Choisir un métier"},
      {"creer-une-entreprise", "Créer une entreprise"},
      {"difficultes-administratives-ou-juridiques", "Difficultés administratives ou juridiques"},
      {"difficultes-financieres", "Difficultés financières"},
      {"equipement-et-alimentation", "Équipement et alimentation"},
      {"famille", "Famille"},
      {"lecture-ecriture-calcul", "Lecture, écriture, calcul"},
      {"logement-hebergement", "Logement, hébergement"},
      {"mobilite", "Mobilité"},
      {"numerique", "Numérique"},
      {"preparer-sa-candidature", "Préparer sa candidature"},
      {"remobilisation", "Remobilisation"},
      {"sante", "Santé"},
      {"se-former", "Se former"},
      {"souvrir-a-linternational", "S’ouvrir à l’international"},
      {"trouver-un-emploi", "Trouver un emploi"},
  };
  return labels;
}

}  // namespace

std::string reference_dir() { return resource_dir("", "data/reference/data-inclusion/v1"); }

const std::vector<Term>& vocabulary(Vocabulary kind) { return all().terms.at(kind); }

bool in_vocabulary(Vocabulary kind, std::string_view value) {
  const auto& labels = all().labels.at(kind);
  return labels.find(value) != labels.end();
}

std::string label(Vocabulary kind, std::string_view value) {
  const auto& labels = all().labels.at(kind);
  auto it = labels.find(value);
  return it == labels.end() ? std::string(value) : it->second;
}

std::string thematique_category(std::string_view thematique) {
  auto pos = thematique.find("--");
  return std::string(pos == std::string_view::npos ? thematique : thematique.substr(0, pos));
}

std::string category_label(std::string_view category) {
  auto it = category_labels().find(category);
  return it == category_labels().end() ? std::string(category) : it->second;
}

const std::vector<ThematiqueCategory>& thematique_categories() {
  static const std::vector<ThematiqueCategory> categories = [] {
    std::vector<ThematiqueCategory> result;
    for (const auto& term : vocabulary(Vocabulary::kThematiques)) {
      std::string code = thematique_category(term.value);
      if (result.empty() || result.back().code != code) {
        result.push_back({code, category_label(code), {}});
      }
      result.back().thematiques.push_back(term);
    }
    return result;
  }();
  return categories;
}

}  // namespace parcours::catalogue
