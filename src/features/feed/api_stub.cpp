#include "features/feed/routes.h"

namespace parcours::feed {
void register_api(http::Router&) {}
}  // namespace parcours::feed
