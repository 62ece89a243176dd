#include "features/organisations/kinds.h"

#include <array>

namespace parcours::organisations {
namespace {

constexpr std::array<Kind, 12> kKinds{{
    {"conseil_departemental", "Conseil départemental"},
    {"france_travail", "France Travail"},
    {"caf", "Caisse d’allocations familiales (CAF)"},
    {"msa", "Mutualité sociale agricole (MSA)"},
    {"cap_emploi", "Cap emploi"},
    {"mission_locale", "Mission locale"},
    {"plie", "Plan local pour l’insertion et l’emploi (PLIE)"},
    {"ccas", "CCAS ou CIAS"},
    {"siae", "Structure d’insertion par l’activité économique (SIAE)"},
    {"association", "Association"},
    {"entreprise", "Entreprise"},
    {"autre", "Autre"},
}};

}  // namespace

std::span<const Kind> organisation_kinds() { return kKinds; }

std::string kind_label(std::string_view code) {
  for (const Kind& k : kKinds) {
    if (code == k.code) return k.label;
  }
  return std::string(code);
}

bool is_known_kind(std::string_view code) {
  for (const Kind& k : kKinds) {
    if (code == k.code) return true;
  }
  return false;
}

}  // namespace parcours::organisations
