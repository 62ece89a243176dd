// Handlers of the accounts pages, registered by routes.cpp. Each handler opens with a one-line
// comment: method, path, who may call it. Forms show errors with html::show_form_error.
#pragma once

#include <string>
#include <string_view>

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

}  // namespace parcours::accounts
