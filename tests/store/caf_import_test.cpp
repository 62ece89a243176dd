// The CAF/MSA flux import on both engines: the sample files (valid, opened, invalid), a
// generated file with every RSA state, suspension and closure, importing twice, a later and an
// older file, households outside the territory, and (SQLite file) a real child process killed
// in the middle of an import, then the import rerun.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <thread>

#include "core/store/migrations.h"
#include "features/caf/import.h"
#include "store/people_fixture.h"

namespace parcours::test {
namespace {

std::string data(const std::string& name) {
  return std::string(PARCOURS_SOURCE_DIR) + "/tests/data/caf/" + name;
}

// A sample's bytes, to make variants of.
std::string data_bytes(const std::string& name) {
  std::ifstream in(data(name), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// `bytes` in a file of the temporary directory named after `label` and this process (and
// `engine`, for the tests run on both): removed by the caller.
std::filesystem::path temp_flux(const std::string& label, const std::string& bytes,
                                const std::string& engine = "") {
  auto path =
      std::filesystem::temp_directory_path() /
      (label + "-" + std::to_string(::getpid()) + (engine.empty() ? "" : "-") + engine + ".xml");
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

class CafImportTest : public PeopleTest {
 protected:
  void SetUp() override {
    PeopleTest::SetUp();
    auto conn = db().acquire();
    haute_marne_ = add_haute_marne(*conn);
  }

  // The samples are from the Haute-Marne (IDEPARTE 052): its territory, covering département 52.
  static std::int64_t add_haute_marne(store::Connection& conn) {
    auto id = conn.query_one(
                      "INSERT INTO territories (slug, name, created_at, updated_at) VALUES "
                      "('haute-marne', 'Haute-Marne', 0, 0) RETURNING id")
                  ->integer(0);
    conn.execute(
        "INSERT INTO territory_departements (territory_id, departement_code) VALUES ($1, '52')",
        {id});
    return id;
  }

  // A second database of the same engine with the same world as this test's, for the imports
  // compared with this one's.
  std::unique_ptr<store::Db> reference_db() {
    auto reference = make_test_db(GetParam());
    auto conn = reference->acquire();
    make_people_world(*conn);
    add_haute_marne(*conn);
    return reference;
  }

  caf::Report import(const std::string& name, caf::ImportOptions options = {}) {
    auto conn = db().acquire();
    if (options.file_name.empty()) options.file_name = name;
    auto report = caf::import_flux(*conn, data(name), options);
    EXPECT_TRUE(report.has_value()) << (report ? "" : report.error().message);
    return *report;
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    auto conn = db().acquire();
    return conn->query_one(sql, params)->integer(0);
  }

  std::int64_t events() {
    return count("SELECT COUNT(*) FROM journal WHERE person_id IS NOT NULL");
  }

  std::int64_t haute_marne_ = 0;
};

TEST_P(CafImportTest, SampleCreatesTheNewEntrantSubjectToRightsAndDutiesOnly) {
  auto report = import("RSABEM.xml");
  EXPECT_EQ(report.status, "done");
  EXPECT_EQ(report.households, 2);
  EXPECT_EQ(report.persons_created, 1);
  EXPECT_EQ(report.rejected, 0);
  // 205599000000000 is closed: its person subject to rights and duties is not created, nor
  // the one who is not; 208956400000000 (payment suspended) creates BULLOCK.
  auto conn = db().acquire();
  auto row = conn->query_one(
      "SELECT p.id, p.rsa_status, p.rights_and_duties, p.caf_number, p.ft_id, p.territory_id, "
      "p.caf_role, j.status, j.entry FROM persons p JOIN journeys j ON j.person_id = p.id WHERE "
      "p.birth_name = 'BULLOCK'");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(1), "4");
  EXPECT_TRUE(row->boolean(2));
  EXPECT_EQ(row->text(3), "2089564");
  EXPECT_EQ(row->text(4), "1253359X");
  EXPECT_EQ(row->integer(5), haute_marne_);
  EXPECT_EQ(row->text(6), "CJT");
  EXPECT_EQ(row->text(7), "to_orient");
  EXPECT_EQ(row->text(8), "import");
  std::int64_t id = row->integer(0);
  // Every value keeps the file as its source.
  auto sources = people::field_sources(*conn, id);
  for (const char* field : {"rsa_status", "caf_number", "ft_id", "caf_role", "birth_name"}) {
    auto source = std::ranges::find(sources, field, &people::FieldSource::field);
    ASSERT_NE(source, sources.end()) << field;
    EXPECT_EQ(source->source, people::Source::kImport) << field;
    EXPECT_EQ(source->file_name, "RSABEM.xml") << field;
  }
  // The suspension is a journal event told in French.
  auto event = conn->query_one(
      "SELECT payload FROM journal WHERE person_id = $1 AND kind = 'rsa.suspended'", {id});
  ASSERT_TRUE(event);
  EXPECT_NE(event->text(0).find("déclaration trimestrielle de ressources non retournée"),
            std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 1);
  auto lines = caf::report_lines(*conn, report.import_id);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].outcome, "skipped");
  EXPECT_NE(lines[0].message.find("droit clos"), std::string::npos);
  EXPECT_EQ(lines[2].outcome, "created");
  EXPECT_EQ(lines[2].person_id, id);
}

TEST_P(CafImportTest, TheSameFileTwiceChangesNothingAndAddsNoEvent) {
  import("RSABEM.xml");
  auto before = events();
  auto again = import("RSABEM.xml");
  EXPECT_EQ(again.status, "done");
  EXPECT_EQ(again.persons_created, 0);
  EXPECT_EQ(again.persons_updated, 0);
  // Answered from the file's hash: the persons created or updated by the first import.
  EXPECT_EQ(again.persons_unchanged, 1);
  EXPECT_EQ(again.households, 2);
  EXPECT_NE(again.message.find("fichier identique"), std::string::npos) << again.message;
  EXPECT_EQ(events(), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 1);
}

TEST_P(CafImportTest, AFileOfANewSizeIsHashedByItsValidationAndItsHashRecorded) {
  // No import recorded a file of these sizes: the hash is computed from the bytes the
  // validation reads (validating first, or alongside), and recorded with the size; the bytes a
  // parser stopped by an error left unread are hashed too.
  std::string xml = data_bytes("flux_all_states.xml");
  // Unreadable early in the file, and long after (the parser reads ahead by blocks).
  std::string broken = xml;
  auto households_at = broken.find("<InfosFoyerRSA>");
  auto households = xml.substr(households_at, xml.rfind("</Racine>") - households_at);
  for (int i = 0; i < 40; ++i) broken.insert(households_at, households);
  broken.insert(broken.find("MICHEL"), "\x81");  // undefined in windows-1252
  auto path = temp_flux("caf-hash", broken, engine_name({GetParam(), 0}));
  auto conn = db().acquire();
  auto refused = caf::import_flux(*conn, path.string(), {.file_name = "broken.xml"});
  ASSERT_TRUE(refused);
  EXPECT_TRUE(refused->refused());
  auto broken_hash = caf::file_sha256(path.string());
  std::filesystem::remove(path);
  auto recorded = [&](std::int64_t import_id) {
    return conn->query_one("SELECT file_hash, file_size FROM caf_imports WHERE id = $1",
                           {import_id});
  };
  ASSERT_TRUE(broken_hash);
  EXPECT_EQ(recorded(refused->import_id)->text(0), *broken_hash);

  auto first = import("RSABEM.xml");
  auto alongside = import("flux_all_states.xml", {.validate_alongside = true});
  for (const auto& [report, name] :
       {std::pair{&first, "RSABEM.xml"}, std::pair{&alongside, "flux_all_states.xml"}}) {
    EXPECT_EQ(report->status, "done") << name;
    auto row = recorded(report->import_id);
    EXPECT_EQ(row->text(0), *caf::file_sha256(data(name))) << name;
    EXPECT_EQ(row->integer(1), static_cast<std::int64_t>(std::filesystem::file_size(data(name))))
        << name;
  }
  // The same bytes again are known by that hash.
  auto again = import("flux_all_states.xml", {.validate_alongside = true});
  EXPECT_NE(again.message.find("fichier identique"), std::string::npos) << again.message;
}

TEST_P(CafImportTest, ALaterFileAppliesWhatChangedOnly) {
  import("RSABEM.xml");
  auto before = events();
  // The same households, BULLOCK's right now open and paid.
  auto later = import("RSABEM-ouvert.xml");
  EXPECT_EQ(later.persons_updated, 1);
  EXPECT_EQ(later.persons_created, 0);
  EXPECT_EQ(events(), before + 1);  // person.updated (rsa_status), no suspension event
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE rsa_status = '2'"), 1);
  auto conn = db().acquire();
  auto source =
      conn->query_one("SELECT file_name FROM person_field_sources WHERE field = 'rsa_status'");
  EXPECT_EQ(source->text(0), "RSABEM-ouvert.xml");
}

TEST_P(CafImportTest, AnInvalidFileIsRefusedWithItsLineAndImportsNothing) {
  auto report = import("RSABEI_invalid.xml");
  EXPECT_TRUE(report.refused());
  EXPECT_NE(report.message.find("pas conforme au schéma"), std::string::npos);
  ASSERT_EQ(report.schema_errors.size(), 1u);
  EXPECT_GT(report.schema_errors[0].line, 0);
  EXPECT_NE(report.schema_errors[0].message.find("InfosFoyerRSA"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM caf_households"), 0);
  // The territory managers get the refusal by mail (none for Haute-Marne: the uploader is
  // unknown from the command line, so nobody).
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
}

TEST_P(CafImportTest, AnInvalidFileIsRefusedAgainWhenImportedAgain) {
  // The validation is skipped only for bytes that passed it before: a refusal never counts.
  auto first = import("RSABEI_invalid.xml");
  auto again = import("RSABEI_invalid.xml");
  EXPECT_TRUE(first.refused());
  EXPECT_TRUE(again.refused());
  EXPECT_EQ(again.schema_errors.size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 0);
}

TEST_P(CafImportTest, AHouseholdTwiceInABatchIsAppliedOnceThenFoundUnchanged) {
  // The stored digests are read once per batch; a household repeated within the batch must see
  // what its first occurrence wrote, as with one household per transaction.
  std::string xml = data_bytes("flux_all_states.xml");
  auto begin = xml.find("<InfosFoyerRSA");
  auto end = xml.find("</InfosFoyerRSA>", begin);
  ASSERT_NE(end, std::string::npos);
  end += std::string_view("</InfosFoyerRSA>").size();
  xml.insert(end, xml.substr(begin, end - begin));
  auto path = temp_flux("caf-twice", xml, engine_name({GetParam(), 0}));
  auto conn = db().acquire();
  auto batched = caf::import_flux(*conn, path.string(), {.file_name = "x.xml", .batch = 500});
  ASSERT_TRUE(batched);
  auto reference = reference_db();
  auto rconn = reference->acquire();
  auto one_by_one = caf::import_flux(*rconn, path.string(), {.file_name = "x.xml", .batch = 1});
  ASSERT_TRUE(one_by_one);
  std::filesystem::remove(path);
  EXPECT_GT(batched->persons_created, 0);
  EXPECT_EQ(batched->households, one_by_one->households);
  EXPECT_EQ(batched->persons_created, one_by_one->persons_created);
  EXPECT_EQ(batched->persons_updated, one_by_one->persons_updated);
  EXPECT_EQ(batched->persons_unchanged, one_by_one->persons_unchanged);
  EXPECT_EQ(batched->rejected, one_by_one->rejected);
  auto kinds = [](store::Connection& c) {
    std::vector<std::string> out;
    for (const auto& r : c.query("SELECT kind FROM journal WHERE person_id IS NOT NULL ORDER BY "
                                 "seq")) {
      out.push_back(r.text(0));
    }
    return out;
  };
  EXPECT_EQ(kinds(*conn), kinds(*rconn));
}

TEST_P(CafImportTest, EveryStateSuspensionAndClosure) {
  auto report = import("flux_all_states.xml");
  EXPECT_EQ(report.status, "done");
  EXPECT_EQ(report.households, 28);
  // Households 7, 17 and 27 live outside every territory.
  EXPECT_EQ(report.rejected, 3);
  auto conn = db().acquire();
  auto rejected = caf::report_lines(*conn, report.import_id);
  int outside = 0;
  for (const auto& l : rejected) {
    if (l.outcome == "rejected") {
      ++outside;
      EXPECT_NE(l.message.find("hors de tout territoire"), std::string::npos) << l.message;
    }
  }
  EXPECT_EQ(outside, 3);
  // Created: subject to rights and duties, right not closed nor refused (0, 2, 3, 4).
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE rsa_status IN ('1', '5', '6')"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE rights_and_duties = 0"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM persons WHERE rsa_status = '0'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM persons WHERE rsa_status = '3'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM persons WHERE rsa_status = '4'"), 0);
  EXPECT_EQ(report.persons_created, count("SELECT COUNT(*) FROM persons"));
  EXPECT_EQ(report.persons_created,
            count("SELECT COUNT(*) FROM journeys WHERE status = 'to_orient' AND entry = 'import'"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE territory_id = $1", {world_.ardennes}),
            report.persons_created);
  // Suspensions of the persons created are journaled, with their reason.
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind = 'rsa.suspended'"),
            count("SELECT COUNT(*) FROM persons WHERE rsa_status IN ('3', '4')"));
  // Couples both created are each other's spouse.
  auto spouses = count(
      "SELECT COUNT(*) FROM persons a JOIN persons b ON a.spouse_id = b.id AND "
      "b.spouse_id = a.id");
  EXPECT_GT(spouses, 0);
  EXPECT_EQ(spouses % 2, 0);
  // Created together, their link is part of their creation: listed in its source, and no
  // "updated" event follows it in their timelines.
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind = 'person.updated'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons p JOIN person_field_sources s ON s.person_id = "
                  "p.id AND s.field = '*' WHERE p.spouse_id IS NOT NULL AND (' ' || s.fields || "
                  "' ') LIKE '% spouse_id %'"),
            spouses);
  // The territory manager of the Ardennes gets the report by mail.
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'manager@test.fr'"), 1);

  // A later month: half the households change state; closures become rsa.closed events.
  auto before_persons = count("SELECT COUNT(*) FROM persons");
  auto later = import("flux_later.xml");
  EXPECT_EQ(later.status, "done");
  EXPECT_GT(later.persons_updated, 0);
  EXPECT_GT(later.persons_unchanged, 0);
  EXPECT_GE(count("SELECT COUNT(*) FROM persons"), before_persons);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons p JOIN persons q ON p.nir_hash = q.nir_hash AND "
                  "p.id < q.id"),
            0);
  auto events_after_later = events();
  // Again: nothing.
  auto again = import("flux_later.xml");
  EXPECT_EQ(again.persons_updated, 0);
  EXPECT_EQ(again.persons_created, 0);
  EXPECT_EQ(events(), events_after_later);
  // An older file is refused with a clear message, and changes nothing.
  auto older = import("flux_older.xml");
  EXPECT_TRUE(older.refused());
  EXPECT_NE(older.message.find("plus ancien"), std::string::npos) << older.message;
  EXPECT_EQ(events(), events_after_later);
}

