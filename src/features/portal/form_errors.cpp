#include "features/portal/form_errors.h"

#include <cctype>
#include <set>
#include <string>

namespace parcours::portal {

void show_form_errors(ctemplate::TemplateDictionary& dict, const std::vector<Error>& errors) {
  if (errors.empty()) return;
  dict.ShowSection("ERROR_SUMMARY");
  dict.SetValue("ERROR_COUNT_TEXT",
                errors.size() == 1
                    ? std::string("Le formulaire contient une erreur")
                    : "Le formulaire contient " + std::to_string(errors.size()) + " erreurs");
  std::set<std::string> shown;
  for (const Error& error : errors) {
    auto* item = dict.AddSectionDictionary("ERROR_ITEM");
    item->SetValue("MESSAGE", error.message);
    if (error.field.empty()) continue;
    item->SetValueAndShowSection("FIELD", error.field, "LINK");
    std::string section;
    for (char c : error.field) {
      section += (c == '-') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    // One message per field: the first error found for it.
    if (!shown.insert(section).second) continue;
    dict.SetValueAndShowSection("ERROR_MESSAGE", error.message, section + "_ERROR");
  }
}

}  // namespace parcours::portal
