#include "features/search/policy.h"

namespace parcours::search {

bool allowed(const security::Actor* /*actor*/, Action action) {
  switch (action) {
    case Action::kSearch:
    case Action::kReadCatalogue:
      return true;  // public: published services only
    case Action::kImport:
      return false;  // the command line, never HTTP
  }
  return false;
}

}  // namespace parcours::search
