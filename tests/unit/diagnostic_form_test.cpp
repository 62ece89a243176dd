// Diagnostic form definitions and the generic validator, without a database: the socle commun of
// the repository parses; bad definitions are refused with French messages; every answer type is
// validated with a French message naming the question, and turns into the contracted JSON.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/config.h"
#include "features/diagnostic/form.h"

namespace parcours::diagnostic {
namespace {

namespace json = boost::json;

std::string socle_text() {
  std::ifstream in(resource_dir("", "data/diagnostic") + "/socle_commun.json");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

FormDefinition socle() {
  auto form = parse_definition(socle_text(), kSocleCommun);
  EXPECT_TRUE(form) << (form ? "" : form.error().message);
  return *form;
}

// One question of each type, as a territory would write them.
constexpr const char* kEveryType = R"({"sections":[{"id":"s","title":"Questions du territoire",
  "questions":[
  {"id":"t_texte","type":"text","label":"Commune de naissance","max_length":10},
  {"id":"t_long","type":"long_text","label":"Parcours scolaire","max_length":20},
  {"id":"t_choix","type":"single_choice","label":"Quartier prioritaire","choices":[
    {"value":"oui","label":"Oui"},{"value":"non","label":"Non"}]},
  {"id":"t_multi","type":"multiple_choice","label":"Aides demandées","choices":[
    {"value":"fsl","label":"FSL"},{"value":"faj","label":"FAJ"}]},
  {"id":"t_mois","type":"month","label":"Arrivée dans le département"},
  {"id":"t_oui_non","type":"yes_no","label":"Suivi par la PMI","required":true},
  {"id":"t_nombre","type":"number","label":"Enfants à charge","min":0,"max":12},
  {"id":"t_metiers","type":"rome_jobs","label":"Métiers visés","max_items":2},
  {"id":"t_freins","type":"obstacles","label":"Freins","thematiques":[
    {"code":"mobilite","label":"Mobilité","sous_thematiques":[
      {"value":"mobilite--etre-accompagne-dans-son-parcours-mobilite","label":"Parcours mobilité"}]}]}
  ]}]})";

FormDefinition every_type() {
  auto form = parse_definition(kEveryType, kTerritoryExtra);
  EXPECT_TRUE(form) << (form ? "" : form.error().message);
  return *form;
}

Fields base() { return {{"t_oui_non", "non"}}; }

Error rejected(const Fields& fields, const RomeLookup& lookup = {}) {
  auto answers = validate_answers(every_type(), fields, lookup);
  EXPECT_FALSE(answers) << "accepté : " << (answers ? json::serialize(*answers) : "");
  return answers ? Error{} : answers.error();
}

Fields with(Fields fields, std::initializer_list<std::pair<const std::string, std::string>> more) {
  for (const auto& f : more) fields.insert(f);
  return fields;
}

TEST(DiagnosticForm, TheSocleCommunOfTheRepositoryHasTheContractedQuestions) {
  auto form = socle();
  for (const char* id : {"dernier_emploi", "dernier_emploi_date", "duree_sans_emploi",
                         "projets_metiers", "niveau_formation", "diplomes", "competences", "permis",
                         "vehicule", "disponibilite", "horaires_souhaites", "freins"}) {
    EXPECT_NE(form.find(id), nullptr) << id;
  }
  const Question* freins = form.find("freins");
  ASSERT_NE(freins, nullptr);
  std::vector<std::string> codes;
  for (const auto& t : freins->thematiques) {
    codes.push_back(t.code);
    EXPECT_FALSE(t.sous_thematiques.empty()) << t.code;
  }
  for (const char* code :
       {"mobilite", "logement-hebergement", "sante", "famille", "difficultes-financieres",
        "difficultes-administratives-ou-juridiques", "lecture-ecriture-calcul", "numerique"}) {
    EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << code;
  }
}

