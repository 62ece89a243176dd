#include "features/caf/flux.h"

#include <libxml/encoding.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

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

void collect_error(void* data, const xmlError* error) {
  auto* sink = static_cast<ErrorSink*>(data);
  if (!error || sink->errors->size() >= kMaxSchemaErrors) return;
  if (error->level == XML_ERR_WARNING) return;
  std::string message = trim(error->message);
  sink->errors->push_back({error->line, message});
}

bool sha256_of(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<unsigned char> buffer(1 << 16);
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) {
    crypto_hash_sha256_update(&state, buffer.data(), n);
  }
  std::fclose(f);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
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

bool is(const xmlChar* name, const char* literal) {
  return std::strcmp(reinterpret_cast<const char*>(name), literal) == 0;
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

Result<Validation> validate_flux(const std::string& path, const std::string* sha256) {
  Validation validation;
  if (sha256) {
    validation.sha256 = *sha256;
  } else if (!sha256_of(path, validation.sha256)) {
    return fail(ErrorCode::kNotFound, "Le fichier « " + path + " » est introuvable.", "file");
  }
  register_cp1252();
  xmlSchema* schema = shared_schema();
  if (!schema) {
    throw std::runtime_error("schéma vrsb0801.xsd illisible : " + schema_path());
  }
  ReaderPtr reader(xmlReaderForFile(path.c_str(), nullptr, kReaderOptions));
  if (!reader) {
    return fail(ErrorCode::kNotFound, "Le fichier « " + path + " » est illisible.", "file");
  }
  ErrorSink sink{&validation.errors};
  xmlTextReaderSetStructuredErrorHandler(
      reader.get(), reinterpret_cast<xmlStructuredErrorFunc>(collect_error), &sink);
  if (xmlTextReaderSetSchema(reader.get(), schema) != 0) {
    throw std::runtime_error("le schéma vrsb0801.xsd ne peut pas être appliqué");
  }
  int rc;
  while ((rc = xmlTextReaderRead(reader.get())) == 1) {
    if (xmlTextReaderNodeType(reader.get()) == XML_READER_TYPE_ELEMENT &&
        xmlTextReaderDepth(reader.get()) == 1 &&
        is(xmlTextReaderConstLocalName(reader.get()), "InfosFoyerRSA")) {
      ++validation.households;
    }
  }
  if (rc < 0 && validation.errors.empty()) {
    validation.errors.push_back({0, "Le fichier n’est pas un document XML bien formé."});
  }
  if (xmlTextReaderIsValid(reader.get()) != 1 && validation.errors.empty()) {
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

Result<void> read_flux(const std::string& path, const std::function<void(const Header&)>& on_header,
                       const std::function<bool(Household&&)>& on_household) {
  register_cp1252();
  ReaderPtr reader(xmlReaderForFile(path.c_str(), nullptr, kReaderOptions));
  if (!reader) {
    return fail(ErrorCode::kNotFound, "Le fichier « " + path + " » est illisible.", "file");
  }
  xmlTextReader* r = reader.get();
  Header header;
  std::string creation_date, creation_time;
  bool header_sent = false;
  Household household;
  bool in_household = false;
  bool in_address = false;
  int addresses = 0;
  std::string natprest;
  std::string element;  // the innermost element open
  std::string parent;   // and the one around it
  std::vector<std::string> stack;
  std::string numvoie, typevoie, nomvoie;
  int rc;
  while ((rc = xmlTextReaderRead(r)) == 1) {
    int type = xmlTextReaderNodeType(r);
    if (type == XML_READER_TYPE_ELEMENT) {
      const xmlChar* name = xmlTextReaderConstLocalName(r);
      int depth = xmlTextReaderDepth(r);
      if (depth == 1 && is(name, "InfosFoyerRSA")) {
        if (!header_sent) {
          header.created_on = creation_date + "T" + creation_time.substr(0, 8);
          on_header(header);
          header_sent = true;
        }
        household = Household{};
        household.line = xmlTextReaderGetParserLineNumber(r);
        in_household = true;
        addresses = 0;
      } else if (in_household) {
        if (is(name, "Personne")) {
          household.persons.emplace_back();
        } else if (is(name, "Adresse")) {
          ++addresses;
          in_address = addresses == 1;
          numvoie.clear();
          typevoie.clear();
          nomvoie.clear();
        } else if (is(name, "Prestations")) {
          natprest.clear();
        }
      }
      if (!xmlTextReaderIsEmptyElement(r)) {
        stack.emplace_back(reinterpret_cast<const char*>(name));
      }
      continue;
    }
    if (type == XML_READER_TYPE_END_ELEMENT) {
      const xmlChar* name = xmlTextReaderConstLocalName(r);
      if (!stack.empty()) stack.pop_back();
      if (in_household && is(name, "Adresse") && in_address) {
        std::string address = numvoie;
        for (const auto* part : {&typevoie, &nomvoie}) {
          if (part->empty()) continue;
          if (!address.empty()) address += ' ';
          address += *part;
        }
        household.address = address;
        in_address = false;
      }
      if (xmlTextReaderDepth(r) == 1 && is(name, "InfosFoyerRSA")) {
        in_household = false;
        if (!on_household(std::move(household))) return {};
      }
      continue;
    }
    if (type != XML_READER_TYPE_TEXT && type != XML_READER_TYPE_CDATA) continue;
    if (stack.empty()) continue;
    const std::string& el = stack.back();
    const std::string& up = stack.size() >= 2 ? stack[stack.size() - 2] : el;
    std::string value = trim(reinterpret_cast<const char*>(xmlTextReaderConstValue(r)));
    if (!in_household) {
      if (el == "TYPEFLUX")
        header.flux_type = value;
      else if (el == "DTREF")
        header.reference_date = value;
      else if (el == "DTCREAFLUX")
        creation_date = value;
      else if (el == "HEUCREAFLUX")
        creation_time = value;
      continue;
    }
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
  }
  if (rc < 0) return fail(ErrorCode::kInvalid, "Le fichier n’est pas un XML bien formé.", "file");
  if (!header_sent) {
    header.created_on = creation_date + "T" + creation_time.substr(0, 8);
    on_header(header);
  }
  return {};
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
