#include "features/organisations/siret.h"

#include "core/text.h"

namespace parcours::organisations {

std::string normalise_siret(std::string_view input) {
  std::string out;
  for (std::size_t i = 0; i < input.size(); ++i) {
    char c = input[i];
    if (c == ' ' || c == '.' || c == '\t') continue;
    // U+00A0 and U+202F (non-breaking spaces) as French keyboards and copies produce them.
    if (input.substr(i, 2) == "\xC2\xA0") {
      ++i;
      continue;
    }
    if (input.substr(i, 3) == "\xE2\x80\xAF") {
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

bool is_valid_siret(std::string_view siret) {
  if (siret.size() != 14 || !text::all_digits(siret)) return false;
  int luhn = 0;
  int digit_sum = 0;
  for (std::size_t i = 0; i < siret.size(); ++i) {
    int d = siret[siret.size() - 1 - i] - '0';
    digit_sum += d;
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    luhn += d;
  }
  if (luhn % 10 == 0) return true;
  return siret.substr(0, 9) == "356000000" && digit_sum % 5 == 0;
}

}  // namespace parcours::organisations
