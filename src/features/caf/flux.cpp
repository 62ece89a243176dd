#include "features/caf/flux.h"

#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <variant>

#include "core/config.h"

namespace parcours::caf {
namespace {

constexpr int kReaderOptions = XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_HUGE;

std::string hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

std::string trim(const char* text) {
  std::string_view v(text ? text : "");
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  return std::string(v);
}

struct ReaderDeleter {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;

struct SchemaDeleter {
  void operator()(xmlSchema* s) const { xmlSchemaFree(s); }
};

// The schema is parsed once per process and shared (read-only once parsed).
xmlSchema* shared_schema() {
  static std::once_flag once;
  static std::unique_ptr<xmlSchema, SchemaDeleter> schema;
  std::call_once(once, [] {
    auto path = schema_path();
    xmlSchemaParserCtxt* parser = xmlSchemaNewParserCtxt(path.c_str());
    if (!parser) return;
    schema.reset(xmlSchemaParse(parser));
    xmlSchemaFreeParserCtxt(parser);
  });
  return schema.get();
}

struct ErrorSink {
  std::vector<SchemaError>* errors;
};

bool is(const xmlChar* name, const char* literal) {
  return std::strcmp(reinterpret_cast<const char*>(name), literal) == 0;
}

// The SAX handler behind the validator: counts the households (InfosFoyerRSA at depth 1).
struct HouseholdCounter {
  int depth = 0;
  std::int64_t households = 0;

  static void start(void* self, const xmlChar* name, const xmlChar*, const xmlChar*, int,
                    const xmlChar**, int, int, const xmlChar**) {
    auto* counter = static_cast<HouseholdCounter*>(self);
    if (counter->depth == 1 && is(name, "InfosFoyerRSA")) {
      ++counter->households;
    }
    ++counter->depth;
  }
  static void end(void* self, const xmlChar*, const xmlChar*, const xmlChar*) {
    --static_cast<HouseholdCounter*>(self)->depth;
  }
};

void collect_error(void* data, xmlError* error) {
  auto* sink = static_cast<ErrorSink*>(data);
  if (!error || sink->errors->size() >= kMaxSchemaErrors) return;
  if (error->level == XML_ERR_WARNING) return;
  std::string message = trim(error->message);
  sink->errors->push_back({error->line, message});
}

// SHA-256 by OpenSSL, which uses the processor's SHA instructions: several times libsodium's
// portable code on the files (hundreds of megabytes) and on each household's bytes.
bool sha256_of(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  EVP_MD_CTX_free);
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  std::vector<unsigned char> buffer(1 << 16);
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) {
    EVP_DigestUpdate(context.get(), buffer.data(), n);
  }
  std::fclose(f);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  EVP_DigestFinal_ex(context.get(), digest, nullptr);
  out = hex(digest, sizeof digest);
  return true;
}

// windows-1252 -> UTF-8 for libxml2, registered under the name of the files' declaration: a
// table lookup instead of glibc's iconv, which cost a tenth of the reading (bench/README.md).
// The five bytes windows-1252 leaves undefined are input errors, as with iconv.
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x0000, 0x017D, 0x0000, 0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178};

int cp1252_to_utf8(unsigned char* out, int* outlen, const unsigned char* in, int* inlen) {
  unsigned char* o = out;
  unsigned char* const end = out + *outlen;
  const unsigned char* i = in;
  const unsigned char* const stop = in + *inlen;
  int rc = 0;
  while (i < stop) {
    unsigned c = *i;
    if (c < 0x80) {
      if (o == end) break;
      *o++ = static_cast<unsigned char>(c);
    } else {
      unsigned cp = c < 0xA0 ? kCp1252High[c - 0x80] : c;
      if (cp == 0) {
        rc = -2;
        break;
      }
      if (cp < 0x800) {
        if (end - o < 2) break;
        *o++ = static_cast<unsigned char>(0xC0 | (cp >> 6));
        *o++ = static_cast<unsigned char>(0x80 | (cp & 0x3F));
      } else {
        if (end - o < 3) break;
        *o++ = static_cast<unsigned char>(0xE0 | (cp >> 12));
        *o++ = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
        *o++ = static_cast<unsigned char>(0x80 | (cp & 0x3F));
      }
    }
    ++i;
  }
  *outlen = static_cast<int>(o - out);
  *inlen = static_cast<int>(i - in);
  return rc < 0 ? rc : *outlen;
}