TEST_P(CafImportTest, ClosureOfAKnownPersonIsJournaled) {
  import("RSABEM-ouvert.xml");  // BULLOCK open and paid: created
  auto conn = db().acquire();
  auto id = conn->query_one("SELECT id FROM persons WHERE birth_name = 'BULLOCK'")->integer(0);
  // The same household, closed, in a later file built from the sample.
  std::string text = data_bytes("RSABEM-ouvert.xml");
  auto replace = [&](const std::string& from, const std::string& to) {
    auto pos = text.find(from);
    ASSERT_NE(pos, std::string::npos);
    text.replace(pos, from.size(), to);
  };
  replace("<DTREF>2022-02-28</DTREF>", "<DTREF>2022-03-31</DTREF>");
  replace("<ETATDOSRSA>2</ETATDOSRSA>\n\t\t\t\t</EtatDossierRSA>",
          "<ETATDOSRSA>5</ETATDOSRSA>\n\t\t\t\t</EtatDossierRSA>\n\t\t\t\t<FinDroit><MOTICLORSA>"
          "RFD</MOTICLORSA><DTCLORSA>2022-03-15</DTCLORSA></FinDroit>");
  auto path = temp_flux("caf-closed", text);
  auto report = caf::import_flux(*conn, path.string(), {.file_name = "closed.xml"});
  std::filesystem::remove(path);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->status, "done") << report->message;
  EXPECT_EQ(report->persons_updated, 1);
  auto event = conn->query_one(
      "SELECT payload FROM journal WHERE person_id = $1 AND kind = 'rsa.closed'", {id});
  ASSERT_TRUE(event);
  EXPECT_NE(event->text(0).find("Droit RSA clos (radiation, fin de droit) au 15/03/2022"),
            std::string::npos)
      << event->text(0);
}

