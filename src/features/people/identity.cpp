#include "features/people/identity.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>

#include "core/clock.h"
#include "core/text.h"

namespace parcours::people {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The input without the separators people type inside identifiers, letters uppercased.
std::string compact(std::string_view input) {
  std::string out;
  for (char c : input) {
    if (c == ' ' || c == '.' || c == '-' || c == '\t' || c == '/') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += c;
  }
  return out;
}

bool nir_characters(std::string_view first13) {
  if (first13.size() != 13) return false;
  for (std::size_t i = 0; i < 13; ++i) {
    bool corsica = (i == 6 && first13[5] == '2' && (first13[6] == 'A' || first13[6] == 'B'));
    if (!is_digit(first13[i]) && !corsica) return false;
  }
  char sex = first13[0];
  return sex == '1' || sex == '2' || sex == '3' || sex == '4' || sex == '7' || sex == '8';
}

}  // namespace

std::optional<int> nir_key(std::string_view first13) {
  if (!nir_characters(first13)) return std::nullopt;
  std::string digits(first13);
  if (digits[6] == 'A') digits.replace(5, 2, "19");
  if (digits[6] == 'B') digits.replace(5, 2, "18");
  std::uint64_t n = 0;
  for (char c : digits) n = n * 10 + static_cast<std::uint64_t>(c - '0');
  return static_cast<int>(97 - n % 97);
}

Result<std::string> normalise_nir(std::string_view input, std::string_view field) {
  std::string nir = compact(input);
  std::string name(field);
  if (nir.size() != 13 && nir.size() != 15) {
    return fail(ErrorCode::kInvalid,
                "Le numéro de sécurité sociale doit comporter 13 caractères, ou 15 avec la clé "
                "(vous en avez saisi " +
                    std::to_string(nir.size()) + ").",
                name);
  }
  auto key = nir_key(std::string_view(nir).substr(0, 13));
  if (!key) {
    return fail(ErrorCode::kInvalid,
                "Le numéro de sécurité sociale n’a pas la bonne forme : il commence par 1 ou 2, "
                "ne contient que des chiffres (2A ou 2B pour la Corse).",
                name);
  }
  if (nir.size() == 15) {
    std::string_view typed = std::string_view(nir).substr(13);
    if (!is_digit(typed[0]) || !is_digit(typed[1]) ||
        (typed[0] - '0') * 10 + (typed[1] - '0') != *key) {
      return fail(ErrorCode::kInvalid,
                  "La clé du numéro de sécurité sociale (2 derniers chiffres) ne correspond pas "
                  "au numéro : vérifiez-le.",
                  name);
    }
  }
  return nir;
}

std::string nir_first13(std::string_view nir) { return std::string(nir.substr(0, 13)); }

Result<std::string> normalise_caf_number(std::string_view input, std::string_view field) {
  std::string digits = compact(input);
  std::string name(field);
  if (!text::all_digits(digits) || digits.size() > 15) {
    return fail(ErrorCode::kInvalid,
                "Le numéro allocataire CAF ou MSA ne contient que des chiffres (7 chiffres).",
                name);
  }
  std::size_t first = digits.find_first_not_of('0');
  std::string significant = first == std::string::npos ? "" : digits.substr(first);
  if (significant.empty() || significant.size() > 7) {
    return fail(ErrorCode::kInvalid, "Le numéro allocataire CAF ou MSA comporte 7 chiffres.", name);
  }
  return std::string(7 - significant.size(), '0') + significant;
}

Result<std::string> normalise_ft_id(std::string_view input, std::string_view field) {
  std::string id = compact(input);
  bool ok = id.size() == 8;
  for (char c : id) ok = ok && (is_digit(c) || (c >= 'A' && c <= 'Z'));
  if (!ok) {
    return fail(ErrorCode::kInvalid,
                "L’identifiant France Travail comporte 8 caractères, chiffres ou lettres "
                "(par exemple 1234567A).",
                std::string(field));
  }
  return id;
}

Result<std::string> normalise_internal_id(std::string_view input, std::string_view field) {
  std::string id = text::trim(input);
  bool ok = !id.empty() && id.size() <= 40;
  for (char c : id) ok = ok && static_cast<unsigned char>(c) >= 0x20 && c != 0x7F;
  if (!ok) {
    return fail(ErrorCode::kInvalid, "L’identifiant du département comporte de 1 à 40 caractères.",
                std::string(field));
  }
  return id;
}