// Once per process, before the first reader (libxml2's handler table is global).
void register_cp1252() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const char* name : {"windows-1252", "CP1252"}) {
      xmlNewCharEncodingHandler(name, cp1252_to_utf8, nullptr);
    }
  });
}

}  // namespace

std::string schema_path() {
  if (const char* env = std::getenv("PARCOURS_CAF_SCHEMA"); env && *env) return env;
  return resource_dir("", "data/reference/caf") + "/vrsb0801.xsd";
}

int decode_cp1252(unsigned char* out, int* outlen, const unsigned char* in, int* inlen) {
  return cp1252_to_utf8(out, outlen, in, inlen);
}

std::optional<std::string> file_sha256(const std::string& path) {
  std::string out;
  if (!sha256_of(path, out)) return std::nullopt;
  return out;
}

namespace {

// The file as the validation reads it, hashed on the way when its hash is not known yet (one
// reading for both); what the parser leaves unread, after an error, is hashed at the end.
class HashingReader {
 public:
  explicit HashingReader(std::FILE* file, bool hash)
      : file_(file), context_(hash ? EVP_MD_CTX_new() : nullptr, EVP_MD_CTX_free) {
    if (context_) EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr);
  }

  static int read(void* self, char* buffer, int length) {
    auto* reader = static_cast<HashingReader*>(self);
    std::size_t n = std::fread(buffer, 1, static_cast<std::size_t>(length), reader->file_);
    if (n == 0 && std::ferror(reader->file_)) return -1;
    if (reader->context_) EVP_DigestUpdate(reader->context_.get(), buffer, n);
    return static_cast<int>(n);
  }
  static int close(void* /*self*/) { return 0; }  // the file is the caller's

  std::string rest_and_digest() {
    std::vector<char> buffer(1 << 16);
    while (read(this, buffer.data(), static_cast<int>(buffer.size())) > 0) {
    }
    unsigned char digest[SHA256_DIGEST_LENGTH];
    EVP_DigestFinal_ex(context_.get(), digest, nullptr);
    return hex(digest, sizeof digest);
  }

 private:
  std::FILE* file_;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

}  // namespace

Result<Validation> validate_flux(const std::string& path, const std::string* sha256) {
  Validation validation;
  if (sha256) validation.sha256 = *sha256;
  register_cp1252();
  xmlSchema* schema = shared_schema();
  if (!schema) {
    throw std::runtime_error("schéma vrsb0801.xsd illisible : " + schema_path());
  }
  std::unique_ptr<std::FILE, decltype(&std::fclose)> file(std::fopen(path.c_str(), "rb"),
                                                          std::fclose);
  if (!file) {
    return fail(ErrorCode::kNotFound, "Le fichier « " + path + " » est introuvable.", "file");
  }
  HashingReader reader(file.get(), sha256 == nullptr);
  // SAX events straight to the validator (no reader building a node per event), and to a
  // handler that counts the households.
  xmlParserInputBuffer* input = xmlParserInputBufferCreateIO(
      HashingReader::read, HashingReader::close, &reader, XML_CHAR_ENCODING_NONE);
  if (!input) {
    return fail(ErrorCode::kNotFound, "Le fichier « " + path + " » est illisible.", "file");
  }
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> context(
      xmlSchemaNewValidCtxt(schema), xmlSchemaFreeValidCtxt);
  ErrorSink sink{&validation.errors};
  xmlSchemaSetValidStructuredErrors(context.get(), collect_error, &sink);
  HouseholdCounter counter;
  xmlSAXHandler counting{};
  counting.initialized = XML_SAX2_MAGIC;
  counting.startElementNs = HouseholdCounter::start;
  counting.endElementNs = HouseholdCounter::end;
  // Parse errors (a file that is not well-formed) reach the structured handler of the thread.
  xmlSetStructuredErrorFunc(&sink, collect_error);
  int rc = xmlSchemaValidateStream(context.get(), input, XML_CHAR_ENCODING_NONE, &counting,
                                   &counter);  // takes the input
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  validation.households = counter.households;
  if (!sha256) validation.sha256 = reader.rest_and_digest();
  if (rc != 0 && validation.errors.empty()) {
    validation.errors.push_back({0, "Le fichier n’est pas conforme au schéma vrsb0801."});
  }
  return validation;
}