TEST_P(CafImportTest, AnUploadForATerritoryRejectsTheOthersHouseholds) {
  auto report =
      import("flux_all_states.xml", {.user_id = world_.marne_pro, .territory_id = world_.marne});
  EXPECT_EQ(report.persons_created, 0);
  EXPECT_EQ(report.rejected, 28);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 0);
  auto conn = db().acquire();
  auto lines = caf::report_lines(*conn, report.import_id);
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0].message.find("relève du territoire « Ardennes »"), std::string::npos)
      << lines[0].message;
  // The uploader gets the report.
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'marne@test.fr'"), 1);
}

TEST_P(CafImportTest, AnImportStoppedBetweenBatchesThenRerunLosesAndDuplicatesNothing) {
  std::int64_t stop_after = 10;
  auto first =
      import("flux_all_states.xml",
             {.batch = 5, .after_batch = [&](std::int64_t done) { return done < stop_after; }});
  EXPECT_EQ(first.status, "running");
  EXPECT_EQ(first.households, 10);
  auto rerun = import("flux_all_states.xml", {.batch = 5});
  EXPECT_EQ(rerun.status, "done");
  auto conn = db().acquire();
  EXPECT_EQ(caf::find_import(*conn, first.import_id)->status, "interrupted");
  auto reference = make_test_db(GetParam());
  {
    auto rconn = reference->acquire();
    make_people_world(*rconn);
    auto once = caf::import_flux(*rconn, data("flux_all_states.xml"), {.file_name = "x"});
    ASSERT_TRUE(once);
    EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), once->persons_created);
    EXPECT_EQ(first.persons_created + rerun.persons_created, once->persons_created);
    auto events_once =
        rconn->query_one("SELECT COUNT(*) FROM journal WHERE person_id IS NOT NULL")->integer(0);
    EXPECT_EQ(events(), events_once);
  }
}

