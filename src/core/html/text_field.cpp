#include "core/html/text_field.h"

namespace parcours::html {

void add_text_field(ctemplate::TemplateDictionary& dict, const char* marker, const TextField& f,
                    const std::string& value, const std::string* error_message) {
  auto* field = dict.AddIncludeDictionary(marker);
  field->SetFilename("people/text_field.tpl");
  field->SetValue("NAME", f.name);
  field->SetValue("LABEL", f.label);
  field->SetValue("VALUE", value);
  if (f.hint) field->SetValueAndShowSection("HINT_TEXT", f.hint, "HINT");
  if (f.rows > 0) {
    field->ShowSection("MULTILINE");
    field->SetIntValue("ROWS", f.rows);
  } else {
    field->ShowSection("SINGLE");
    field->SetValue("TYPE", f.type);
    field->SetValue("AUTOCOMPLETE", f.autocomplete);
    if (f.inputmode) field->SetValueAndShowSection("INPUTMODE_VALUE", f.inputmode, "INPUTMODE");
  }
  if (error_message) {
    field->ShowSection("ERROR");
    field->SetValue("MESSAGE", *error_message);
  }
}

}  // namespace parcours::html
