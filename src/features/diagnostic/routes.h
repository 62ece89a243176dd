// The diagnostic pages: the professional's (/personnes/{id}/diagnostic, history, compare), the
// person's own part (/mon-espace/diagnostic) and a territory's extra questions
// (/territoires/{id}/diagnostic). See pages.cpp for each route and who may call it.
#pragma once

#include "core/http/router.h"

namespace parcours::diagnostic {

void register_routes(http::Router& router);

}  // namespace parcours::diagnostic
