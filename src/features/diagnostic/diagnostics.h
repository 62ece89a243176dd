// Diagnostics of a journey: every save is a new version (never overwritten), per author — the
// person's own words from their space, and the professionals' diagnostic. The latest version per
// author is the current one. Each save is journaled ("diagnostic.saved"), so it shows in the
// carnet de bord. The professional's first diagnostic is pre-filled from the person's record,
// each value with its source.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/store/db.h"
#include "features/diagnostic/form.h"

namespace parcours::diagnostic {

inline constexpr const char* kByPerson = "person";
inline constexpr const char* kByProfessional = "professional";
inline constexpr const char* kDiagnosticSaved = "diagnostic.saved";

struct DiagnosticVersion {
  std::int64_t id = 0;
  std::int64_t journey_id = 0;
  std::string author;  // person, professional
  std::int64_t version = 0;
  std::int64_t form_id = 0;
  std::optional<std::int64_t> extra_form_id;
  boost::json::object answers;
  boost::json::object sources;  // question id -> French description of where it came from
  std::optional<std::int64_t> user_id;
  std::string user_name;  // "" for the person
  std::int64_t created_at = 0;
};

struct NewDiagnostic {
  std::int64_t journey_id = 0;
  std::string author;
  std::int64_t form_id = 0;
  std::optional<std::int64_t> extra_form_id;
  boost::json::object answers;
  boost::json::object sources;
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> organisation_id;
};

// Stores the next version for (journey, author) and journals it, in one transaction.
Result<DiagnosticVersion> save_diagnostic(store::Connection& conn, const NewDiagnostic& diagnostic);

// Versions of (journey, author), newest first.
std::vector<DiagnosticVersion> diagnostic_versions(store::Connection& conn, std::int64_t journey_id,
                                                   std::string_view author);
std::optional<DiagnosticVersion> current_diagnostic(store::Connection& conn,
                                                    std::int64_t journey_id,
                                                    std::string_view author);
std::optional<DiagnosticVersion> diagnostic_version(store::Connection& conn,
                                                    std::int64_t journey_id,
                                                    std::string_view author, std::int64_t version);

// What is already known about the person, as answers of the socle commun, and for each the
// French description of its source ("Fiche : saisi par Sofia Martin le 12 mars 2027").
struct Prefill {
  boost::json::object answers;
  boost::json::object sources;
};
Prefill prefill_from_person(store::Connection& conn, std::int64_t person_id);

// An answer as French text ("Oui", "Moins de 6 mois", "Mobilité : majeur (...)").
std::string display_answer(const Question& question, const boost::json::value& answer);

// What changed between two versions, question by question, in the order of the form.
struct Change {
  std::string question_id;
  std::string label;
  std::string before;  // "" when unanswered
  std::string after;
};
std::vector<Change> compare_answers(const FormDefinition& form, const boost::json::object& before,
                                    const boost::json::object& after);

}  // namespace parcours::diagnostic
