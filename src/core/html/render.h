// HTML rendering with ctemplate. Templates live in templates/<feature>/<name>.tpl and start with
// {{%AUTOESCAPE context="HTML"}}, so every variable is escaped for its context at load time;
// handlers never build HTML strings. A page is a content template wrapped in the DSFR layout
// (templates/layout.tpl: header, navigation by role, demo banner, footer).
//
//   ctemplate::TemplateDictionary dict("content");
//   dict.SetValue("NAME", org.name);
//   return html::page(ctx, "Structures", "orgs/list.tpl", dict);
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "core/http/context.h"
#include "core/http/response.h"

namespace parcours::html {

// Sets the directory templates are read from (once, at start).
void set_template_root(const std::string& root);

// Expands one template; throws std::runtime_error if it cannot be loaded.
std::string render(const std::string& name, const ctemplate::TemplateDictionary& dict);

// The content template inside the layout, as a full page.
http::Response page(http::Context& ctx, const std::string& title, const std::string& name,
                    const ctemplate::TemplateDictionary& dict, unsigned status = 200);

// A French DSFR error page (404, 403, 405...).
http::Response error_page(http::Context& ctx, unsigned status, const std::string& title,
                          const std::string& message);

}  // namespace parcours::html
