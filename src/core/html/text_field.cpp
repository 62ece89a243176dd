#include "core/html/text_field.h"

#include "core/html/render.h"

namespace parcours::html {

void add_text_field(ctemplate::TemplateDictionary& dict, const char* marker, const TextField& f,
                    const std::string& value, const std::string* error_message) {
  auto* field = dict.AddIncludeDictionary(marker);
  field->SetFilename("people/text_field.tpl");
  field->SetValue("NAME"_key, f.name);
  field->SetValue("LABEL"_key, f.label);
  field->SetValue("VALUE"_key, value);
  if (f.hint) field->SetValueAndShowSection("HINT_TEXT"_key, f.hint, "HINT"_key);
  if (f.rows > 0) {
    field->ShowSection("MULTILINE"_key);
    field->SetIntValue("ROWS"_key, f.rows);
  } else {
    field->ShowSection("SINGLE"_key);
    field->SetValue("TYPE"_key, f.type);
    field->SetValue("AUTOCOMPLETE"_key, f.autocomplete);
    if (f.inputmode)
      field->SetValueAndShowSection("INPUTMODE_VALUE"_key, f.inputmode, "INPUTMODE"_key);
  }
  if (error_message) {
    field->ShowSection("ERROR"_key);
    field->SetValue("MESSAGE"_key, *error_message);
  }
}

}  // namespace parcours::html
