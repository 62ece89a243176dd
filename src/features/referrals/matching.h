// Matching: the services of the catalogue that answer a person's needs, eligible where they live,
// nearest first. Needs come from the journey's current diagnostics (diagnostics.answers, see the
// contract in COMMON4: "freins" at level a_surveiller or majeur give their thématique and
// sous-thématiques; "projets_metiers" gives the professional goals trouver-un-emploi and
// preparer-sa-candidature). A published service matches when one of its thématiques
// ("categorie--sous-thematique") is a needed sous-thématique or falls in a needed category, and
// it is eligible at the person's commune (its zone holds the commune, its EPCI, its département
// or "france", or it has none). Nearest: a service in the commune, then in its EPCI, its
// département, elsewhere, then remote only; by distance within each when known.
//
// Eligibility (zones, remote services, in-person ones beyond 50 km left out) and distances are
// the search feature's (search::search_services over the needed categories); which needs a
// service answers, and how strongly, is decided here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/db.h"

namespace parcours::referrals {

struct Need {
  std::string thematique;                     // category code, e.g. "mobilite"
  std::string label;                          // "Mobilité"
  std::string level;                          // majeur, a_surveiller, objectif
  std::vector<std::string> sous_thematiques;  // "mobilite--..."
};

// The needs of a journey, from the current diagnostics of the professional and of the person
// (majeur first, then à surveiller, then goals); none without a diagnostic.
std::vector<Need> needs_of(store::Connection& conn, std::int64_t journey_id);

// The French label of a thématique category ("logement-hebergement" → "Logement, hébergement").
std::string thematique_label(std::string_view category);

enum class Proximity { kCommune, kEpci, kDepartement, kElsewhere, kRemote };
const char* proximity_label(Proximity p);  // "Dans la commune", ...

struct MatchedService {
  std::int64_t id = 0;
  std::string nom;
  std::string description;
  std::string structure;
  std::optional<std::int64_t> organisation_id;
  std::string commune;
  std::string telephone;
  std::string courriel;
  bool remote = false;
  Proximity proximity = Proximity::kElsewhere;
  std::optional<std::int64_t> distance_km;  // from the commune's centre, when known
  std::vector<std::string> answers;         // labels of the needs it answers
  int score = 0;                            // majeur 3, à surveiller 2, goal 1, summed
};

// The services matching `needs` at `commune_code` (INSEE), nearest first then best score, at
// most `limit`. Empty without commune or needs.
std::vector<MatchedService> match_services(store::Connection& conn, const std::vector<Need>& needs,
                                           const std::string& commune_code, int limit = 20);

}  // namespace parcours::referrals
