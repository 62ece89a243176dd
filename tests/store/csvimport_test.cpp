// The person-file import on both engines: each encoding and separator, French dates, quoted
// fields, the preview's classification (nothing written before the import), broken rows
// reported line by line while the good ones are imported, a rerun that changes nothing, a
// later file that updates, and the mapping remembered per organisation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/clock.h"
#include "features/csvimport/import.h"
#include "store/people_fixture.h"

namespace parcours::test {
namespace {

std::string fixture(const std::string& name) {
  return std::string(PARCOURS_SOURCE_DIR) + "/tests/fixtures/csvimport/" + name;
}

class CsvImportTest : public PeopleTest {
 protected:
  std::int64_t start(const std::string& path, std::optional<csvimport::Mapping> mapping = {}) {
    auto conn = db().acquire();
    auto id = csvimport::start_import(*conn, {.organisation_id = world_.cd08,
                                              .user_id = world_.manager,
                                              .file_name = std::filesystem::path(path).filename(),
                                              .path = path,
                                              .mapping = mapping});
    EXPECT_TRUE(id.has_value()) << (id ? "" : id.error().message);
    return *id;
  }

  csvimport::Import run(std::int64_t id, csvimport::Phase phase, std::size_t batch = 500) {
    auto conn = db().acquire();
    auto import = csvimport::run(*conn, id, phase, {.batch = batch});
    EXPECT_TRUE(import.has_value()) << (import ? "" : import.error().message);
    return *import;
  }

  // Preview then import.
  csvimport::Import import_file(const std::string& path, std::size_t batch = 500) {
    auto id = start(path);
    run(id, csvimport::Phase::kPreview, batch);
    return run(id, csvimport::Phase::kApply, batch);
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    auto conn = db().acquire();
    return conn->query_one(sql, params)->integer(0);
  }
  std::int64_t persons() { return count("SELECT COUNT(*) FROM persons"); }
  std::int64_t events() { return count("SELECT COUNT(*) FROM journal"); }