std::string Household::digest() const {
  crypto_generichash_state hasher;
  crypto_generichash_init(&hasher, nullptr, 0, 32);
  auto add = [&](const std::string& s) {
    crypto_generichash_update(&hasher, reinterpret_cast<const unsigned char*>(s.data()), s.size());
    unsigned char sep = 0x1f;
    crypto_generichash_update(&hasher, &sep, 1);
  };
  for (const auto* s : {&fonorg, &matricule, &departement, &commune, &postcode, &address, &state,
                        &suspension_reason, &suspension_date, &closure_reason, &closure_date}) {
    add(*s);
  }
  add(no_fixed_address ? "1" : "0");
  for (const auto& p : persons) {
    for (const auto* s : {&p.birth_name, &p.usage_name, &p.first_names, &p.birth_date, &p.sex,
                          &p.nir, &p.role, &p.ft_id}) {
      add(*s);
    }
    add(p.rights_and_duties ? "1" : "0");
  }
  unsigned char out[32];
  crypto_generichash_final(&hasher, out, sizeof out);
  return hex(out, sizeof out);
}

namespace {

// Cuts a well-formed XML file into the elements at depth 1 (the children of the root), read in
// blocks of 1 MiB: only the tags are looked at — their names, hence the depth — and comments,
// CDATA sections, processing instructions and the DOCTYPE are skipped whole. Text is never
// decoded: the bytes of an element are handed over as they are in the file.
class ElementCutter {
 public:
  struct Element {
    std::string name;
    std::string bytes;
    int line = 0;
    int personnes = 0;  // Personne elements inside
  };

  explicit ElementCutter(std::FILE* file) : file_(file) {}

  // The next element at depth 1; false at the end of the file. kInvalid when it cannot be cut.
  Result<bool> next(Element& out) {
    for (;;) {
      compact();
      std::size_t lt = find("<", pos_);
      if (lt == std::string::npos) {
        if (depth_ != 0) return invalid();
        return false;
      }
      ensure(lt + 9);  // enough to tell the kind of markup (fewer at the very end)
      char kind = lt + 1 < buf_.size() ? buf_[lt + 1] : '\0';
      bool closing = kind == '/';
      bool declaration = kind == '!';  // a DOCTYPE when not a comment nor CDATA
      std::size_t end;
      if (kind == '!' || kind == '?') {
        std::string_view at(buf_.data() + lt, buf_.size() - lt);
        if (at.starts_with("<!--")) {
          end = find("-->", lt + 4);
          if (end == std::string::npos) return invalid();
          pos_ = end + 3;
          continue;
        }
        if (at.starts_with("<![CDATA[")) {
          end = find("]]>", lt + 9);
          if (end == std::string::npos) return invalid();
          pos_ = end + 3;
          continue;
        }
        if (kind == '?') {
          end = find("?>", lt + 2);
          if (end == std::string::npos) return invalid();
          if (!declaration_seen_) read_declaration(std::string_view(buf_).substr(lt, end - lt));
          pos_ = end + 2;
          continue;
        }
      }
      declaration_seen_ = true;
      end = tag_end(lt);
      if (end == std::string::npos) return invalid();
      pos_ = end + 1;
      if (declaration) continue;
      if (closing) {
        if (depth_ == 0) return invalid();
        if (--depth_ == 1 && capturing_) {
          capturing_ = false;
          current_.bytes.assign(buf_, start_, pos_ - start_);
          out = std::move(current_);
          return true;
        }
        continue;
      }
      bool empty = buf_[end - 1] == '/';
      std::string_view name = tag_name(lt);
      if (depth_ == 1) {
        advance_lines(lt);
        current_ = Element{.name = std::string(name), .bytes = {}, .line = line_, .personnes = 0};
        start_ = lt;
        capturing_ = true;
        if (empty) {
          capturing_ = false;
          current_.bytes.assign(buf_, start_, pos_ - start_);
          out = std::move(current_);
          return true;
        }
      } else if (capturing_ && name == "Personne") {
        ++current_.personnes;
      }
      if (!empty) ++depth_;
    }
  }

