// Percent-decoding and splitting of request targets, shared by the server (which fills a Request
// from the raw target) and the static files (which must refuse encoded path tricks).
//
//   Request r; if (!parse_target("/orgs/3?page=2", r)) → 400
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/http/request.h"

namespace parcours::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`); empty when an escape is
// malformed or decodes to a NUL byte, which no legitimate path or field contains.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// Fills request.target, request.path (decoded) and request.query from a raw origin-form target.
// False when the target does not start with '/' or its path does not decode.
bool parse_target(std::string_view target, Request& request);

}  // namespace parcours::http
