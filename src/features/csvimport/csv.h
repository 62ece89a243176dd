// Reading person files exported as CSV by any département's software, as a stream.
//
// Detection, from the first 64 KiB: the encoding (a UTF-8 byte order mark; else UTF-8 when the
// bytes are valid UTF-8; else windows-1252, transcoded to UTF-8 byte by byte) and the separator
// (`;`, `,` or tab: the one found most often outside quotes on the header line, `;` on a tie).
// Records follow RFC 4180: a quoted field may hold separators, doubled quotes and line breaks;
// CRLF, LF and CR end a record. Each record knows the line of the file where it starts. A
// quote left open at the end of the file makes a last, broken record.
//
//   auto format = detect_format(path);            // {encoding, separator}
//   CsvReader reader(path, *format);
//   while (auto record = reader.next()) use(record->line, record->fields);
//
// Dates in the usual French forms: JJ/MM/AAAA, JJ-MM-AAAA, JJ.MM.AAAA, AAAA-MM-JJ (a time after
// it is ignored), JJ/MM/AA (two-digit years: in the past century when they would be in the
// future, else this century: "03/04/98" is 1998, "03/04/05" is 2005).
#pragma once

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace parcours::csvimport {

enum class Encoding { kUtf8, kUtf8Bom, kWindows1252 };
const char* encoding_code(Encoding e);   // "utf-8", "utf-8-bom", "windows-1252"
const char* encoding_label(Encoding e);  // "UTF-8 avec BOM", ...
std::optional<Encoding> parse_encoding(std::string_view code);

struct Format {
  Encoding encoding = Encoding::kUtf8;
  char separator = ';';
};
// "point-virgule (;)", "virgule (,)", "tabulation"
std::string separator_label(char separator);

// Detects the format of the file at `path`; kNotFound when it cannot be read, kInvalid when it
// is empty.
Result<Format> detect_format(const std::string& path);
// The same from the first bytes of a file.
Format detect_format_of(std::string_view head);

struct Record {
  std::int64_t line = 0;  // the line of the file where the record starts (1 = the header)
  std::vector<std::string> fields;
  bool unterminated = false;  // a quote opened and never closed
};

class CsvReader {
 public:
  CsvReader(const std::string& path, Format format);
  bool ok() const { return in_.is_open(); }
  // The next record, or nothing at the end. Blank lines are skipped.
  std::optional<Record> next();
  // Bytes read so far (for progress).
  std::int64_t bytes_read() const { return bytes_; }

 private:
  int get();   // the next byte (transcoded), or -1
  int take();  // the same, after the byte put back
  static constexpr int kNone = -2;
  int ahead_ = kNone;
  std::ifstream in_;
  Format format_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::string pending_;  // transcoded bytes of a windows-1252 character
  std::size_t pending_pos_ = 0;
  std::int64_t line_ = 1;
  std::int64_t bytes_ = 0;
  bool first_ = true;
};

// The windows-1252 bytes as UTF-8.
std::string windows1252_to_utf8(std::string_view bytes);

// "12/03/1984" -> "1984-03-12"; nothing when it is not a date in one of the forms above.
// `today_year` decides the century of two-digit years.
std::optional<std::string> parse_french_date(std::string_view input, int today_year);

}  // namespace parcours::csvimport
