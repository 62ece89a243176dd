// Handlers of the person's own space (/mon-espace) and of the public request form
// (/demander-un-accompagnement), registered by routes.cpp. Each opens with a one-line comment:
// method, path, who may call it. Pages are phone-first DSFR, in plain French.
#pragma once

#include <cstdint>
#include <optional>

#include "core/http/context.h"
#include "core/http/response.h"

namespace parcours::portal {

// Sign-in by magic link, and sign-out.
http::Response show_login(http::Context& ctx);
http::Response submit_login(http::Context& ctx);
http::Response show_link(http::Context& ctx);
http::Response submit_link(http::Context& ctx);
http::Response submit_logout(http::Context& ctx);

// The space.
http::Response show_home(http::Context& ctx);
http::Response show_timeline(http::Context& ctx);
http::Response show_contact(http::Context& ctx);
http::Response submit_contact(http::Context& ctx);
http::Response show_referent_request(http::Context& ctx);
http::Response submit_referent_request(http::Context& ctx);
http::Response show_accesses(http::Context& ctx);
http::Response show_my_data(http::Context& ctx);
http::Response download_json(http::Context& ctx);
http::Response show_printable(http::Context& ctx);
http::Response show_objections(http::Context& ctx);
http::Response submit_objection(http::Context& ctx);
http::Response submit_withdrawal(http::Context& ctx);

// The public form.
http::Response show_request_form(http::Context& ctx);
http::Response submit_request_form(http::Context& ctx);
http::Response show_request_sent(http::Context& ctx);

// The person signed in to the space, if any.
std::optional<std::int64_t> signed_in_person(const http::Context& ctx);
// The answer to a visitor without a person session: the sign-in page of the space.
http::Response to_login(http::Context& ctx);

}  // namespace parcours::portal
