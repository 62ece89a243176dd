#include "core/http/flash.h"

namespace parcours::http {

void set_flash(Context& ctx, const std::string& message) {
  std::string cookie = std::string(kFlashCookie) + "=" + url_encode(message) +
                       "; Path=/; Max-Age=300; HttpOnly; SameSite=Lax";
  if (ctx.config.https()) cookie += "; Secure";
  ctx.response_headers.emplace_back("Set-Cookie", std::move(cookie));
}

}  // namespace parcours::http
