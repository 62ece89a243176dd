// What a receiving party sees of the person: only the parts the sender chose to share, read
// from the record at the time of reading. Every part shown is a read logged in the access log
// (by the member who reads, or kLinkReader with the link's address as the purpose).
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <string>

#include "core/store/db.h"
#include "features/referrals/referrals.h"

namespace parcours::referrals {

// Fills the SHARED_PART sections (TITLE, then ROW with LABEL and VALUE) of `dict` and logs the
// reads: `reader` is the account, or kLinkReader; `purpose` the route or the link's address.
void fill_shared_parts(store::Connection& conn, ctemplate::TemplateDictionary& dict,
                       const Referral& referral, std::int64_t reader, const std::string& purpose);

}  // namespace parcours::referrals
