// Handlers of the accounts pages, registered by routes.cpp, and the helpers they share.
// Each handler file starts each handler with a one-line comment: method, path, who may call it.
#pragma once

#include <ctemplate/template.h>

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/http/context.h"
#include "core/http/response.h"

namespace parcours::accounts {

http::Response show_login(http::Context& ctx);
http::Response submit_login(http::Context& ctx);
http::Response submit_logout(http::Context& ctx);

http::Response show_forgot_password(http::Context& ctx);
http::Response submit_forgot_password(http::Context& ctx);
http::Response show_password_form(http::Context& ctx);
http::Response submit_password_form(http::Context& ctx);

http::Response show_account(http::Context& ctx);
http::Response submit_acting_organisation(http::Context& ctx);

// `next` when it is a path of this site ("/compte"), else "/": never a redirect elsewhere.
std::string local_path_or_root(std::string_view next);

// A dictionary for a content template, with the form's CSRF token set.
void set_csrf(const http::Context& ctx, ctemplate::TemplateDictionary& dict);

// Shows the error under its field: section `<FIELD>_ERROR` with `MESSAGE`, or, when the error
// names no field, section `FORM_ERROR`.
void show_error(ctemplate::TemplateDictionary& dict, const Error& error);

}  // namespace parcours::accounts
