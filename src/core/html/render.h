// HTML rendering with ctemplate. Templates live in templates/<feature>/<name>.tpl and start with
// {{%AUTOESCAPE context="HTML"}}, so every variable is escaped for its context at load time;
// handlers never build HTML strings. A page is a content template wrapped in the DSFR layout
// (templates/layout.tpl: header, navigation by role, demo banner, flash message, footer).
// `page` also sets CSRF_TOKEN in the content dictionary, so forms write
// <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">.
//
//   ctemplate::TemplateDictionary dict("content");
//   dict.SetValue("NAME"_key, org.name);
//   return html::page(ctx, "Structures", "organisations/list.tpl", dict);
#pragma once

#include <ctemplate/template.h>

#include <algorithm>
#include <cstddef>
#include <string>

#include "core/error.h"
#include "core/http/context.h"
#include "core/http/response.h"

namespace parcours::html {

// Sets the directories templates and built assets (web/dist with manifest.json) are read from.
// Optional: without it, the first page uses resource_dir() on the request's Config.
void set_template_root(const std::string& root);
void set_web_root(const std::string& root);

// The name of a template variable or section, registered with ctemplate once per thread. Plain
// string names make ctemplate hash the name and take its global name-registry lock on every
// SetValue; with key() it does neither. Use it where values are set in loops over rows:
//   row->SetValue(html::key("NAME"), member.name);
ctemplate::TemplateString key(std::string_view name);

// A string literal as a template parameter (for operator""_key).
template <std::size_t N>
struct KeyText {
  constexpr KeyText(const char (&text)[N]) { std::copy_n(text, N, chars); }  // NOLINT: implicit
  char chars[N];
};

}  // namespace parcours::html

namespace parcours {

// The name of a template variable or section, registered with ctemplate once per process, the
// first time its line runs; afterwards a use costs two initialisation checks, no hashing, no
// lock, no lookup. For every page's names, in loops or not:
//   dict.SetValue("NAME"_key, org.name);  row->AddSectionDictionary("MEMBER"_key);
// (A plain "NAME" makes ctemplate hash the name and take its global name-registry lock, shared
// by all the worker threads, on every call: 4 % of the journey page.)
template <html::KeyText text>
ctemplate::TemplateString operator""_key() {
  // The template parameter object `text` has static storage: its characters never move.
  static const ctemplate::StaticTemplateString name{{text.chars, sizeof(text.chars) - 1, 0}};
  static const ctemplate::StaticTemplateStringInitializer registered(&name);  // computes the id
  return ctemplate::TemplateString(name);
}

}  // namespace parcours

namespace parcours::html {

// Expands one template; throws std::runtime_error if it cannot be loaded. `expected_size` is
// reserved first, for the big ones.
std::string render(const std::string& name, const ctemplate::TemplateDictionary& dict,
                   std::size_t expected_size = 0);

// The content template inside the layout, as a full page.
http::Response page(http::Context& ctx, const std::string& title, const std::string& name,
                    ctemplate::TemplateDictionary& dict, unsigned status = 200);

// An already rendered content inside the layout (a page kept in memory, say), as a full page.
// The content must not hold a CSRF token: it is the session's, set only by `page`.
http::Response page_of_content(http::Context& ctx, const std::string& title,
                               const std::string& content, unsigned status = 200);

// A French DSFR error page (404, 403, 405...).
http::Response error_page(http::Context& ctx, unsigned status, const std::string& title,
                          const std::string& message);

// The error page for an expected failure: its status, French title and message.
http::Response error_page(http::Context& ctx, const Error& error);

// The answer to an action a policy refused: the login page for a visitor (redirect), a 403
// page for a signed-in account.
http::Response refuse(http::Context& ctx);

// Shows a validation error in a form: the section <FIELD>_ERROR (field name uppercased, '-'
// as '_') with ERROR_MESSAGE inside, and the ERROR_SUMMARY section at the top of the form.
void show_form_error(ctemplate::TemplateDictionary& dict, const Error& error);

// Path of a built asset under /static/ from its logical name ("app.css"), fingerprinted
// through web/dist/manifest.json; the logical path itself when the manifest lacks it.
std::string asset_url(const std::string& logical_name);

}  // namespace parcours::html