TEST_P(CafImportTest, HouseholdsWhoseBytesWereAppliedAreUnchangedUnlessTheirTerritoryChanged) {
  auto first = import("flux_all_states.xml");
  auto before = events();
  auto rerun_all = [&] {
    // As after a crash: the same bytes, every household read again and compared.
    auto conn = db().acquire();
    conn->execute("UPDATE caf_imports SET status = 'interrupted'");
    return import("flux_all_states.xml");
  };
  auto again = rerun_all();
  EXPECT_EQ(again.message, "");  // compared household by household, not from the file's hash
  EXPECT_EQ(again.households, 28);
  EXPECT_EQ(again.persons_created, 0);
  EXPECT_EQ(again.persons_updated, 0);
  EXPECT_EQ(again.rejected, first.rejected);  // outside every territory: never stored
  EXPECT_GT(again.persons_unchanged, first.persons_created);  // every person of the households
  EXPECT_EQ(events(), before);
  // The territory's départements changed: the households are read again, and rejected.
  auto conn = db().acquire();
  conn->execute("DELETE FROM territory_departements WHERE territory_id = $1", {world_.ardennes});
  auto moved = rerun_all();
  EXPECT_EQ(moved.rejected, 28);
  EXPECT_EQ(moved.persons_unchanged, 0);
  EXPECT_EQ(events(), before);
}