  // The encoding of the XML declaration; empty when none (UTF-8).
  const std::string& encoding() const { return encoding_; }

 private:
  static constexpr std::size_t kBlock = 1 << 20;

  static Result<bool> invalid() {
    return fail(ErrorCode::kInvalid, "Le fichier n’est pas un XML bien formé.", "file");
  }

  // Drops the bytes already handed over or skipped (those of the element being cut stay).
  void compact() {
    std::size_t keep = capturing_ ? start_ : pos_;
    if (keep < kBlock) return;
    if (counted_ < keep) advance_lines(keep);
    buf_.erase(0, keep);
    pos_ -= keep;
    counted_ -= keep;
    if (capturing_) start_ -= keep;
  }

  bool fill() {
    if (eof_) return false;
    std::size_t old = buf_.size();
    buf_.resize(old + kBlock);
    std::size_t n = std::fread(buf_.data() + old, 1, kBlock, file_);
    buf_.resize(old + n);
    if (n == 0) eof_ = true;
    return n > 0;
  }

  void ensure(std::size_t size) {
    while (buf_.size() < size && fill()) {
    }
  }

  // `what` from `from` on, reading more of the file as needed (no byte moves meanwhile).
  std::size_t find(std::string_view what, std::size_t from) {
    for (;;) {
      std::size_t at = buf_.find(what, from);
      if (at != std::string::npos) return at;
      std::size_t size = buf_.size();
      if (!fill()) return std::string::npos;
      from = size >= what.size() ? size - what.size() + 1 : 0;
    }
  }

  // The '>' closing the tag opened at `lt`, outside quoted attribute values; for a DOCTYPE,
  // after its internal subset.
  std::size_t tag_end(std::size_t lt) {
    // Most tags hold no attribute value nor internal subset that could hold a '>'.
    for (std::size_t i = lt + 1;; ++i) {
      if (i >= buf_.size() && !fill()) return std::string::npos;
      char c = buf_[i];
      if (c == '>') return i;
      if (c == '"' || c == '\'' || c == '[') break;
    }
    char quote = 0;
    int brackets = 0;
    for (std::size_t i = lt + 1;; ++i) {
      if (i >= buf_.size() && !fill()) return std::string::npos;
      char c = buf_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++brackets;
      } else if (c == ']') {
        --brackets;
      } else if (c == '>' && brackets <= 0) {
        return i;
      }
    }
  }

  static bool is_name_end(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>';
  }

  std::string_view tag_name(std::size_t lt) const {
    std::size_t i = lt + 1;
    while (i < buf_.size() && !is_name_end(buf_[i])) ++i;
    return std::string_view(buf_).substr(lt + 1, i - lt - 1);
  }

