// Who may search the services and read the published catalogue: anyone, signed in or not (a
// person looking for help, a professional, a data·inclusion client); drafts and archived
// services never reach the index nor the exports. Imports run from the command line only.
#pragma once

#include <optional>

#include "core/security/actor.h"

namespace parcours::search {

enum class Action {
  kSearch,         // /services, /api/v1/search/services
  kReadCatalogue,  // /api/v1/services, /api/v1/structures
  kImport,         // not over HTTP
};

bool allowed(const security::Actor* actor, Action action);

}  // namespace parcours::search
