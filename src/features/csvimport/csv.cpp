#include "features/csvimport/csv.h"

#include <array>
#include <chrono>

namespace parcours::csvimport {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

// Valid UTF-8 (a sequence cut at the end of `s` is accepted: `s` is the head of a file).
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 0
                    : (c >> 5) == 0x6  ? 1
                    : (c >> 4) == 0xE  ? 2
                    : (c >> 3) == 0x1E ? 3
                                       : 9;
    if (n == 9 || (n == 1 && c < 0xC2)) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return true;
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += n + 1;
  }
  return true;
}

// windows-1252 0x80..0x9F (0 where undefined: kept as the C1 code point).
constexpr std::array<char32_t, 32> kHigh = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t code_point_1252(unsigned char c) { return c >= 0x80 && c < 0xA0 ? kHigh[c - 0x80] : c; }

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

const char* encoding_code(Encoding e) {
  switch (e) {
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kUtf8Bom:
      return "utf-8-bom";
    case Encoding::kWindows1252:
      return "windows-1252";
  }
  return "utf-8";
}

const char* encoding_label(Encoding e) {
  switch (e) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 avec BOM";
    case Encoding::kWindows1252:
      return "Windows-1252 (ANSI)";
  }
  return "UTF-8";
}

std::optional<Encoding> parse_encoding(std::string_view code) {
  if (code == "utf-8") return Encoding::kUtf8;
  if (code == "utf-8-bom") return Encoding::kUtf8Bom;
  if (code == "windows-1252") return Encoding::kWindows1252;
  return std::nullopt;
}

std::string separator_label(char separator) {
  switch (separator) {
    case ';':
      return "point-virgule (;)";
    case ',':
      return "virgule (,)";
    case '\t':
      return "tabulation";
  }
  return std::string(1, separator);
}

Format detect_format_of(std::string_view head) {
  Format f;
  if (head.starts_with("\xEF\xBB\xBF")) {
    f.encoding = Encoding::kUtf8Bom;
    head.remove_prefix(3);
  } else {
    f.encoding = valid_utf8(head) ? Encoding::kUtf8 : Encoding::kWindows1252;
  }
  // The header line, outside quotes.
  int semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
    if (c == '\t') ++tabs;
  }
  f.separator = ';';
  if (commas > semicolons && commas >= tabs) f.separator = ',';
  if (tabs > semicolons && tabs > commas) f.separator = '\t';
  return f;
}

Result<Format> detect_format(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail(ErrorCode::kNotFound, "Le fichier « " + path + " » est introuvable.", "file");
  std::string head(kChunk, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find_first_not_of(" \r\n\t\xEF\xBB\xBF") == std::string::npos) {
    return fail(ErrorCode::kInvalid, "Le fichier est vide.", "file");
  }
  return detect_format_of(head);
}

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) append_utf8(out, code_point_1252(static_cast<unsigned char>(c)));
  return out;
}

CsvReader::CsvReader(const std::string& path, Format format)
    : in_(path, std::ios::binary), format_(format) {}

int CsvReader::get() {
  if (pending_pos_ < pending_.size()) return static_cast<unsigned char>(pending_[pending_pos_++]);
  if (pos_ >= buffer_.size()) {
    if (!in_) return -1;
    buffer_.resize(kChunk);
    in_.read(buffer_.data(), static_cast<std::streamsize>(kChunk));
    buffer_.resize(static_cast<std::size_t>(in_.gcount()));
    pos_ = 0;
    if (buffer_.empty()) return -1;
    if (first_) {
      first_ = false;
      if (buffer_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
      bytes_ += static_cast<std::int64_t>(pos_);
      if (pos_ >= buffer_.size()) return get();
    }
  }
  auto c = static_cast<unsigned char>(buffer_[pos_++]);
  ++bytes_;
  if (c >= 0x80 && format_.encoding == Encoding::kWindows1252) {
    pending_.clear();
    append_utf8(pending_, code_point_1252(c));
    pending_pos_ = 1;
    return static_cast<unsigned char>(pending_[0]);
  }
  return c;
}

int CsvReader::take() {
  if (ahead_ != kNone) {
    int c = ahead_;
    ahead_ = kNone;
    return c;
  }
  return get();
}

std::optional<Record> CsvReader::next() {
  while (true) {
    Record record;
    record.line = line_;
    std::string field;
    bool quoted = false;      // inside quotes
    bool was_quoted = false;  // the field began with a quote
    bool any = false;         // anything read for this record
    int c;
    while (true) {
      c = take();
      if (c < 0) break;
      any = true;
      if (quoted) {
        if (c == '"') {
          int d = take();
          if (d == '"') {
            field += '"';
          } else {
            quoted = false;
            ahead_ = d < 0 ? kNone : d;
            if (d < 0) {
              c = -1;
              break;
            }
          }
          continue;
        }
        if (c == '\n') ++line_;
        if (c == '\r') {
          int d = take();
          if (d != '\n') ++line_;
          if (d >= 0) ahead_ = d;
        }
        field += static_cast<char>(c);
        continue;
      }
      if (c == format_.separator) {
        record.fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        continue;
      }
      if (c == '\n' || c == '\r') {
        ++line_;
        if (c == '\r') {
          int d = take();
          if (d != '\n' && d >= 0) ahead_ = d;
        }
        break;
      }
      if (c == '"' && field.empty() && !was_quoted) {
        quoted = true;
        was_quoted = true;
        continue;
      }
      field += static_cast<char>(c);
    }
    if (c < 0 && !any) return std::nullopt;
    record.unterminated = quoted;
    record.fields.push_back(std::move(field));
    // Blank lines are skipped.
    if (record.fields.size() == 1 && record.fields[0].empty() && !was_quoted) {
      if (c < 0) return std::nullopt;
      continue;
    }
    return record;
  }
}

std::optional<std::string> parse_french_date(std::string_view input, int today_year) {
  std::string_view s = input;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  int y = 0, m = 0, d = 0;
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(0, 4)) &&
      digits(s.substr(5, 2)) && digits(s.substr(8, 2)) &&
      (s.size() == 10 || s[10] == ' ' || s[10] == 'T')) {
    y = number(s.substr(0, 4));
    m = number(s.substr(5, 2));
    d = number(s.substr(8, 2));
  } else {
    // JJ/MM/AAAA, JJ-MM-AAAA, JJ.MM.AAAA, JJ/MM/AA; one-digit day or month accepted; a time
    // after a space is ignored.
    auto space = s.find(' ');
    if (space != std::string_view::npos) s = s.substr(0, space);
    char sep = 0;
    for (char c : s) {
      if (c == '/' || c == '-' || c == '.') {
        sep = c;
        break;
      }
    }
    if (!sep) return std::nullopt;
    auto a = s.find(sep);
    auto b = s.find(sep, a + 1);
    if (b == std::string_view::npos || s.find(sep, b + 1) != std::string_view::npos) {
      return std::nullopt;
    }
    auto ds = s.substr(0, a), ms = s.substr(a + 1, b - a - 1), ys = s.substr(b + 1);
    if (!digits(ds) || !digits(ms) || !digits(ys) || ds.size() > 2 || ms.size() > 2) {
      return std::nullopt;
    }
    d = number(ds);
    m = number(ms);
    if (ys.size() == 4) {
      y = number(ys);
    } else if (ys.size() == 2) {
      int yy = number(ys);
      int century = today_year / 100 * 100;
      y = century + yy;
      if (y > today_year) y -= 100;
    } else {
      return std::nullopt;
    }
  }
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900) return std::nullopt;
  char out[11];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return std::string(out);
}

}  // namespace parcours::csvimport
