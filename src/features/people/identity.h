// Identifiers of a person and how what people type becomes one canonical value. Each function
// takes the raw field value and returns the normalised form, or kInvalid with a French message
// naming `field`; an empty input is the caller's business (optional fields).
//
//   normalise_nir("2 84 05 2A 123 456 21") -> "284052A12345621" (13 characters, or 15 with key)
//   nir_key("1840575123456") == 54;  nir_first13("184057512345654") == "1840575123456"
//   normalise_caf_number("000000001234567") -> "1234567";   normalise_caf_number("12345") ->
//   "0012345" normalise_ft_id("1234567a") -> "1234567A";  normalise_phone("06.12.34.56.78") ->
//   "+33612345678"
//
// The NIR key is 97 - (NIR mod 97) computed on the first 13 characters, where Corsica's 2A and
// 2B (département of birth) count as 19 and 18.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parcours::people {

// The two-digit key of a 13-character NIR (1..97); nullopt if it is not 13 NIR characters.
std::optional<int> nir_key(std::string_view first13);

// Spaces, dots and hyphens removed, letters uppercased; 13 characters, or 15 whose last two
// are the right key. The département part may be 2A or 2B.
Result<std::string> normalise_nir(std::string_view input, std::string_view field = "nir");

// The first 13 characters of a normalised NIR: what identifies the person (CAF files often give
// the NIR without its key).
std::string nir_first13(std::string_view nir);

// CAF or MSA matricule (numéro allocataire): 7 digits, files pad it with zeros up to 15.
Result<std::string> normalise_caf_number(std::string_view input,
                                         std::string_view field = "caf_number");

// France Travail identifier (IDASSEDIC): 8 letters or digits, uppercased.
Result<std::string> normalise_ft_id(std::string_view input, std::string_view field = "ft_id");

// The département's own identifier: trimmed, 1 to 40 printable characters.
Result<std::string> normalise_internal_id(std::string_view input,
                                          std::string_view field = "internal_id");

// A French phone number in any usual form ("06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56
// 78", "0033612345678", "+33 (0)6 12 34 56 78") as "+33612345678". Overseas numbers given with
// their international prefix (+262, +590, +594, +596, +269, +687, +689, +508, +681) are kept.
Result<std::string> normalise_phone(std::string_view input, std::string_view field = "phone");

// How a stored phone is shown: "06 12 34 56 78" for +33, the stored form otherwise.
std::string display_phone(std::string_view stored);

// Trimmed, lowercase, and shaped like name@domain.tld.
Result<std::string> normalise_email(std::string_view input, std::string_view field = "email");

// A date typed as 2027-03-12, 12/03/2027 or 12-03-2027, as YYYY-MM-DD; it must exist, be after
// 1900 and not in the future.
Result<std::string> normalise_birth_date(std::string_view input,
                                         std::string_view field = "birth_date");

// A name: trimmed, inner whitespace collapsed, 1 to 100 characters, at least one letter.
// `label` names it with its article for messages: "le nom de naissance", "les prénoms".
Result<std::string> normalise_name(std::string_view input, std::string_view field,
                                   std::string_view label);

// "12 mars 1984" from "1984-03-12" (the date as stored), the input itself if it is not one.
std::string display_date(std::string_view iso_date);

}  // namespace parcours::people
