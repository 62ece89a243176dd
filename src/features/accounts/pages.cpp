#include "features/accounts/pages.h"

#include <algorithm>

namespace parcours::accounts {

std::string local_path_or_root(std::string_view next) {
  // "//host" and "/\host" are read by browsers as another site; control characters could
  // split headers.
  bool local =
      !next.empty() && next[0] == '/' &&
      (next.size() == 1 || (next[1] != '/' && next[1] != '\\')) &&
      std::none_of(next.begin(), next.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; });
  return local ? std::string(next) : std::string("/");
}

}  // namespace parcours::accounts
