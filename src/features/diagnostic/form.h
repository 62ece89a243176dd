// Diagnostic forms as data. A definition (JSON, versioned in diagnostic_forms) lists sections of
// questions; each question has an answer type. One generic validator turns the submitted form
// fields into the answers object stored in diagnostics.answers, with French messages naming the
// question; one generic renderer (renderer.h) draws any definition with DSFR components.
//
// Answer types and their JSON answer (the contract read by the orientation feature):
//   text, long_text -> "string"           single_choice -> "value"
//   multiple_choice -> ["value", ...]     month -> "YYYY-MM"        yes_no -> true | false
//   number -> 12.5                        rome_jobs -> [{"code_rome", "appellation"}, ...]
//   obstacles -> {"<thematique>": {"niveau": "aucun"|"a_surveiller"|"majeur",
//                                  "sous_thematiques": [...], "commentaire": "..."}}
// Unanswered questions are absent from the object. Form fields: the question id; for obstacles
// "<id>.<thematique>.niveau", ".sous_thematiques" (repeated), ".commentaire"; for ROME jobs the
// repeated "<id>" values "CODE|Appellation" and a free search field "<id>.recherche".
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace parcours::diagnostic {

enum class AnswerType {
  kText,
  kLongText,
  kSingleChoice,
  kMultipleChoice,
  kMonth,
  kYesNo,
  kNumber,
  kRomeJobs,
  kObstacles
};

std::optional<AnswerType> parse_answer_type(std::string_view code);
const char* answer_type_code(AnswerType type);

struct Choice {
  std::string value;
  std::string label;
};

struct Thematique {
  std::string code;
  std::string label;
  std::vector<Choice> sous_thematiques;
};

struct Question {
  std::string id;
  AnswerType type = AnswerType::kText;
  std::string label;
  std::string hint;
  bool required = false;
  bool select = false;                  // single_choice drawn as a <select> ("display": "select")
  std::size_t max_length = 500;         // text, long_text
  std::size_t max_items = 10;           // rome_jobs
  std::optional<double> min, max;       // number
  std::vector<Choice> choices;          // single_choice, multiple_choice
  std::vector<Thematique> thematiques;  // obstacles
};

struct Section {
  std::string id;
  std::string title;
  std::vector<Question> questions;
};

struct FormDefinition {
  std::string kind;  // socle_commun, territory_extra
  std::int64_t version = 0;
  std::string title;
  std::vector<Section> sections;

  const Question* find(std::string_view question_id) const;
};

inline constexpr const char* kSocleCommun = "socle_commun";
inline constexpr const char* kTerritoryExtra = "territory_extra";

// Parses and checks a definition. A territory's extra definition (kind territory_extra) may only
// use ids starting with "t_", so that they never collide with the socle commun. kInvalid with a
// French message naming the section or question at fault.
Result<FormDefinition> parse_definition(std::string_view json_text, std::string_view kind);

// The levels of an obstacle, in order, and their French labels.
const std::vector<Choice>& obstacle_levels();

// A number as written in French: 12, 2,5.
std::string format_number(double value);

// Submitted form fields (name -> value, repeated names allowed).
using Fields = std::multimap<std::string, std::string>;

// Validates the fields against every question of `form`: the answers object, or kInvalid with
// the message naming the question ("« Fin du dernier emploi » : ...") and `field` the form field
// at fault. `rome_lookup` resolves a free ROME search ("<id>.recherche") to job titles.
struct RomeJob {
  std::string code_rome;
  std::string appellation;
};
using RomeLookup = std::function<std::vector<RomeJob>(std::string_view query)>;
Result<boost::json::object> validate_answers(const FormDefinition& form, const Fields& fields,
                                             const RomeLookup& rome_lookup = {});

}  // namespace parcours::diagnostic
