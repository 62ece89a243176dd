// One DSFR text input or textarea (templates/people/text_field.tpl) with its label, hint and
// error message, as every form of the service draws it.
//
//   html::add_text_field(dict, "NAME_FIELDS",
//                        {.name = "birth_name", .label = "Nom de naissance"}, value, error);
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "core/error.h"

namespace parcours::html {

struct TextField {
  const char* name;
  const char* label;
  const char* hint = nullptr;
  const char* type = "text";
  const char* autocomplete = "off";
  const char* inputmode = nullptr;
  int rows = 0;  // a textarea when > 0
};

// Includes the field at `marker` in `dict`, holding `value`, with `error_message` when not null.
void add_text_field(ctemplate::TemplateDictionary& dict, const char* marker, const TextField& field,
                    const std::string& value, const std::string* error_message);

// The same, showing the form's error when it names this field.
inline void add_text_field(ctemplate::TemplateDictionary& dict, const char* marker,
                           const TextField& field, const std::string& value, const Error* error) {
  add_text_field(dict, marker, field, value,
                 error && error->field == field.name ? &error->message : nullptr);
}

}  // namespace parcours::html