TEST(DiagnosticForm, RefusesBadDefinitionsInFrench) {
  struct Case {
    const char* json;
    const char* kind;
    const char* message;
  };
  for (
      const Case& c : std::vector<Case>{
          {"pas du json", kSocleCommun, "JSON valide"},
          {R"({"sections":[]})", kSocleCommun, "« sections » non vide"},
          {R"({"sections":[{"id":"s","title":"S","questions":[{"id":"q","type":"couleur","label":"Q"}]}]})",
           kSocleCommun, "type « couleur » inconnu"},
          {R"({"sections":[{"id":"s","title":"S","questions":[{"id":"q","type":"text","label":"Q"}]}]})",
           kTerritoryExtra, "commence par « t_ »"},
          {R"({"sections":[{"id":"s","title":"S","questions":[{"id":"t_q","type":"single_choice","label":"Q"}]}]})",
           kTerritoryExtra, "au moins un choix"},
          {R"({"sections":[{"id":"s","title":"S","questions":[{"id":"t_q","type":"text","label":"Q"},{"id":"t_q","type":"text","label":"R"}]}]})",
           kTerritoryExtra, "identifiant en double"},
          {R"({"sections":[{"id":"s","title":"S","questions":[{"id":"t_q","type":"text"}]}]})",
           kTerritoryExtra, "« label »"},
          {R"({"sections":[{"id":"s","title":"S","questions":[{"id":"T Q","type":"text","label":"Q"}]}]})",
           kTerritoryExtra, "Identifiant de question « T Q » invalide"},
      }) {
    auto parsed = parse_definition(c.json, c.kind);
    ASSERT_FALSE(parsed) << c.json;
    EXPECT_NE(parsed.error().message.find(c.message), std::string::npos) << parsed.error().message;
    EXPECT_EQ(parsed.error().field, "definition");
  }
}

TEST(DiagnosticForm, TurnsEveryAnswerTypeIntoTheContractedJson) {
  RomeLookup lookup = [](std::string_view q) {
    return q == "macon" ? std::vector<RomeJob>{{"F1703", "Maçon / Maçonne"}}
                        : std::vector<RomeJob>{};
  };
  auto answers =
      validate_answers(every_type(),
                       {{"t_texte", "  Sedan "},
                        {"t_long", "CAP"},
                        {"t_choix", "oui"},
                        {"t_multi", "fsl"},
                        {"t_multi", "faj"},
                        {"t_mois", "03/2024"},
                        {"t_oui_non", "oui"},
                        {"t_nombre", "2,5"},
                        {"t_metiers", "A1101|Chauffeur / Chauffeuse de machines agricoles"},
                        {"t_metiers.recherche", "macon"},
                        {"t_freins.mobilite.niveau", "majeur"},
                        {"t_freins.mobilite.sous_thematiques",
                         "mobilite--etre-accompagne-dans-son-parcours-mobilite"},
                        {"t_freins.mobilite.commentaire", "Pas de bus le matin"}},
                       lookup);
  ASSERT_TRUE(answers) << answers.error().message;
  EXPECT_EQ(
      json::serialize(*answers),
      R"({"t_texte":"Sedan","t_long":"CAP","t_choix":"oui","t_multi":["fsl","faj"],)"
      R"("t_mois":"2024-03","t_oui_non":true,"t_nombre":2.5E0,"t_metiers":[)"
      R"({"code_rome":"A1101","appellation":"Chauffeur / Chauffeuse de machines agricoles"},)"
      R"({"code_rome":"F1703","appellation":"Maçon / Maçonne"}],"t_freins":{"mobilite":)"
      R"({"niveau":"majeur","sous_thematiques":["mobilite--etre-accompagne-dans-son-parcours-mobilite"],)"
      R"("commentaire":"Pas de bus le matin"}}})");
}

TEST(DiagnosticForm, LeavesUnansweredQuestionsOut) {
  auto answers = validate_answers(every_type(), base());
  ASSERT_TRUE(answers);
  EXPECT_EQ(json::serialize(*answers), R"({"t_oui_non":false})");
}