TEST_P(CafImportTest, HouseholdsWhoseBytesChangedButNotTheirValuesChangeNothing) {
  auto first = import("flux_all_states.xml");
  auto before = events();
  // A comment in every household: other bytes (a new file, validated and read), same values.
  std::string xml = data_bytes("flux_all_states.xml");
  std::string tag = "<IdentificationRSA>";
  for (auto at = xml.find(tag); at != std::string::npos; at = xml.find(tag, at + 40)) {
    xml.insert(at, "<!-- <InfosFoyerRSA> -->");
  }
  auto path = temp_flux("caf-comment", xml, engine_name({GetParam(), 0}));
  auto conn = db().acquire();
  auto report = caf::import_flux(*conn, path.string(), {.file_name = "x.xml"});
  std::filesystem::remove(path);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->status, "done");
  EXPECT_EQ(report->households, 28);
  EXPECT_EQ(report->persons_created, 0);
  EXPECT_EQ(report->persons_updated, 0);
  EXPECT_EQ(report->rejected, first.rejected);
  EXPECT_EQ(events(), before);
  // The new bytes are remembered for the next read (the same values under other bytes).
  EXPECT_EQ(count("SELECT COUNT(*) FROM caf_households WHERE raw_digest IS NULL"), 0);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT raw_digest) FROM caf_households"),
            count("SELECT COUNT(*) FROM caf_households"));
  conn->execute("UPDATE caf_households SET raw_digest = NULL");  // as rows from before 0024
  auto rows = count("SELECT COUNT(*) FROM caf_households");
  auto again = import("flux_all_states.xml");
  EXPECT_EQ(again.persons_updated, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM caf_households WHERE raw_digest IS NOT NULL"), rows);
  EXPECT_EQ(events(), before);
}

// Every row of a table, in a stable order, as text (NULL spelled out).
std::string dump_rows(store::Connection& conn, const std::string& sql) {
  std::string out;
  for (const auto& row : conn.query(sql)) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += row.is_null(i) ? std::string("NULL") : row.text(i);
      out += i + 1 < row.size() ? "|" : "\n";
    }
  }
  return out;
}

// What an import writes: persons (the sealed NIR, encrypted with a random nonce, only as present
// or not), field sources, search terms, the journal with its contents, journeys, report lines,
// household digests and the imports' counters.
std::vector<std::string> written_rows(store::Connection& conn) {
  std::vector<std::string> out;
  for (const char* sql :
       {"SELECT id, territory_id, birth_name, usage_name, first_names, birth_date, sex, nir_hash, "
        "nir_sealed IS NULL, caf_number, ft_id, internal_id, email, phone, phone2, address, "
        "address_complement, postcode, commune_code, no_fixed_address, domiciliation, "
        "rsa_status, rights_and_duties, allowances, rqth, education_level, last_job, "
        "last_job_end, driving_licence, languages, merged_into, created_at, updated_at, "
        "spouse_id, caf_role FROM persons ORDER BY id",
        "SELECT person_id, field, source, user_id, organisation_id, file_name, at, fields FROM "
        "person_field_sources ORDER BY person_id, field",
        "SELECT territory_id, term, person_id FROM person_terms ORDER BY person_id, territory_id, "
        "term",
        // (the fixture's own events, written before the clock is pinned, left out)
        "SELECT seq, at, kind, territory_id, person_id, actor_id, payload FROM journal WHERE "
        "person_id IS NOT NULL ORDER BY seq",
        "SELECT id, person_id, territory_id, status, entry, need, opened_by, "
        "opened_by_organisation_id, opened_at, closed_at, close_reason, last_activity_at FROM "
        "journeys ORDER BY id",
        "SELECT import_id, seq, line, matricule, outcome, person_id, territory_id, message FROM "
        "caf_import_lines ORDER BY import_id, seq",
        "SELECT matricule, territory_id, digest, reference_date, import_id, updated_at, "
        "raw_digest, commune, departement FROM caf_households ORDER BY matricule",
        "SELECT id, file_name, file_hash, status, message, households_total, households_done, "
        "persons_created, persons_updated, persons_unchanged, rejected, started_at, finished_at "
        "FROM caf_imports ORDER BY id"}) {
    out.push_back(dump_rows(conn, sql));
  }
  return out;
}

// Both databases hold the same rows in every table written by an import, none empty.
void expect_same_rows(store::Connection& a, store::Connection& b) {
  auto rows_a = written_rows(a);
  auto rows_b = written_rows(b);
  ASSERT_EQ(rows_a.size(), rows_b.size());
  for (std::size_t i = 0; i < rows_a.size(); ++i) {
    EXPECT_FALSE(rows_a[i].empty()) << "table " << i;
    EXPECT_EQ(rows_a[i], rows_b[i]) << "table " << i;
  }
}