Result<std::string> normalise_phone(std::string_view input, std::string_view field) {
  std::string digits;
  for (char c : input) {
    if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '\t' || c == '/') continue;
    digits += c;
  }
  auto bad = [&] {
    return fail(ErrorCode::kInvalid,
                "Le numéro de téléphone doit être un numéro français de 10 chiffres, par "
                "exemple 06 12 34 56 78 ou +33 6 12 34 56 78.",
                std::string(field));
  };
  if (digits.starts_with("00")) digits = "+" + digits.substr(2);
  if (digits.starts_with("+33")) {
    std::string rest = digits.substr(3);
    if (rest.starts_with("0")) rest = rest.substr(1);  // "+33 (0)6..."
    digits = "0" + rest;
  }
  if (digits.starts_with("+")) {
    static constexpr const char* kOverseas[] = {"+262", "+590", "+594", "+596", "+269",
                                                "+687", "+689", "+508", "+681"};
    for (const char* prefix : kOverseas) {
      std::string rest = digits.substr(1);
      if (digits.starts_with(prefix) && text::all_digits(rest) && digits.size() >= 10 &&
          digits.size() <= 13) {
        return digits;
      }
    }
    return bad();
  }
  if (digits.size() != 10 || digits[0] != '0' || digits[1] == '0' || !text::all_digits(digits)) {
    return bad();
  }
  return "+33" + digits.substr(1);
}

std::string display_phone(std::string_view stored) {
  if (!stored.starts_with("+33") || stored.size() != 12) return std::string(stored);
  std::string national = "0" + std::string(stored.substr(3));
  std::string out;
  for (std::size_t i = 0; i < national.size(); i += 2) {
    if (i) out += ' ';
    out += national.substr(i, 2);
  }
  return out;
}

Result<std::string> normalise_email(std::string_view input, std::string_view field) {
  std::string email = text::trim(input);
  for (char& c : email) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto at = email.find('@');
  bool ok = at != std::string::npos && at > 0 && email.find('@', at + 1) == std::string::npos &&
            email.size() <= 254;
  if (ok) {
    auto dot = email.find('.', at);
    ok = dot != std::string::npos && dot > at + 1 && email.back() != '.';
  }
  for (char c : email) {
    ok = ok && c != ' ' && c != ',' && c != ';' && c != '<' && c != '>' && c != '"' &&
         static_cast<unsigned char>(c) >= 0x21;
  }
  if (!ok) {
    return fail(ErrorCode::kInvalid, "L’adresse électronique doit avoir la forme nom@domaine.fr.",
                std::string(field));
  }
  return email;
}

Result<std::string> normalise_birth_date(std::string_view input, std::string_view field) {
  std::string value = text::trim(input);
  int y = 0, m = 0, d = 0;
  auto number = [](std::string_view s, int& out) {
    if (!text::all_digits(s)) return false;
    out = 0;
    for (char c : s) out = out * 10 + (c - '0');
    return true;
  };
  bool parsed = false;
  if (value.size() == 10 && value[4] == '-' && value[7] == '-') {
    parsed = number(std::string_view(value).substr(0, 4), y) &&
             number(std::string_view(value).substr(5, 2), m) &&
             number(std::string_view(value).substr(8, 2), d);
  } else if (value.size() == 10 && (value[2] == '/' || value[2] == '-') && value[5] == value[2]) {
    parsed = number(std::string_view(value).substr(6, 4), y) &&
             number(std::string_view(value).substr(3, 2), m) &&
             number(std::string_view(value).substr(0, 2), d);
  }
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!parsed || !ymd.ok()) {
    return fail(ErrorCode::kInvalid,
                "La date de naissance doit être une date valide, par exemple 12/03/1984.",
                std::string(field));
  }
  auto today = floor<days>(sys_seconds{seconds{now_seconds()}});
  if (y < 1900 || sys_days{ymd} > today) {
    return fail(ErrorCode::kInvalid,
                "La date de naissance doit être comprise entre 1900 et aujourd’hui.",
                std::string(field));
  }
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

Result<std::string> normalise_name(std::string_view input, std::string_view field,
                                   std::string_view label) {
  std::string name;
  for (char c : text::trim(input)) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (name.empty() || name.back() == ' ')) continue;
    name += space ? ' ' : c;
  }
  if (name.empty()) {
    return fail(ErrorCode::kInvalid, "Indiquez " + std::string(label) + ".", std::string(field));
  }
  if (name.size() > 100 || text::fold_for_search(name).empty()) {
    return fail(ErrorCode::kInvalid,
                "Saisissez " + std::string(label) + " en lettres (100 caractères au plus).",
                std::string(field));
  }
  return name;
}

std::string display_date(std::string_view iso) {
  static constexpr const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                                            "mai",       "juin",    "juillet",  "août",
                                            "septembre", "octobre", "novembre", "décembre"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  int m = (iso[5] - '0') * 10 + (iso[6] - '0');
  int d = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (m < 1 || m > 12) return std::string(iso);
  return std::to_string(d) + (d == 1 ? "er " : " ") + kMonths[m - 1] + " " +
         std::string(iso.substr(0, 4));
}

}  // namespace parcours::people
