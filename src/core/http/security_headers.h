// The security headers every response carries, whoever built it (a page, a static file, the
// server's own 400/413/503): a strict Content-Security-Policy with no inline script or style,
// no framing, no MIME sniffing, and HSTS when the service is public over https.
#pragma once

#include "core/config.h"
#include "core/http/response.h"

namespace parcours::http {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

// Sets the headers, replacing any value a handler may have put there.
void add_security_headers(Response& response, const Config& config);

}  // namespace parcours::http