TEST_P(CafImportTest, TheBulkPathWritesTheRowsOfThePerPersonPath) {
  // A flux where new persons are created by the batch, a household comes twice in a batch, and
  // a copy of a household under another matricule, with its state and roles changed, updates
  // persons created earlier in the same batch (their sources, their spouse); a third copy with
  // other identifiers creates two possible duplicates of persons created in the same batch;
  // then a later flux.
  std::string xml = data_bytes("flux_all_states.xml");
  auto begin = xml.find("<InfosFoyerRSA");
  auto end = xml.find("</InfosFoyerRSA>", begin) + std::string_view("</InfosFoyerRSA>").size();
  std::string first = xml.substr(begin, end - begin);
  std::string copy = first;
  auto replace = [](std::string& s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    s.replace(at, from.size(), to);
  };
  replace(copy, "<MATRICULE>100000000000000</MATRICULE>", "<MATRICULE>100009900000000</MATRICULE>");
  replace(copy, "<ETATDOSRSA>2</ETATDOSRSA>", "<ETATDOSRSA>4</ETATDOSRSA>");
  for (int i = 0; i < 2; ++i) replace(copy, "<ROLEPERS>DEM</ROLEPERS>", "<ROLEPERS>XXX</ROLEPERS>");
  for (int i = 0; i < 2; ++i) replace(copy, "<ROLEPERS>CJT</ROLEPERS>", "<ROLEPERS>DEM</ROLEPERS>");
  for (int i = 0; i < 2; ++i) replace(copy, "<ROLEPERS>XXX</ROLEPERS>", "<ROLEPERS>CJT</ROLEPERS>");
  std::string twins = first;
  replace(twins, "<MATRICULE>100000000000000</MATRICULE>",
          "<MATRICULE>100009800000000</MATRICULE>");
  replace(twins, "<NIR>2620508000000</NIR>", "<NIR>2620508000090</NIR>");
  replace(twins, "<NIR>1640508000001</NIR>", "<NIR>1640508000091</NIR>");
  replace(twins, "<IDASSEDIC>0000001B</IDASSEDIC>", "<IDASSEDIC>0000091B</IDASSEDIC>");
  // Without NIR nor France Travail id: the applicant twice in the household (the second one is
  // found by matricule, birth date and first name, kept in the same step) and a spouse born the
  // same day (not found: other first names).
  std::string unnamed = first;
  replace(unnamed, "<MATRICULE>100000000000000</MATRICULE>",
          "<MATRICULE>100009700000000</MATRICULE>");
  replace(unnamed, "<NIR>2620508000000</NIR>", "");
  replace(unnamed, "<NIR>1640508000001</NIR>", "");
  replace(unnamed, "<DossierPoleEmploi><IDASSEDIC>0000001B</IDASSEDIC></DossierPoleEmploi>", "");
  replace(unnamed, "<DTNAI>1964-05-04</DTNAI>", "<DTNAI>1962-05-17</DTNAI>");
  replace(unnamed, "<NOM>MICHEL</NOM><NOMNAI>MICHEL</NOMNAI>",
          "<NOM>MOREAU</NOM><NOMNAI>MOREAU</NOMNAI>");
  auto applicant_at = unnamed.find("<Personne>");
  auto applicant = unnamed.substr(applicant_at, unnamed.find("</Personne>") + 11 - applicant_at);
  unnamed.insert(unnamed.find("<DonneesAdministratives>"), applicant);
  xml.insert(end, first + copy + twins + unnamed);
  auto path = temp_flux("caf-paths", xml, engine_name({GetParam(), 0}));

  pin_clock_for_tests(1'790'000'000);
  auto run = [&](store::Connection& conn, bool bulk) {
    std::vector<caf::Report> reports;
    for (const auto& file : {data("RSABEM.xml"), path.string(), data("flux_later.xml")}) {
      auto report =
          caf::import_flux(conn, file, {.file_name = "flux.xml", .batch = 7, .bulk = bulk});
      EXPECT_TRUE(report) << (report ? "" : report.error().message);
      if (report) reports.push_back(*report);
    }
    return reports;
  };
  auto conn = db().acquire();
  auto bulk = run(*conn, true);
  auto reference = reference_db();
  auto rconn = reference->acquire();
  auto per_person = run(*rconn, false);
  std::filesystem::remove(path);

  ASSERT_EQ(bulk.size(), 3u);
  ASSERT_EQ(per_person.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(bulk[i].status, "done") << bulk[i].message;
    EXPECT_EQ(bulk[i].summary(), per_person[i].summary());
  }
  EXPECT_GT(bulk[1].persons_created, 10);
  EXPECT_GT(bulk[1].persons_updated, 0);  // the copy under another matricule
  EXPECT_GT(bulk[2].persons_updated, 0);
  // The twins, and them only, are told possible duplicates (of records of the same batch).
  auto duplicates =
      conn->query("SELECT matricule FROM caf_import_lines WHERE message LIKE '%doublon possible%'");
  ASSERT_EQ(duplicates.size(), 2u);
  for (const auto& row : duplicates) EXPECT_EQ(row.text(0), "100009800000000");
  // The applicant without NIR is one record, her spouse another.
  auto unnamed_persons = conn->query(
      "SELECT first_names FROM persons WHERE caf_number = '1000097' ORDER BY first_names");
  ASSERT_EQ(unnamed_persons.size(), 2u);
  EXPECT_EQ(unnamed_persons[0].text(0), "KARIM");
  EXPECT_EQ(unnamed_persons[1].text(0), "NADIA");
  expect_same_rows(*conn, *rconn);
}

TEST_P(CafImportTest, AFileValidatedAlongsideWritesTheRowsOfOneValidatedFirst) {
  // The command validates in a second thread while the first households are applied, in one
  // transaction committed once the file is known valid: the same rows as validating first.
  pin_clock_for_tests(1'790'000'000);
  auto run = [&](store::Connection& conn, bool alongside) {
    for (const char* file : {"RSABEM.xml", "flux_all_states.xml", "flux_later.xml"}) {
      std::int64_t first_commit = 0;
      auto report = caf::import_flux(
          conn, data(file),
          {.file_name = file,
           .batch = 1,
           .validate_alongside = alongside,
           .after_batch =
               [&](std::int64_t done) {
                 if (first_commit == 0) first_commit = done;
                 return true;
               },
           .before_validation =
               [] { std::this_thread::sleep_for(std::chrono::milliseconds(300)); }});
      EXPECT_TRUE(report) << (report ? "" : report.error().message);
      if (report) {
        EXPECT_EQ(report->status, "done") << file << " " << report->message;
      }
      // Held back, the validation ends after several households: committed together.
      if (alongside && std::string_view(file) == "flux_all_states.xml") {
        EXPECT_GT(first_commit, 1);
      }
    }
  };
  auto conn = db().acquire();
  run(*conn, true);
  auto reference = reference_db();
  auto rconn = reference->acquire();
  run(*rconn, false);
  expect_same_rows(*conn, *rconn);
}

TEST_P(CafImportTest, TheValidationAlongsideRunsAtALowerPriority) {
  // Its thread's nice value is raised: the cores go to applying the households first.
  errno = 0;
  int mine = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
  ASSERT_EQ(errno, 0);
  std::optional<int> validation;
  auto report = import("RSABEM.xml", {.validate_alongside = true, .before_validation = [&] {
                                        validation = ::getpriority(PRIO_PROCESS,
                                                                   static_cast<id_t>(::gettid()));
                                      }});
  EXPECT_EQ(report.status, "done");
  ASSERT_TRUE(validation);
  EXPECT_EQ(*validation, std::min(mine + caf::kValidationNice, 19));
  // This thread's own priority is left as it was.
  EXPECT_EQ(::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid())), mine);
}

