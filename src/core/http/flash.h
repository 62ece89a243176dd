// One-shot messages shown on the next page after a redirect ("Structure créée."), carried by a
// short-lived HttpOnly cookie that the request pipeline reads into ctx.flash and clears.
#pragma once

#include <string>

#include "core/http/context.h"

namespace parcours::http {

inline constexpr const char* kFlashCookie = "parcours_flash";

void set_flash(Context& ctx, const std::string& message);

}  // namespace parcours::http
