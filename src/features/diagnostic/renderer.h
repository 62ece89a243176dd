// The one generic renderer of diagnostic forms: any definition drawn with DSFR components
// (a fieldset per section; inputs, textareas, radios, checkboxes, selects with their hints;
// the obstacles as one fieldset per thématique) into templates/diagnostic/fields.tpl. Values
// are shown as typed after an error, the error on its question; a pre-filled value shows its
// source, and the professional's form shows the person's own answer next to each question.
#pragma once

#include <ctemplate/template.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "core/error.h"
#include "features/diagnostic/form.h"

namespace parcours::diagnostic {

struct RenderInput {
  const boost::json::object* values = nullptr;        // answers (or what was typed, raw_answers)
  const boost::json::object* sources = nullptr;       // question id -> source description
  const boost::json::object* person_words = nullptr;  // the person's answers, for professionals
  const Error* error = nullptr;
  std::vector<RomeJob> rome_suggestions;  // when a typed job matched several titles
};

// Adds one FORM_SECTION per section of `form` to `dict` (the include FIELDS of a page).
void render_form(ctemplate::TemplateDictionary& dict, const FormDefinition& form,
                 const RenderInput& input);

// What was typed, as an answers object without validation, to show the form again after an
// error: numbers stay as typed, unknown choices are kept as they are.
boost::json::object raw_answers(const FormDefinition& form, const Fields& fields);

// The HTML id of a form field ("freins.mobilite.niveau" -> "freins-mobilite-niveau").
std::string html_id(std::string_view field);

}  // namespace parcours::diagnostic