TEST_P(CafImportTest, AFileFoundInvalidWhileItsHouseholdsAreAppliedImportsNothing) {
  // The schema error is in the last household, or the file is cut short: the households
  // applied while the validation ran are rolled back.
  std::string xml = data_bytes("flux_all_states.xml");
  auto last = xml.rfind("</InfosFoyerRSA>");
  ASSERT_NE(last, std::string::npos);
  std::string intruder = xml;
  intruder.insert(last, "<Intrus>1</Intrus>");
  std::string cut = xml.substr(0, last);
  // The line of the last household (one household per line in this file).
  auto last_line =
      1 + std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(last), '\n');
  for (const auto& [name, bytes] : {std::pair{"intrus", &intruder}, std::pair{"coupé", &cut}}) {
    auto path = temp_flux(std::string("caf-late-") + name, *bytes, engine_name({GetParam(), 0}));
    auto conn = db().acquire();
    std::int64_t committed = 0;
    auto report = caf::import_flux(
        *conn, path.string(),
        {.file_name = "x.xml",
         .batch = 1,
         .validate_alongside = true,
         .after_batch = [&](std::int64_t) { return ++committed, true; },
         .before_validation = [] { std::this_thread::sleep_for(std::chrono::milliseconds(200)); }});
    std::filesystem::remove(path);
    ASSERT_TRUE(report) << name << " " << report.error().message;
    EXPECT_TRUE(report->refused()) << name;
    EXPECT_NE(report->message.find("pas conforme au schéma"), std::string::npos) << name;
    ASSERT_FALSE(report->schema_errors.empty()) << name;
    EXPECT_GE(report->schema_errors[0].line, last_line) << name;
    EXPECT_EQ(committed, 0) << name;
    EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 0) << name;
    EXPECT_EQ(count("SELECT COUNT(*) FROM journeys"), 0) << name;
    EXPECT_EQ(count("SELECT COUNT(*) FROM caf_households"), 0) << name;
    EXPECT_EQ(events(), 0) << name;
    EXPECT_EQ(count("SELECT COUNT(*) FROM caf_import_lines WHERE outcome <> 'schema'"), 0) << name;
  }
  // The valid file then imports in full.
  auto report = import("flux_all_states.xml", {.batch = 1, .validate_alongside = true});
  EXPECT_EQ(report.status, "done");
  EXPECT_GT(report.persons_created, 10);
}