  void advance_lines(std::size_t to) {
    line_ += static_cast<int>(std::count(buf_.begin() + static_cast<std::ptrdiff_t>(counted_),
                                         buf_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
    counted_ = to;
  }

  void read_declaration(std::string_view declaration) {
    declaration_seen_ = true;
    auto at = declaration.find("encoding");
    if (at == std::string_view::npos) return;
    auto open = declaration.find_first_of("\"'", at);
    if (open == std::string_view::npos) return;
    auto close = declaration.find(declaration[open], open + 1);
    if (close == std::string_view::npos) return;
    encoding_ = std::string(declaration.substr(open + 1, close - open - 1));
  }

  std::FILE* file_;
  std::string buf_;
  std::size_t pos_ = 0;      // next byte to look at
  std::size_t start_ = 0;    // of the element being cut
  std::size_t counted_ = 0;  // newlines counted up to here
  int line_ = 1;
  int depth_ = 0;
  bool capturing_ = false;
  bool eof_ = false;
  bool declaration_seen_ = false;
  std::string encoding_;
  Element current_;
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// The SAX events of a fragment, as the walk of its tree would give them: texts coalesced as
// libxml2's tree coalesces them (split by comments, processing instructions and CDATA sections,
// a CDATA section a text of its own), empty texts between elements dropped (XML_PARSE_NOBLANKS).
template <typename Start, typename End, typename Text>
struct SaxWalk {
  Start& on_start;
  End& on_end;
  Text& on_text;
  std::vector<std::string> stack;
  std::string text;
  bool has_text = false;

  void text_node(const std::string& value) {
    if (stack.empty()) return;
    const std::string& el = stack.back();
    const std::string& up = stack.size() >= 2 ? stack[stack.size() - 2] : el;
    on_text(el, up, trim(value.c_str()));
  }
  void flush() {
    if (!has_text) return;
    has_text = false;
    text_node(text);
    text.clear();
  }
  static SaxWalk& of(void* self) { return *static_cast<SaxWalk*>(self); }
  static void start(void* self, const xmlChar* name, const xmlChar*, const xmlChar*, int,
                    const xmlChar**, int, int, const xmlChar**) {
    auto& w = of(self);
    w.flush();
    const char* n = reinterpret_cast<const char*>(name);
    w.on_start(std::string_view(n));
    w.stack.emplace_back(n);
  }
  static void end(void* self, const xmlChar* name, const xmlChar*, const xmlChar*) {
    auto& w = of(self);
    w.flush();
    if (!w.stack.empty()) w.stack.pop_back();
    w.on_end(std::string_view(reinterpret_cast<const char*>(name)));
  }
  static void characters(void* self, const xmlChar* ch, int len) {
    auto& w = of(self);
    w.text.append(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
    w.has_text = true;
  }
  static void cdata(void* self, const xmlChar* value, int len) {
    auto& w = of(self);
    w.flush();
    w.text_node(std::string(reinterpret_cast<const char*>(value), static_cast<std::size_t>(len)));
  }
  static void split(void* self, const xmlChar*) { of(self).flush(); }
  static void split_pi(void* self, const xmlChar*, const xmlChar*) { of(self).flush(); }
};

// Walks a fragment (its bytes in `encoding`) with libxml2's SAX parser, building no tree:
// `on_start(name)` at each element, `on_end(name)` at each end, `on_text(element, parent,
// value)` for each text (trimmed).
template <typename Start, typename End, typename Text>
Result<void> walk(const std::string& bytes, const std::string& encoding, Start on_start, End on_end,
                  Text on_text) {
  register_cp1252();
  using Walk = SaxWalk<Start, End, Text>;
  Walk w{on_start, on_end, on_text, {}, {}, false};
  xmlSAXHandler sax{};
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = Walk::start;
  sax.endElementNs = Walk::end;
  sax.characters = Walk::characters;
  sax.cdataBlock = Walk::cdata;
  sax.comment = Walk::split;
  sax.processingInstruction = Walk::split_pi;
  auto invalid = [] {
    return fail(ErrorCode::kInvalid, "Le fichier n’est pas un XML bien formé.", "file");
  };
  xmlParserCtxt* ctxt = xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size()));
  if (!ctxt) return invalid();
  xmlCtxtUseOptions(ctxt, kReaderOptions);
  if (!encoding.empty()) {
    xmlCharEncodingHandler* handler = xmlFindCharEncodingHandler(encoding.c_str());
    if (!handler) {
      xmlFreeParserCtxt(ctxt);
      return invalid();
    }
    xmlSwitchToEncoding(ctxt, handler);
  }
  // libxml2's way of parsing with one's own handler (as xmlSAXUserParseMemory does).
  if (ctxt->sax != reinterpret_cast<xmlSAXHandler*>(&xmlDefaultSAXHandler)) xmlFree(ctxt->sax);
  ctxt->sax = &sax;
  ctxt->userData = &w;
  xmlParseDocument(ctxt);
  bool well_formed = ctxt->wellFormed != 0;
  ctxt->sax = nullptr;
  xmlFreeParserCtxt(ctxt);
  if (!well_formed) return invalid();
  return {};
}

// TYPEFLUX, DTREF, DTCREAFLUX and HEUCREAFLUX of a top-level element other than a household.
Result<void> read_header_fields(const std::string& bytes, const std::string& encoding,
                                Header& header, std::string& creation_date,
                                std::string& creation_time) {
  return walk(
      bytes, encoding, [](std::string_view) {}, [](std::string_view) {},
      [&](const std::string& el, const std::string&, std::string value) {
        if (el == "TYPEFLUX")
          header.flux_type = std::move(value);
        else if (el == "DTREF")
          header.reference_date = std::move(value);
        else if (el == "DTCREAFLUX")
          creation_date = std::move(value);
        else if (el == "HEUCREAFLUX")
          creation_time = std::move(value);
      });
}

// The trimmed text after the first <MATRICULE> of the bytes (not MATRICULEORGCEDMUT).
std::string matricule_in(std::string_view bytes) {
  constexpr std::string_view kTag = "<MATRICULE";
  for (std::size_t at = bytes.find(kTag); at != std::string_view::npos;
       at = bytes.find(kTag, at + 1)) {
    std::size_t after = at + kTag.size();
    if (after >= bytes.size()) break;
    char c = bytes[after];
    if (c != '>' && !std::isspace(static_cast<unsigned char>(c))) continue;
    std::size_t open = bytes.find('>', after);
    std::size_t close = bytes.find('<', open);
    if (open == std::string_view::npos || close == std::string_view::npos) break;
    return trim(std::string(bytes.substr(open + 1, close - open - 1)).c_str());
  }
  return {};
}

}  // namespace

std::string RawHousehold::digest() const {
  // Fetched once: SHA256() looks the algorithm up again at each call.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  unsigned char out[SHA256_DIGEST_LENGTH];
  EVP_Digest(bytes.data(), bytes.size(), out, nullptr, sha256, nullptr);
  return hex(out, sizeof out);
}

Result<void> scan_flux(const std::string& path, const std::function<void(const Header&)>& on_header,
                       const std::function<bool(RawHousehold&&)>& on_household) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return fail(ErrorCode::kNotFound, "Le fichier « " + path + " » est illisible.", "file");
  }
  ElementCutter cutter(file.get());
  Header header;
  std::string creation_date, creation_time;
  bool header_sent = false;
  auto send_header = [&] {
    header.encoding = cutter.encoding();
    header.created_on = creation_date + "T" + creation_time.substr(0, 8);
    on_header(header);
    header_sent = true;
  };
  ElementCutter::Element element;
  for (;;) {
    auto more = cutter.next(element);
    if (!more) return std::unexpected(more.error());
    if (!*more) break;
    if (element.name != "InfosFoyerRSA") {
      if (header_sent) continue;
      auto read = read_header_fields(element.bytes, cutter.encoding(), header, creation_date,
                                     creation_time);
      if (!read) return read;
      continue;
    }
    if (!header_sent) send_header();
    RawHousehold raw{.line = element.line,
                     .bytes = std::move(element.bytes),
                     .matricule = {},
                     .persons = element.personnes};
    raw.matricule = matricule_in(raw.bytes);
    if (!on_household(std::move(raw))) return {};
  }
  if (!header_sent) send_header();
  return {};
}

