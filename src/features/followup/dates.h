// Calendar days of the follow-up (commitments, outcomes, check-ins): stored as 'YYYY-MM-DD',
// typed as the browser sends a date field (YYYY-MM-DD) or by hand (DD/MM/YYYY), shown in French
// ("12 mars 2027"). Days are counted as std::chrono::sys_days does (days since 1970-01-01).
//
//   auto day = parse_date("12/03/2027");      // → days, or nothing
//   iso_date(add_months(*day, 6)) == "2027-09-12"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parcours::followup {

std::optional<std::int64_t> parse_date(std::string_view typed);
std::string iso_date(std::int64_t day);
// "12 mars 2027"
std::string french_date(std::int64_t day);
// "12 mars 2027" from '2027-03-12'; the text itself when it is not a date.
std::string french_date(std::string_view iso);
// The same day `months` later (the last day of the month when it does not exist: 31 → 30).
std::int64_t add_months(std::int64_t day, int months);
// Today in Paris, from the service's clock.
std::int64_t today();

}  // namespace parcours::followup
