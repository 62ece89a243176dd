// Pre-orientation rules, as data (data/orientation/regles_nationales.json is the national
// default; a territory manager may replace them for their territory, each save a new version).
//
// A rule set is JSON, in French so that a territory manager can read and edit it:
//   {"regles": [{"id": "sans_domicile_fixe", "parcours": "social", "poids": 3,
//                "si": [{"champ": "situation.sans_domicile_fixe", "egal": true}],
//                "raison": "La personne n'a pas de domicile fixe : …"}, …],
//    "defaut": {"parcours": "pro", "raison": "…"}}
// A rule matches when all of its conditions hold. A condition names a field and one test:
//   "egal": value · "parmi": [values] · "contient": value (lists) · "renseigne": true|false.
// Fields: situation.{sans_domicile_fixe, rqth, droits_et_devoirs (booleans), statut_rsa,
// niveau_formation (codes), allocations (list: ass aah are prime_activite)} from the person's
// record; diagnostic.<question id> of the socle commun (COMMON contract: duree_sans_emploi,
// disponibilite, horaires_souhaites, niveau_formation, vehicule, permis, projets_metiers…),
// diagnostic.freins.<thématique> (its niveau: aucun, a_surveiller, majeur) and a territory's own
// questions diagnostic.t_<id>.
//
// Evaluation: every matching rule adds its weight (poids, 1-10) to its route and gives its reason.
// The route with the highest total is suggested, with the reasons of the rules that chose it.
// Tie-break: the most supportive route wins (social, then socio_pro, then pro): when signals
// conflict, the suggestion errs on the side of more support, and the professional decides.
// No rule matched: with a diagnostic, the rule set's "defaut"; without any diagnostic, no
// suggestion ("pas encore de diagnostic"). An answer outside a question's known values (an
// unknown answer) matches nothing and is listed in `ignored`.
//
// Answers: the person's part and the professional's are merged, the professional's answer
// winning for a question both answered (diagnostics rows: the latest version per author).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"

namespace parcours::orientation {

inline constexpr const char* kRoutes[] = {"pro", "socio_pro", "social"};
bool valid_route(std::string_view route);
// "Professionnel", "Socio-professionnel", "Social".
const char* route_label(std::string_view route);

struct Condition {
  std::string field;  // "situation.rqth", "diagnostic.freins.sante"...
  std::string op;     // egal, parmi, contient, renseigne
  boost::json::value value;
};

struct Rule {
  std::string id;
  std::string route;
  int weight = 1;
  std::vector<Condition> conditions;
  std::string reason;
};

struct RuleSet {
  std::vector<Rule> rules;
  std::optional<std::string> default_route;
  std::string default_reason;
};

// Parses and validates a rule set; French messages on field "regles" naming the rule.
Result<RuleSet> parse_rules(std::string_view json_text);

// The person's situation, from the persons record.
struct Situation {
  bool no_fixed_address = false;
  bool rqth = false;
  bool rights_and_duties = false;
  std::string rsa_status;
  std::string education_level;
  std::string allowances;  // space-separated
};

struct Suggestion {
  std::optional<std::string> route;        // empty: no suggestion
  std::vector<std::string> reasons;        // why this route, in plain French
  std::vector<std::string> other_reasons;  // signals toward another route ("Parcours social : …")
  std::map<std::string, int> scores;
  bool tie = false;
  bool has_diagnostic = false;
  std::vector<std::string> ignored;  // unknown answers, "duree_sans_emploi"
  std::vector<std::string> matched;  // ids of the rules that matched
};

// `answers`: the merged diagnostic answers, or empty when there is no diagnostic yet.
Suggestion evaluate(const RuleSet& rules, const Situation& situation,
                    const std::optional<boost::json::object>& answers);

// The national default rule set (the file), parsed once.
const RuleSet& national_rules();
std::string national_rules_text();

// Stored rules of a territory (latest version), else the national default.
struct StoredRules {
  RuleSet rules;
  std::string text;
  std::int64_t version = 0;  // 0: the national default file
  std::optional<std::int64_t> territory_id;
  std::int64_t created_at = 0;
};
StoredRules current_rules(store::Connection& conn, std::int64_t territory_id);
// A territory manager saves a new version (validated; journaled "orientation.rules_updated").
Result<std::int64_t> save_rules(store::Connection& conn, std::int64_t territory_id,
                                std::int64_t user_id, const std::string& text);

// Situation and merged diagnostic answers of a journey, read with SQL (the diagnostics table
// comes with the diagnostic feature; without it, no diagnostic).
Situation situation_of(store::Connection& conn, std::int64_t person_id);
std::optional<boost::json::object> diagnostic_answers(store::Connection& conn,
                                                      std::int64_t journey_id);
Suggestion suggest_for(store::Connection& conn, std::int64_t journey_id);

}  // namespace parcours::orientation
