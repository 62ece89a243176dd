// Reading the CAF/MSA "bénéficiaires RSA" flux (schema vrsb0801.xsd, see
// ../shared/reference/caf/codes.md): validation against the schema, then the households one at
// a time. Validation streams the file through libxml2's xmlTextReader. Reading cuts the file
// into its top-level elements without parsing them (scan_flux: a household is its bytes, its
// MATRICULE and a digest of the bytes), so that a household whose bytes were already applied
// is never parsed; the others are parsed one by one (parse_household). Memory stays flat
// whatever the size of the file (a whole département is hundreds of megabytes). The files are
// windows-1252; libxml2 decodes them by their XML declaration, values come out in UTF-8.
//
//   auto check = caf::validate_flux("RSABEM.xml");   // errors with their line, households counted
//   caf::scan_flux("RSABEM.xml", [](const caf::Header& h) {...}, [](caf::RawHousehold&& raw) {
//     if (changed(raw.matricule, raw.digest())) apply(*caf::parse_household(raw, encoding));
//   });
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace parcours::caf {

struct SchemaError {
  int line = 0;
  std::string message;  // libxml2's, in English, trimmed
};

struct Validation {
  std::vector<SchemaError> errors;  // at most kMaxSchemaErrors
  std::int64_t households = 0;      // InfosFoyerRSA blocks
  std::string sha256;               // of the file's bytes, hex
  bool valid() const { return errors.empty(); }
};

inline constexpr std::size_t kMaxSchemaErrors = 50;

// The schema: data/reference/caf/vrsb0801.xsd next to the working directory, or
// PARCOURS_CAF_SCHEMA. kNotFound when the file cannot be read.
std::string schema_path();

// Validates the whole file against the schema. kNotFound when the file cannot be opened; a file
// that is not XML is invalid (its parse errors are the errors).
// `sha256`: the file's hash when the caller has it already (else computed from the bytes as the
// validation reads them).
Result<Validation> validate_flux(const std::string& path, const std::string* sha256 = nullptr);

// The windows-1252 decoder libxml2 uses for the files (libxml2's input-function contract:
// returns the bytes written, -2 on a byte windows-1252 leaves undefined; *inlen and *outlen
// become the bytes consumed and written). Exposed for its test.
int decode_cp1252(unsigned char* out, int* outlen, const unsigned char* in, int* inlen);

// SHA-256 of the file's bytes, hex; nullopt when it cannot be read.
std::optional<std::string> file_sha256(const std::string& path);

struct Header {
  std::string encoding;        // of the XML declaration ("windows-1252"); UTF-8 when none
  std::string flux_type;       // TYPEFLUX
  std::string created_on;      // DTCREAFLUX "T" HEUCREAFLUX (hh:mm:ss)
  std::string reference_date;  // DTREF
};

struct FluxPerson {
  std::string birth_name;  // NOMNAI
  std::string usage_name;  // NOM
  std::string first_names;
  std::string birth_date;
  std::string sex;   // SEXE: 1 man, 2 woman
  std::string nir;   // as given, often 13 characters
  std::string role;  // ROLEPERS of the RSA benefit: DEM, CJT, ENF, ...
  std::string ft_id;
  bool rights_and_duties = false;  // TOPPERSDRODEVORSA
};

struct Household {
  int line = 0;  // of its InfosFoyerRSA
  std::string fonorg;
  std::string matricule;
  std::string departement;  // IDEPARTE
  std::string commune;      // NUMCOM of the first address
  std::string postcode;
  std::string address;  // number, type and name of the street
  std::string state;    // ETATDOSRSA
  bool no_fixed_address = false;
  std::string suspension_reason;  // MOTISUSVERSRSA or MOTISUSDRORSA (the first)
  std::string suspension_date;
  std::string closure_reason;  // MOTICLORSA (FinDroit or FinDroitMoisAnterieur)
  std::string closure_date;
  std::vector<FluxPerson> persons;

  // A digest of everything the import reads from the household (BLAKE2b, hex).
  std::string digest() const;
};

// A household as it stands in the file, before any parsing.
struct RawHousehold {
  int line = 0;           // of its InfosFoyerRSA
  std::string bytes;      // from <InfosFoyerRSA> to </InfosFoyerRSA>, in the file's encoding
  std::string matricule;  // the text of its first MATRICULE, trimmed ("" when none)
  int persons = 0;        // its Personne elements

  // The SHA-256 of the bytes, hex: equal bytes, equal household.
  std::string digest() const;
};

// Streams the file's top-level elements without building them: `on_header` once (before the
// first household), then `on_household` for each household in order; stop early by returning
// false from it. Meant for a file that passed validate_flux; kInvalid when it is not
// well-formed enough to be cut (an element left open, a file in UTF-16).
Result<void> scan_flux(const std::string& path, const std::function<void(const Header&)>& on_header,
                       const std::function<bool(RawHousehold&&)>& on_household);

// A household as read_ahead hands it over: its bytes, the SHA-256 of its bytes (RawHousehold::
// digest) and, when the reader was asked to, the household parsed.
struct ReadHousehold {
  RawHousehold raw;
  std::string digest;
  std::optional<Result<Household>> parsed;
};

// At most this many households read ahead wait to be handed over.
inline constexpr std::size_t kReadAhead = 1024;

// scan_flux in a thread of its own, the callbacks called in the caller's thread, in the same
// order and with the same outcome: while the caller handles a household, the next ones are
// cut, hashed, and parsed while `parse` is true. Returning false from `on_household` stops the
// reader. An exception from a callback stops the reader, then goes on to the caller.
Result<void> read_ahead(const std::string& path, const std::atomic<bool>& parse,
                        const std::function<void(const Header&)>& on_header,
                        const std::function<bool(ReadHousehold&&)>& on_household);

// The household of scan_flux's bytes, in `encoding` (Header::encoding). kInvalid when the bytes
// are not well-formed XML.
Result<Household> parse_household(const RawHousehold& raw, const std::string& encoding);

// scan_flux, each household parsed: `on_header` once, then `on_household` for each household in
// order; stop early by returning false from it. kInvalid when the file is not well-formed XML.
Result<void> read_flux(const std::string& path, const std::function<void(const Header&)>& on_header,
                       const std::function<bool(Household&&)>& on_household);

// French labels of the codes (codes.md).
std::string state_label(std::string_view code);
std::string suspension_label(std::string_view code);
std::string closure_label(std::string_view code);

}  // namespace parcours::caf