TEST_P(CafImportTest, TheHeldIdentifiersOfABatchAreReadThroughTheirIndexes) {
  // Without the partial indexes' condition, each of these reads the whole persons table (on
  // SQLite: the later-month import twice slower at 100,000 households).
  auto conn = db().acquire();
  for (const char* column : {"nir_hash", "ft_id", "caf_number"}) {
    std::string sql = caf::held_identifiers_sql(column);
    store::Params params;
    for (std::size_t i = 0; i < caf::kHeldChunk; ++i) params.add(std::string("x"));
    EXPECT_NO_THROW(conn->query(sql, params)) << column;
    if (conn->dialect() != store::Dialect::kSqlite) continue;
    std::string plan;
    for (const auto& r : conn->query("EXPLAIN QUERY PLAN " + sql, params)) {
      plan += r.text(r.size() - 1) + "\n";
    }
    EXPECT_NE(plan.find("USING"), std::string::npos) << column << ": " << plan;
    EXPECT_EQ(plan.find("SCAN persons"), std::string::npos) << column << ": " << plan;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, CafImportTest, kEngines, engine_name);

// A real process killed (SIGKILL) in the middle of an import, then the import rerun: no person
// lost, none duplicated, no event written twice. SQLite file database shared by both processes.
TEST(CafImportKill, AKilledProcessThenARerunLosesAndDuplicatesNothing) {
  use_test_data_key();
  auto dir = std::filesystem::temp_directory_path() / ("caf-kill-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string url = "sqlite:" + (dir / "kill.db").string();
  std::string reference_url = "sqlite:" + (dir / "reference.db").string();
  for (const auto& u : {url, reference_url}) {
    auto db = store::Db::open(u, 1);
    auto conn = db->acquire();
    store::migrate(*conn);
    make_people_world(*conn);
  }
  auto file = data("flux_all_states.xml");
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child: one household per transaction, slowly, until it is killed.
    auto db = store::Db::open(url, 1);
    auto conn = db->acquire();
    caf::import_flux(*conn, file, {.file_name = "flux.xml", .batch = 1, .after_batch = [](auto) {
                                     std::this_thread::sleep_for(std::chrono::milliseconds(150));
                                     return true;
                                   }});
    ::_exit(0);
  }
  {
    auto db = store::Db::open(url, 1);
    std::int64_t done = 0;
    for (int i = 0; i < 400 && done < 8; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      auto conn = db->acquire();
      auto row = conn->query_one("SELECT MAX(households_done) FROM caf_imports");
      done = row ? row->integer(0) : 0;
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status));
    auto conn = db->acquire();
    auto killed_at = conn->query_one("SELECT households_done, status FROM caf_imports");
    EXPECT_GE(killed_at->integer(0), 8);
    EXPECT_LT(killed_at->integer(0), 28);
    EXPECT_EQ(killed_at->text(1), "running");
    auto rerun = caf::import_flux(*conn, file, {.file_name = "flux.xml"});
    ASSERT_TRUE(rerun);
    EXPECT_EQ(rerun->status, "done");
  }
  auto reference = store::Db::open(reference_url, 1);
  auto rconn = reference->acquire();
  ASSERT_TRUE(caf::import_flux(*rconn, file, {.file_name = "flux.xml"}));
  auto db = store::Db::open(url, 1);
  auto conn = db->acquire();
  auto snapshot = [](store::Connection& c) {
    std::vector<std::string> rows;
    for (const auto& r : c.query(
             "SELECT p.nir_hash, p.rsa_status, p.rights_and_duties, p.spouse_id IS NOT NULL, "
             "(SELECT COUNT(*) FROM journal e WHERE e.person_id = p.id), "
             "(SELECT COUNT(*) FROM journeys j WHERE j.person_id = p.id) FROM persons p ORDER BY "
             "p.nir_hash")) {
      rows.push_back(r.text(0) + "|" + r.text(1) + "|" + r.text(2) + "|" + r.text(3) + "|" +
                     r.text(4) + "|" + r.text(5));
    }
    return rows;
  };
  auto got = snapshot(*conn);
  auto expected = snapshot(*rconn);
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(got, expected);
  std::filesystem::remove_all(dir);
}

// PostgreSQL plans the import's statements with the statistics of the tables when it started
// (empty ones, in a first import): the tables it reads are analysed again as it grows them.
TEST(CafImportPostgres, TheTablesAGrowingImportReadsAreAnalysedAgain) {
  use_test_data_key();
  auto db = make_test_db(store::Dialect::kPostgres);
  auto conn = db->acquire();
  conn->execute_script(
      "INSERT INTO territories (slug, name, created_at, updated_at) VALUES ('ardennes', "
      "'Ardennes', 0, 0); INSERT INTO territory_departements (territory_id, departement_code) "
      "SELECT id, '08' FROM territories WHERE slug = 'ardennes'");
  // 700 copies of a household of two, each with its own matricule and identifiers.
  std::string xml = data_bytes("flux_all_states.xml");
  auto begin = xml.find("<InfosFoyerRSA");
  auto end = xml.find("</InfosFoyerRSA>", begin) + std::string_view("</InfosFoyerRSA>").size();
  std::string household = xml.substr(begin, end - begin);
  auto last = xml.rfind("</InfosFoyerRSA>") + std::string_view("</InfosFoyerRSA>").size();
  std::string flux = xml.substr(0, begin);
  for (int i = 0; i < 700; ++i) {
    std::string copy = household;
    for (auto [from, to] :
         {std::pair{std::string("100000000000000"), fmt::format("1{:014d}", 500000 + i)},
          std::pair{std::string("2620508000000"), fmt::format("2620508{:06d}", i)},
          std::pair{std::string("1640508000001"), fmt::format("1640508{:06d}", i)},
          std::pair{std::string("0000001B"), fmt::format("{:07d}B", 1000000 + i)}}) {
      auto at = copy.find(from);
      ASSERT_NE(at, std::string::npos) << from;
      copy.replace(at, from.size(), to);
    }
    flux += copy + "\n";
  }
  flux += xml.substr(last);
  auto path = temp_flux("caf-analyze", flux);
  auto analysed = [&] {
    return conn
        ->query_one(
            "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE "
            "relname = 'persons'")
        ->boolean(0);
  };
  EXPECT_FALSE(analysed());
  auto report = caf::import_flux(*conn, path.string(), {.file_name = "flux.xml", .batch = 600});
  std::filesystem::remove(path);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->status, "done") << report->message;
  EXPECT_EQ(report->persons_created, 1400);
  EXPECT_TRUE(analysed());
}
}  // namespace
}  // namespace parcours::test
