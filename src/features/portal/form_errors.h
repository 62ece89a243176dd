// Several validation errors shown at once in a DSFR form: each under its field (the section
// <FIELD>_ERROR with ERROR_MESSAGE, field name uppercased and '-' as '_', as
// html::show_form_error does for one error), and a summary at the top (ERROR_SUMMARY with
// ERROR_COUNT_TEXT and one ERROR_ITEM per error, FIELD and MESSAGE, linking to the field).
#pragma once

#include <ctemplate/template.h>

#include <vector>

#include "core/error.h"

namespace parcours::portal {

void show_form_errors(ctemplate::TemplateDictionary& dict, const std::vector<Error>& errors);

}  // namespace parcours::portal
