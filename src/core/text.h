// Text helpers for search and identifiers. `fold_for_search` turns what a user types and what
// we store into one comparable form (lowercase, accents removed, hyphens and apostrophes as
// spaces), so that "saint-étienne", "St Etienne" or "SAINT ETIENNE" meet the same key.
//
//   fold_for_search("L'Abergement-Clémenciat") == "l abergement clemenciat"
//   slugify("CCAS de Sedan") == "ccas-de-sedan"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parcours::text {

// Greater than any UTF-8 continuation of a prefix (U+10FFFF): `term >= w AND term < w +
// kAfterPrefix` reads the index range of the terms beginning with w, in byte order (SQLite) and
// in the C.UTF-8 collation (PostgreSQL).
inline constexpr const char* kAfterPrefix = "\xF4\x8F\xBF\xBF";

// Lowercase ASCII, accents of Latin letters removed (œ → oe, æ → ae, ß → ss), hyphens,
// apostrophes and other punctuation turned into single spaces, trimmed. Other characters are
// kept as they are (UTF-8).
std::string fold_for_search(std::string_view input);

// A URL-safe identifier: the folded text with spaces as hyphens, only [a-z0-9-] kept, at most
// `max_length` characters, never ending with a hyphen. Empty when nothing usable remains.
std::string slugify(std::string_view input, std::size_t max_length = 60);

// Leading and trailing ASCII whitespace removed.
std::string trim(std::string_view input);

// True when every character is an ASCII digit (and there is at least one).
bool all_digits(std::string_view input);

// A positive decimal identifier ("42"), as found in paths and form fields; empty otherwise.
std::optional<std::int64_t> parse_id(std::string_view input);

}  // namespace parcours::text