namespace {

// The elements whose text parse_household reads: every name its on_text tests (a name added
// there goes here too, or its text is never read).
const std::unordered_set<std::string_view> kReadElements = {"NOM",
                                                            "NOMNAI",
                                                            "PRENOM",
                                                            "DTNAI",
                                                            "SEXE",
                                                            "NIR",
                                                            "NATPREST",
                                                            "ROLEPERS",
                                                            "IDASSEDIC",
                                                            "TOPPERSDRODEVORSA",
                                                            "MATRICULE",
                                                            "FONORG",
                                                            "IDEPARTE",
                                                            "NUMCOM",
                                                            "CODEPOS",
                                                            "NUMVOIE",
                                                            "LIBTYPEVOIE",
                                                            "NOMVOIE",
                                                            "ETATDOSRSA",
                                                            "TOPSANSDOMFIXE",
                                                            "MOTISUSVERSRSA",
                                                            "MOTISUSDRORSA",
                                                            "DDSUSVERSRSA",
                                                            "DDSUSDRORSA",
                                                            "MOTICLORSA",
                                                            "DTCLORSA"};

}  // namespace

Result<Household> parse_household(const RawHousehold& raw, const std::string& encoding) {
  Household household;
  household.line = raw.line;
  bool in_address = false;
  int addresses = 0;
  std::string natprest;
  std::string numvoie, typevoie, nomvoie;
  auto on_start = [&](std::string_view name) {
    if (name == "Personne") {
      household.persons.emplace_back();
    } else if (name == "Adresse") {
      ++addresses;
      in_address = addresses == 1;
      numvoie.clear();
      typevoie.clear();
      nomvoie.clear();
    } else if (name == "Prestations") {
      natprest.clear();
    }
  };
  auto on_end = [&](std::string_view name) {
    if (name != "Adresse" || !in_address) return;
    std::string address = numvoie;
    for (const auto* part : {&typevoie, &nomvoie}) {
      if (part->empty()) continue;
      if (!address.empty()) address += ' ';
      address += *part;
    }
    household.address = address;
    in_address = false;
  };
  auto on_text = [&](std::string_view el, std::string_view up, const std::string& value) {
    if (!kReadElements.contains(el)) return;  // most of them: one lookup instead of 25 tests
    if (up == "Identification" && !household.persons.empty()) {
      auto& p = household.persons.back();
      if (el == "NOM")
        p.usage_name = value;
      else if (el == "NOMNAI")
        p.birth_name = value;
      else if (el == "PRENOM")
        p.first_names = value;
      else if (el == "DTNAI")
        p.birth_date = value;
      else if (el == "SEXE")
        p.sex = value;
      else if (el == "NIR")
        p.nir = value;
    } else if (up == "Prestations" && !household.persons.empty()) {
      if (el == "NATPREST")
        natprest = value;
      else if (el == "ROLEPERS" && natprest == "RSA")
        household.persons.back().role = value;
    } else if (el == "IDASSEDIC" && !household.persons.empty()) {
      household.persons.back().ft_id = value;
    } else if (el == "TOPPERSDRODEVORSA" && !household.persons.empty()) {
      household.persons.back().rights_and_duties = value == "1" || value == "true";
    } else if (up == "Organisme") {
      if (el == "MATRICULE")
        household.matricule = value;
      else if (el == "FONORG")
        household.fonorg = value;
    } else if (el == "IDEPARTE") {
      household.departement = value;
    } else if (up == "AdresseDetailleeFrance" && in_address) {
      if (el == "NUMCOM")
        household.commune = value;
      else if (el == "CODEPOS")
        household.postcode = value;
      else if (el == "NUMVOIE")
        numvoie = value;
      else if (el == "LIBTYPEVOIE")
        typevoie = value;
      else if (el == "NOMVOIE")
        nomvoie = value;
    } else if (el == "ETATDOSRSA") {
      household.state = value;
    } else if (el == "TOPSANSDOMFIXE") {
      household.no_fixed_address = value == "1" || value == "true";
    } else if ((el == "MOTISUSVERSRSA" || el == "MOTISUSDRORSA") &&
               household.suspension_reason.empty()) {
      household.suspension_reason = value;
    } else if ((el == "DDSUSVERSRSA" || el == "DDSUSDRORSA") && household.suspension_date.empty()) {
      household.suspension_date = value;
    } else if (el == "MOTICLORSA") {
      household.closure_reason = value;
    } else if (el == "DTCLORSA") {
      household.closure_date = value;
    }
  };
  auto walked = walk(raw.bytes, encoding, on_start, on_end, on_text);
  if (!walked) return std::unexpected(walked.error());
  return household;
}

