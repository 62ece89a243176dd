#include "core/text.h"

#include <charconv>
#include <cstdint>

namespace parcours::text {
namespace {

// Marks an invalid byte returned by next_code_point, to be copied as is.
constexpr char32_t kRawByte = 0x80000000;

// Decodes one UTF-8 sequence at `i`, advancing it; an invalid byte comes back as kRawByte | byte.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
  if (extra <= 0 || i + extra >= s.size()) {
    ++i;
    return c < 0x80 ? c : kRawByte | c;
  }
  char32_t cp = c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return kRawByte | c;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Base letters of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A), lowercase, from
// the Unicode decompositions; '\0' where the character is not folded to one letter (× ÷ are
// separators, Æ Œ ß Ĳ become two letters, ŉ Ŋ stay as they are).
constexpr char kLatinBase[] =
    "aaaaaa\0ceeeeiiii"    // 00C0-00CF
    "dnooooo\0ouuuuy\0\0"  // 00D0-00DF
    "aaaaaa\0ceeeeiiii"    // 00E0-00EF
    "dnooooo\0ouuuuy\0y"   // 00F0-00FF
    "aaaaaaccccccccdd"     // 0100-010F
    "ddeeeeeeeeeegggg"     // 0110-011F
    "gggghhhhiiiiiiii"     // 0120-012F
    "ii\0\0jjkkklllllll"   // 0130-013F
    "lllnnnnnn\0\0\0oooo"  // 0140-014F
    "oo\0\0rrrrrrssssss"   // 0150-015F
    "ssttttttuuuuuuuu"     // 0160-016F
    "uuuuwwyyyzzzzzzs";    // 0170-017F
static_assert(sizeof(kLatinBase) == 0x180 - 0xC0 + 1);

// Appends the folded form of one code point: a letter, a space for a separator, or the
// character itself.
void fold_code_point(std::string& out, char32_t cp) {
  if (cp & kRawByte) {
    out += static_cast<char>(cp & 0xFF);
    return;
  }
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else {
      out += ' ';  // punctuation, hyphens, apostrophes, whitespace
    }
    return;
  }
  if (cp >= 0x300 && cp <= 0x36F) return;  // combining accents of decomposed input
  switch (cp) {
    case U'Æ':
    case U'æ':
      out += "ae";
      return;
    case U'Œ':
    case U'œ':
      out += "oe";
      return;
    case U'ß':
      out += "ss";
      return;
    case U'Ĳ':
    case U'ĳ':
      out += "ij";
      return;
    case U'’':
    case U'‘':
    case U'‐':
    case U'‑':
    case U'–':
    case U'—':
    case U'«':
    case U'»':
    case U'\u00A0':
    case U'\u202F':
    case U'×':
    case U'÷':
      out += ' ';
      return;
    default:
      break;
  }
  if (cp >= 0xC0 && cp < 0x180 && kLatinBase[cp - 0xC0] != '\0') {
    out += kLatinBase[cp - 0xC0];
    return;
  }
  append_utf8(out, cp);
}

}  // namespace

std::string fold_for_search(std::string_view input) {
  std::string spaced;
  spaced.reserve(input.size());
  for (std::size_t i = 0; i < input.size();) fold_code_point(spaced, next_code_point(input, i));
  // Collapse runs of spaces and trim.
  std::string out;
  out.reserve(spaced.size());
  for (char c : spaced) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string slugify(std::string_view input, std::size_t max_length) {
  std::string slug;
  for (char c : fold_for_search(input)) {
    if (slug.size() >= max_length) break;
    if (c == ' ') {
      slug += '-';
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug += c;
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string trim(std::string_view input) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  std::size_t begin = 0;
  std::size_t end = input.size();
  while (begin < end && space(input[begin])) ++begin;
  while (end > begin && space(input[end - 1])) --end;
  return std::string(input.substr(begin, end - begin));
}

bool all_digits(std::string_view input) {
  if (input.empty()) return false;
  for (char c : input) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<std::int64_t> parse_id(std::string_view input) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(input.data(), input.data() + input.size(), id);
  if (input.empty() || ec != std::errc() || end != input.data() + input.size() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

}  // namespace parcours::text
