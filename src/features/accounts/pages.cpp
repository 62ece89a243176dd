#include "features/accounts/pages.h"

#include <algorithm>

namespace parcours::accounts {

std::string local_path_or_root(std::string_view next) {
  // "//host" and "/\host" are read by browsers as another site; control characters could
  // split headers.
  bool local =
      next.size() >= 1 && next[0] == '/' &&
      (next.size() == 1 || (next[1] != '/' && next[1] != '\\')) &&
      std::none_of(next.begin(), next.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; });
  return local ? std::string(next) : std::string("/");
}

void set_csrf(const http::Context& ctx, ctemplate::TemplateDictionary& dict) {
  dict.SetValue("CSRF_TOKEN", ctx.csrf_token);
}

void show_error(ctemplate::TemplateDictionary& dict, const Error& error) {
  std::string section = "FORM_ERROR";
  if (!error.field.empty()) {
    section = error.field + "_ERROR";
    std::transform(section.begin(), section.end(), section.begin(),
                   [](unsigned char c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; });
  }
  dict.AddSectionDictionary(section)->SetValue("MESSAGE", error.message);
}

}  // namespace parcours::accounts