Result<void> read_flux(const std::string& path, const std::function<void(const Header&)>& on_header,
                       const std::function<bool(Household&&)>& on_household) {
  std::string encoding;
  Result<void> parsed;
  auto scanned = scan_flux(
      path,
      [&](const Header& header) {
        encoding = header.encoding;
        on_header(header);
      },
      [&](RawHousehold&& raw) {
        auto household = parse_household(raw, encoding);
        if (!household) {
          parsed = std::unexpected(household.error());
          return false;
        }
        return on_household(std::move(*household));
      });
  if (!scanned) return scanned;
  return parsed;
}

Result<void> read_ahead(const std::string& path, const std::atomic<bool>& parse,
                        const std::function<void(const Header&)>& on_header,
                        const std::function<bool(ReadHousehold&&)>& on_household) {
  // Households go over in chunks: one lock and one wake-up per chunk, not per household.
  constexpr std::size_t kChunk = 64;
  using Chunk = std::vector<std::variant<Header, ReadHousehold>>;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Chunk> ready;
  bool finished = false;   // the reader is done
  bool cancelled = false;  // the caller is done
  Result<void> outcome;
  std::exception_ptr failure;
  std::thread reader([&] {
    std::string encoding;
    Chunk chunk;
    auto hand_over = [&] {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return cancelled || ready.size() * kChunk < kReadAhead; });
      if (cancelled) return false;
      ready.push_back(std::move(chunk));
      chunk.clear();
      changed.notify_all();
      return true;
    };
    Result<void> result;
    try {
      result = scan_flux(
          path,
          [&](const Header& header) {
            encoding = header.encoding;
            chunk.emplace_back(header);
          },
          [&](RawHousehold&& raw) {
            ReadHousehold household{.raw = std::move(raw), .digest = {}, .parsed = {}};
            household.digest = household.raw.digest();
            if (parse.load(std::memory_order_relaxed)) {
              household.parsed = parse_household(household.raw, encoding);
            }
            chunk.emplace_back(std::move(household));
            return chunk.size() < kChunk || hand_over();
          });
      if (!chunk.empty()) hand_over();
    } catch (...) {
      result = {};
      failure = std::current_exception();
    }
    std::lock_guard lock(mutex);
    outcome = std::move(result);
    finished = true;
    changed.notify_all();
  });
  auto stop_reader = [&] {
    {
      std::lock_guard lock(mutex);
      cancelled = true;
      changed.notify_all();
    }
    reader.join();
  };
  try {
    for (;;) {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return !ready.empty() || finished; });
      if (ready.empty()) break;  // finished, everything handed over
      Chunk chunk = std::move(ready.front());
      ready.pop_front();
      changed.notify_all();
      lock.unlock();
      for (auto& item : chunk) {
        if (auto* header = std::get_if<Header>(&item)) {
          on_header(*header);
        } else if (!on_household(std::move(std::get<ReadHousehold>(item)))) {
          stop_reader();
          return {};
        }
      }
    }
  } catch (...) {
    stop_reader();
    throw;
  }
  stop_reader();
  if (failure) std::rethrow_exception(failure);
  return outcome;
}

