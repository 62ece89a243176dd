// The vocabularies of data·inclusion v1 (thématiques, types, frais, publics, modes d'accueil,
// modes de mobilisation, personnes mobilisatrices, réseaux porteurs), read once from the copy of
// the reference files in data/reference/data-inclusion/v1/extra/*.json. Codes are checked against
// them and shown with their French labels; thématiques are grouped by their category (the part of
// the code before "--").
//
//   if (!in_vocabulary(Vocabulary::kPublics, "jeunes")) ...
//   label(Vocabulary::kFrais, "gratuit") == "Gratuit"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parcours::catalogue {

enum class Vocabulary {
  kThematiques,
  kTypes,
  kFrais,
  kPublics,
  kModesAccueil,
  kModesMobilisation,
  kPersonnesMobilisatrices,
  kReseauxPorteurs,
};

struct Term {
  std::string value;
  std::string label;
  std::string description;  // "" when the reference has none
};

// The terms of a vocabulary, in the order of the reference file. Throws std::runtime_error when
// the reference file is missing or malformed (a broken installation).
const std::vector<Term>& vocabulary(Vocabulary kind);
bool in_vocabulary(Vocabulary kind, std::string_view value);
// The French label of a code, or the code itself when unknown.
std::string label(Vocabulary kind, std::string_view value);

// The directory of the reference files (data/reference/data-inclusion/v1).
std::string reference_dir();

// A category of thématiques ("mobilite") with its French label and its thématiques.
struct ThematiqueCategory {
  std::string code;
  std::string label;
  std::vector<Term> thematiques;
};
const std::vector<ThematiqueCategory>& thematique_categories();
// "mobilite--preparer-un-permis" -> "mobilite".
std::string thematique_category(std::string_view thematique);
// The label of a category code, or the code when unknown.
std::string category_label(std::string_view category);

}  // namespace parcours::catalogue
