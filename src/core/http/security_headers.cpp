#include "core/http/security_headers.h"

namespace parcours::http {

void add_security_headers(Response& response, const Config& config) {
  response.set_header("Content-Security-Policy", kContentSecurityPolicy);
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "same-origin");
  response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Cross-Origin-Opener-Policy", "same-origin");
  if (config.https()) {
    response.set_header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
}

}  // namespace parcours::http
