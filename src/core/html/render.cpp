#include "core/html/render.h"

// Placeholder until the layout lands: plain pages without the DSFR layout.
namespace parcours::html {

void set_template_root(const std::string& /*root*/) {}

std::string render(const std::string& /*name*/, const ctemplate::TemplateDictionary& /*dict*/) {
  return {};
}

http::Response page(http::Context& /*ctx*/, const std::string& title, const std::string& /*name*/,
                    const ctemplate::TemplateDictionary& /*dict*/, unsigned status) {
  return http::Response::html("<!doctype html><html lang=\"fr\"><title>" + title + "</title></html>",
                              status);
}

http::Response error_page(http::Context& /*ctx*/, unsigned status, const std::string& title,
                          const std::string& /*message*/) {
  return http::Response::html("<!doctype html><html lang=\"fr\"><title>" + title + "</title></html>",
                              status);
}

}  // namespace parcours::html