  std::vector<csvimport::Line> lines(std::int64_t id, csvimport::Phase phase,
                                     std::optional<std::string> outcome = {}) {
    auto conn = db().acquire();
    return csvimport::lines(*conn, id, phase, outcome, 0, 1000);
  }
};

TEST_P(CsvImportTest, EachEncodingAndSeparatorImportsTheSamePersons) {
  for (const char* file : {"personnes-utf8.csv", "personnes-utf8-bom.csv",
                           "personnes-windows-1252.csv", "personnes-tabulation.tsv"}) {
    auto report = import_file(fixture(file));
    EXPECT_EQ(report.status, "done") << file;
    EXPECT_EQ(report.rows_total, 4) << file;
    EXPECT_EQ(report.errors, 0) << file;
    for (const auto& l : lines(report.id, csvimport::Phase::kApply, "error")) {
      ADD_FAILURE() << file << ": " << l.message;
    }
    // The first file creates the four; the others, the same persons, change nothing.
    if (std::string(file) == "personnes-utf8.csv") {
      EXPECT_EQ(report.created, 4);
    } else {
      EXPECT_EQ(report.created, 0) << file;
      EXPECT_EQ(report.updated, 0) << file;
      EXPECT_EQ(report.unchanged, 4) << file;
    }
  }
  EXPECT_EQ(persons(), 4);
  auto conn = db().acquire();
  auto helene = conn->query_one(
      "SELECT birth_date, sex, caf_number, phone, commune_code, postcode, rsa_status, "
      "rights_and_duties, address, email FROM persons WHERE first_names = 'Hélène'");
  ASSERT_TRUE(helene);
  EXPECT_EQ(helene->text(0), "1984-05-12");
  EXPECT_EQ(helene->text(1), "F");
  EXPECT_EQ(helene->text(2), "1234567");
  EXPECT_EQ(helene->text(3), "+33612345678");
  EXPECT_EQ(helene->text(4), "08105");
  EXPECT_EQ(helene->text(5), "08000");
  EXPECT_EQ(helene->text(6), "2");
  EXPECT_TRUE(helene->boolean(7));
  EXPECT_EQ(helene->text(8), "12 rue de la Paix; bât. B");
  EXPECT_EQ(
      conn->query_one("SELECT birth_date FROM persons WHERE first_names = 'Françoise'")->text(0),
      "1998-04-03");  // 03-04-98
  EXPECT_EQ(conn->query_one("SELECT birth_date FROM persons WHERE first_names = 'Zoé'")->text(0),
            "2005-08-07");  // 07/08/05
  EXPECT_EQ(
      conn->query_one("SELECT internal_id FROM persons WHERE first_names = 'Françoise'")->text(0),
      "DEP0003");
  // Each created person has a journey "à orienter" entered by import, followed by the CD 08.
  EXPECT_EQ(count("SELECT COUNT(*) FROM journeys WHERE entry = 'import' AND territory_id = $1",
                  {world_.ardennes}),
            4);
  // The values' source is the file.
  int imported = 0;
  for (const auto& row : conn->query("SELECT id FROM persons")) {
    for (const auto& s : people::field_sources(*conn, row.integer(0))) {
      imported += s.field == "birth_date" && s.source == people::Source::kImport &&
                  s.file_name == "personnes-utf8.csv";
    }
  }
  EXPECT_EQ(imported, 4);
}

TEST_P(CsvImportTest, PreviewClassifiesEveryRowAndWritesNoPerson) {
  // Known already: Hélène (by her NIR), with another phone number.
  {
    auto conn = db().acquire();
    people::PersonForm f;
    f.identity = {.birth_name = "Durand",
                  .first_names = "Hélène",
                  .birth_date = "12/05/1984",
                  .sex = "F",
                  .nir = "284050810512338"};
    f.contact = {.email = "helene.durand@example.test",
                 .phone = "06 00 00 00 00",
                 .address = "12 rue de la Paix; bât. B",
                 .postcode = "08000",
                 .commune = "08105"};
    f.situation.rsa_status = "2";
    f.situation.rights_and_duties = true;
    ASSERT_TRUE(people::create_person(
        *conn, world_.ardennes, f, people::Provenance::professional(world_.referent, world_.cd08)));
  }
  auto before_persons = persons();
  auto before_events = events();
  auto id = start(fixture("personnes-utf8.csv"));
  auto preview = run(id, csvimport::Phase::kPreview);
  EXPECT_EQ(preview.status, "previewed");
  EXPECT_EQ(preview.rows_total, 4);
  EXPECT_EQ(preview.to_create, 3);
  EXPECT_EQ(preview.to_update, 1);
  EXPECT_EQ(preview.to_leave, 0);
  EXPECT_EQ(preview.to_reject, 0);
  EXPECT_EQ(persons(), before_persons);
  EXPECT_EQ(events(), before_events);
  auto update = lines(id, csvimport::Phase::kPreview, "update");
  ASSERT_EQ(update.size(), 1u);
  EXPECT_EQ(update[0].line, 2);
  // The phone and the CAF number change; "DURAND" is the same name as "Durand".
  EXPECT_NE(update[0].message.find("téléphone"), std::string::npos) << update[0].message;
  EXPECT_NE(update[0].message.find("numéro allocataire"), std::string::npos) << update[0].message;
  EXPECT_EQ(update[0].message.find("nom de naissance"), std::string::npos) << update[0].message;
  EXPECT_NE(update[0].message.find("numéro de sécurité sociale"), std::string::npos)
      << update[0].message;
  auto report = run(id, csvimport::Phase::kApply);
  EXPECT_EQ(report.created, 3);
  EXPECT_EQ(report.updated, 1);
  EXPECT_EQ(persons(), before_persons + 3);
  auto conn = db().acquire();
  EXPECT_EQ(conn->query_one("SELECT phone FROM persons WHERE first_names = 'Hélène'")->text(0),
            "+33612345678");
  // The update is one person.updated event naming the field, with the file as source.
  auto event = conn->query_one(
      "SELECT payload FROM journal WHERE kind = 'person.updated' ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(event);
  EXPECT_NE(event->text(0).find("phone"), std::string::npos);
  EXPECT_NE(event->text(0).find("personnes-utf8.csv"), std::string::npos);
  // The report is mailed to the uploader.
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'manager@test.fr'"), 1);
}

TEST_P(CsvImportTest, BrokenRowsAreReportedLineByLineAndTheGoodOnesImported) {
  auto id = start(fixture("personnes-erreurs.csv"));
  auto preview = run(id, csvimport::Phase::kPreview);
  EXPECT_EQ(preview.rows_total, 12);
  EXPECT_EQ(preview.to_create, 3);  // lines 2, 7, 12
  EXPECT_EQ(preview.to_reject, 9);
  EXPECT_EQ(persons(), 0);
  std::map<std::int64_t, std::string> errors;
  for (const auto& l : lines(id, csvimport::Phase::kPreview, "error")) errors[l.line] = l.message;
  auto has = [&](std::int64_t line, const std::string& part) {
    EXPECT_NE(errors[line].find(part), std::string::npos) << line << ": " << errors[line];
  };
  has(3, "Ligne 3, colonne « Date de naissance » : « 31/02/1990 » n’est pas une date");
  has(4, "Ligne 4, colonne « NIR »");
  has(5, "Ligne 5 : la ligne a 8 colonnes, l’en-tête en a 10");
  has(6, "Ligne 6 : aucun identifiant");
  has(8, "Ligne 8 : même personne qu’à la ligne 7");
  has(9, "Ligne 9, colonne « Date de naissance » : « 1985-13-01 »");
  has(10, "Ligne 10, colonne « Sexe »");
  has(11, "Ligne 11, colonne « Commune »");
  has(13, "Ligne 13 : un guillemet ouvert n’est jamais fermé");
  // Batches of 2 rows: a failing row never takes its neighbours with it.
  auto report = run(id, csvimport::Phase::kApply, 2);
  EXPECT_EQ(report.created, 3);
  EXPECT_EQ(report.errors, 9);
  EXPECT_EQ(persons(), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE birth_name IN ('DURAND', 'PETIT', "
                  "'BLANC') OR birth_name IN ('Durand', 'Petit', 'Blanc')"),
            3);
  EXPECT_EQ(lines(id, csvimport::Phase::kApply, "error").size(), 9u);
}

TEST_P(CsvImportTest, RerunningTheSameFileChangesNothing) {
  auto first = import_file(fixture("personnes-utf8.csv"));
  EXPECT_EQ(first.created, 4);
  auto persons_after = persons();
  auto events_after = events();
  auto sources_after = count("SELECT COUNT(*) FROM person_field_sources");
  auto second = import_file(fixture("personnes-utf8.csv"));
  EXPECT_EQ(second.created, 0);
  EXPECT_EQ(second.updated, 0);
  EXPECT_EQ(second.unchanged, 4);
  EXPECT_EQ(second.errors, 0);
  EXPECT_EQ(persons(), persons_after);
  // Only the import's own event (csv.imported), nothing about persons.
  EXPECT_EQ(events(), events_after + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE person_id IS NOT NULL AND seq > (SELECT "
                  "MAX(seq) - 1 FROM journal)"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_field_sources"), sources_after);
}

TEST_P(CsvImportTest, TheMappingIsRememberedPerOrganisation) {
  // A file with unusual headers: nothing guessed for the names.
  auto path = std::filesystem::temp_directory_path() /
              ("csvimport-mapping-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path, std::ios::binary)
      << "COL_A;COL_B;COL_C;COL_D\nROBIN;Jeanne;DEP0777;01/06/1990\n";
  {
    auto conn = db().acquire();
    auto id = csvimport::start_import(
        *conn, {.organisation_id = world_.cd08, .file_name = "a.csv", .path = path.string()});
    ASSERT_TRUE(id);
    auto refused = csvimport::run(*conn, *id, csvimport::Phase::kPreview);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "birth_name");
    // A mapping with one column twice is refused, naming the field.
    auto twice = csvimport::save_mapping(
        *conn, world_.cd08, {{"birth_name", "COL_A"}, {"first_names", "COL_A"}}, world_.manager);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().field, "first_names");
    ASSERT_TRUE(csvimport::save_mapping(*conn, world_.cd08,
                                        {{"birth_name", "COL_A"},
                                         {"first_names", "COL_B"},
                                         {"internal_id", "COL_C"},
                                         {"birth_date", "COL_D"}},
                                        world_.manager));
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE kind = 'csv.mapping_saved'"), 1);
    // Another organisation does not share it.
    EXPECT_FALSE(csvimport::saved_mapping(*conn, world_.mission_locale));
  }
  // The next upload uses it without being told.
  auto report = import_file(path.string());
  EXPECT_EQ(report.created, 1);
  EXPECT_EQ(report.mapping.at("internal_id"), "COL_C");
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE internal_id = 'DEP0777' AND birth_date = "
                  "'1990-06-01'"),
            1);
  std::filesystem::remove(path);
}

TEST_P(CsvImportTest, APersonOfAnotherTerritoryIsNotTouched) {
  {
    auto conn = db().acquire();
    people::PersonForm f;
    f.identity = {.birth_name = "Durand",
                  .first_names = "Hélène",
                  .birth_date = "12/05/1984",
                  .sex = "F",
                  .nir = "284050810512338"};
    ASSERT_TRUE(people::create_person(
        *conn, world_.marne, f,
        people::Provenance::professional(world_.marne_pro, world_.caf_marne)));
  }
  auto report = import_file(fixture("personnes-utf8.csv"));
  EXPECT_EQ(report.created, 3);
  EXPECT_EQ(report.errors, 1);
  auto errors = lines(report.id, csvimport::Phase::kApply, "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("autre territoire"), std::string::npos) << errors[0].message;
}

TEST_P(CsvImportTest, AnUnconfirmedUploadIsDeletedAfterADayAndAConfirmedOneIsNot) {
  // Three uploads of copies of the same file: one previewed long ago and never confirmed, one
  // previewed just now, one imported long ago.
  auto copy = [](const std::string& name) {
    auto path = std::filesystem::temp_directory_path() / name;
    std::filesystem::copy_file(fixture("personnes-utf8.csv"), path,
                               std::filesystem::copy_options::overwrite_existing);
    return path.string();
  };
  auto old_path = copy("parcours-test-expire-old.csv");
  auto fresh_path = copy("parcours-test-expire-fresh.csv");
  auto old_id = start(old_path);
  run(old_id, csvimport::Phase::kPreview);
  auto fresh_id = start(fresh_path);
  run(fresh_id, csvimport::Phase::kPreview);
  auto done = import_file(fixture("personnes-utf8.csv"));
  {
    auto conn = db().acquire();
    conn->execute("UPDATE csv_imports SET started_at = started_at - 2 * 86400 WHERE id IN ($1, $2)",
                  {old_id, done.id});
  }
  auto events_before = events();

  auto conn = db().acquire();
  const auto cutoff = now_seconds() - csvimport::kUnconfirmedLifetimeSeconds;
  EXPECT_EQ(csvimport::expire_unconfirmed(*conn, cutoff), 1);
  EXPECT_FALSE(std::filesystem::exists(old_path));
  EXPECT_TRUE(std::filesystem::exists(fresh_path));
  auto old = csvimport::find_import(*conn, old_id);
  EXPECT_EQ(old->status, "expired");
  EXPECT_EQ(old->stored_path, "");
  EXPECT_NE(old->message.find("24 heures"), std::string::npos) << old->message;
  EXPECT_EQ(csvimport::find_import(*conn, fresh_id)->status, "previewed");
  EXPECT_EQ(csvimport::find_import(*conn, done.id)->status, "done");
  EXPECT_EQ(events(), events_before + 1);
  EXPECT_EQ(persons(), 4);  // only the imported file's
  // Run again: nothing more to do.
  EXPECT_EQ(csvimport::expire_unconfirmed(*conn, cutoff), 0);
  // An expired import cannot be applied any more: its file is gone.
  EXPECT_FALSE(csvimport::run(*conn, old_id, csvimport::Phase::kApply).has_value());
  std::filesystem::remove(fresh_path);
}

INSTANTIATE_TEST_SUITE_P(Engines, CsvImportTest, kEngines, engine_name);

}  // namespace
}  // namespace parcours::test