TEST(DiagnosticForm, RefusesBadInputOnEveryTypeNamingTheQuestion) {
  struct Case {
    Fields fields;
    const char* field;
    const char* message;
  };
  for (const Case& c : std::vector<Case>{
           {{}, "t_oui_non", "« Suivi par la PMI » : cette question est obligatoire"},
           {with(base(), {{"t_texte", "Charleville-Mézières"}}), "t_texte",
            "« Commune de naissance » : 10 caractères au plus"},
           {with(base(), {{"t_long", std::string(21, 'x')}}), "t_long",
            "« Parcours scolaire » : 20 caractères au plus"},
           {with(base(), {{"t_choix", "peut-etre"}}), "t_choix",
            "« Quartier prioritaire » : choisissez une des réponses"},
           {with(base(), {{"t_multi", "rsa"}}), "t_multi",
            "« Aides demandées » : choisissez parmi"},
           {with(base(), {{"t_mois", "2024-13"}}), "t_mois",
            "« Arrivée dans le département » : indiquez le mois et l’année au format AAAA-MM"},
           {with(base(), {{"t_mois", "mars"}}), "t_mois", "format AAAA-MM"},
           {{{"t_oui_non", "peut-être"}}, "t_oui_non", "« Suivi par la PMI » : répondez par oui"},
           {with(base(), {{"t_nombre", "deux"}}), "t_nombre",
            "« Enfants à charge » : indiquez un nombre"},
           {with(base(), {{"t_nombre", "13"}}), "t_nombre",
            "« Enfants à charge » : le nombre doit être entre 0 et 12"},
           {with(base(), {{"t_metiers", "pas un code"}}), "t_metiers",
            "« Métiers visés » : métier non reconnu"},
           {with(base(), {{"t_metiers", "A1101|Un"},
                          {"t_metiers", "A1102|Deux"},
                          {"t_metiers", "A1103|Trois"}}),
            "t_metiers", "« Métiers visés » : 2 métiers au plus"},
           {with(base(), {{"t_metiers.recherche", "astronaute"}}), "t_metiers.recherche",
            "« Métiers visés » : aucun métier du répertoire ROME ne correspond à « astronaute »"},
           {with(base(), {{"t_freins.mobilite.niveau", "terrible"}}), "t_freins.mobilite.niveau",
            "« Freins, Mobilité » : choisissez un niveau"},
           {with(base(), {{"t_freins.mobilite.niveau", "majeur"},
                          {"t_freins.mobilite.sous_thematiques", "sante--autre"}}),
            "t_freins.mobilite.sous_thematiques", "« Freins, Mobilité » : choisissez parmi"},
           {with(base(), {{"t_freins.mobilite.commentaire", "Pas de bus"}}),
            "t_freins.mobilite.niveau", "indiquez le niveau du frein"},
           {with(base(), {{"t_freins.mobilite.niveau", "aucun"},
                          {"t_freins.mobilite.commentaire", std::string(2001, 'x')}}),
            "t_freins.mobilite.commentaire", "2000 caractères au plus"},
       }) {
    Error e = rejected(c.fields);
    EXPECT_EQ(e.code, ErrorCode::kInvalid);
    EXPECT_EQ(e.field, c.field) << e.message;
    EXPECT_NE(e.message.find(c.message), std::string::npos) << e.message;
  }
}

TEST(DiagnosticForm, AnAmbiguousJobSearchAsksToChooseAmongTheMatches) {
  RomeLookup lookup = [](std::string_view) {
    return std::vector<RomeJob>{{"F1703", "Maçon / Maçonne"}, {"F1704", "Maçon VRD"}};
  };
  Error e = rejected(with(base(), {{"t_metiers.recherche", "mac"}}), lookup);
  EXPECT_EQ(e.field, "t_metiers.recherche");
  EXPECT_NE(e.message.find("plusieurs métiers correspondent à « mac »"), std::string::npos);
  // The exact title among several is taken.
  auto exact =
      validate_answers(every_type(), with(base(), {{"t_metiers.recherche", "macon vrd"}}), lookup);
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->at("t_metiers").as_array().at(0).as_object().at("code_rome"), "F1704");
}

}  // namespace
}  // namespace parcours::diagnostic
