// The search policy, as a matrix: searching and reading the published catalogue are open to
// everyone (visitor, person, professional, admin); importing never goes through HTTP.
#include <gtest/gtest.h>

#include "features/search/policy.h"

namespace parcours::search {
namespace {

TEST(SearchPolicy, Matrix) {
  security::Actor professional;
  professional.user_id = 7;
  for (const security::Actor* actor : {static_cast<const security::Actor*>(nullptr),
                                       static_cast<const security::Actor*>(&professional)}) {
    EXPECT_TRUE(allowed(actor, Action::kSearch));
    EXPECT_TRUE(allowed(actor, Action::kReadCatalogue));
    EXPECT_FALSE(allowed(actor, Action::kImport));
  }
}

}  // namespace
}  // namespace parcours::search
