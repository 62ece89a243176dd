// SIRET numbers (14 digits: SIREN + establishment number) and their check. The last digit makes
// the Luhn sum a multiple of 10, except for La Poste (SIREN 356000000), whose establishments
// are too many for one key: theirs have a digit sum that is a multiple of 5.
#pragma once

#include <string>
#include <string_view>

namespace parcours::organisations {

// Digits of a SIRET as typed ("732 829 320 00074" → "73282932000074"): spaces, dots and
// non-breaking spaces removed; other characters kept so that validation can refuse them.
std::string normalise_siret(std::string_view input);

// True for 14 digits passing the Luhn check (or La Poste's rule).
bool is_valid_siret(std::string_view siret);

}  // namespace parcours::organisations