std::string state_label(std::string_view code) {
  if (code == "0") return "nouvelle demande en attente de décision";
  if (code == "1") return "droit refusé";
  if (code == "2") return "droit ouvert et versable";
  if (code == "3") return "droit ouvert et suspendu";
  if (code == "4") return "droit ouvert, versement suspendu";
  if (code == "5") return "droit clos";
  if (code == "6") return "droit clos sur un mois antérieur";
  return "état « " + std::string(code) + " »";
}

std::string suspension_label(std::string_view code) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"01", "ressources trop élevées"},
      {"02", "moins de 25 ans sans enfant à charge"},
      {"03", "activité non conforme"},
      {"04", "titre de séjour non valide"},
      {"05", "RSA inférieur au seuil de versement"},
      {"06", "déclaration trimestrielle de ressources non retournée"},
      {"09", "résidence non conforme"},
      {"19", "personne non isolée"},
      {"31", "prestation exclue"},
      {"34", "régime non conforme"},
      {"35", "demande d’avantage vieillesse absente"},
      {"36", "titre de séjour absent"},
      {"44", "hospitalisation"},
      {"70", "démarche obligatoire non faite"},
      {"78", "surface pondérée trop grande"},
      {"84", "droit éteint"},
      {"85", "pas d’allocataire"},
      {"97", "bénéficiaire de l’AAH"},
      {"AB", "allocataire absent"},
      {"CV", "en attente de la décision du président du département"},
      {"CZ", "activité antérieure insuffisante"},
      {"DA", "activité antérieure absente"},
      {"DB", "étudiant, rémunération insuffisante"},
      {"DC", "activité antérieure non conforme"}};
  for (const auto& [c, label] : kLabels) {
    if (code == c) return label;
  }
  return "motif « " + std::string(code) + " »";
}

std::string closure_label(std::string_view code) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"PCG", "décision du président du département"},
      {"ECH", "fin d’échéance"},
      {"EFF", "annulation (bascule RMI)"},
      {"MUT", "mutation vers une autre CAF"},
      {"RGD", "regroupement de dossiers"},
      {"RFD", "radiation, fin de droit"},
      {"RAU", "radiation, autre motif"},
      {"RST", "radiation, option RSA transitoire"},
      {"RSO", "radiation, option RSO"}};
  for (const auto& [c, label] : kLabels) {
    if (code == c) return label;
  }
  return "motif « " + std::string(code) + " »";
}

}  // namespace parcours::caf
