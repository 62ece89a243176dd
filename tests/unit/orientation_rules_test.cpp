#include <gtest/gtest.h>

#include <string>

#include "features/orientation/rules.h"

namespace parcours::orientation {
namespace {

namespace json = boost::json;

json::object answers(const char* text) { return json::parse(text).as_object(); }

const RuleSet& national() { return national_rules(); }

TEST(OrientationRules, NationalDefaultFileIsValid) {
  auto parsed = parse_rules(national_rules_text());
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_GE(parsed->rules.size(), 10u);
  EXPECT_EQ(parsed->default_route, "pro");
}

TEST(OrientationRules, NoDiagnosticAndNothingInTheSituationGivesNoSuggestion) {
  auto s = evaluate(national(), {}, std::nullopt);
  EXPECT_FALSE(s.route);
  EXPECT_FALSE(s.has_diagnostic);
  EXPECT_TRUE(s.reasons.empty());
}

TEST(OrientationRules, NoDiagnosticButNoFixedAddressSuggestsSocial) {
  Situation situation{.no_fixed_address = true};
  auto s = evaluate(national(), situation, std::nullopt);
  ASSERT_TRUE(s.route);
  EXPECT_EQ(*s.route, "social");
  ASSERT_EQ(s.reasons.size(), 1u);
  EXPECT_NE(s.reasons[0].find("pas de domicile fixe"), std::string::npos);
}

TEST(OrientationRules, DiagnosticWithoutSignalGivesTheDefault) {
  auto s = evaluate(national(), {}, answers(R"({"dernier_emploi": "Caissière"})"));
  ASSERT_TRUE(s.route);
  EXPECT_EQ(*s.route, "pro");
  ASSERT_EQ(s.reasons.size(), 1u);
  EXPECT_NE(s.reasons[0].find("Aucun frein majeur"), std::string::npos);
}

// Each rule of the national file, alone, chooses its own route and gives its own reason.
struct Case {
  const char* rule;
  Situation situation;
  const char* answers;
  const char* route;
};

TEST(OrientationRules, EachNationalRuleMatchesAlone) {
  const Case cases[] = {
      {"sans_domicile_fixe", {.no_fixed_address = true}, nullptr, "social"},
      {"logement_majeur",
       {},
       R"({"freins": {"logement-hebergement": {"niveau": "majeur"}}})",
       "social"},
      {"sante_majeur", {}, R"({"freins": {"sante": {"niveau": "majeur"}}})", "social"},
      {"aah", {.allowances = "are aah"}, nullptr, "social"},
      {"financier_majeur",
       {},
       R"({"freins": {"difficultes-financieres": {"niveau": "majeur"}}})",
       "socio_pro"},
      {"administratif_majeur",
       {},
       R"({"freins": {"difficultes-administratives-ou-juridiques": {"niveau": "majeur"}}})",
       "socio_pro"},
      {"famille_majeur", {}, R"({"freins": {"famille": {"niveau": "majeur"}}})", "socio_pro"},
      {"mobilite_majeur", {}, R"({"freins": {"mobilite": {"niveau": "majeur"}}})", "socio_pro"},
      {"savoirs_de_base",
       {},
       R"({"freins": {"lecture-ecriture-calcul": {"niveau": "majeur"}}})",
       "socio_pro"},
      {"longue_duree", {}, R"({"duree_sans_emploi": "jamais"})", "socio_pro"},
      {"emploi_recent", {}, R"({"duree_sans_emploi": "6_12_mois"})", "pro"},
      {"disponible", {}, R"({"disponibilite": "immediate"})", "pro"},
      {"projet_metier",
       {},
       R"({"projets_metiers": [{"code_rome": "K2204", "appellation": "Agent d'entretien"}]})",
       "pro"},
      {"rqth", {.rqth = true}, nullptr, "pro"},
  };
  ASSERT_EQ(std::size(cases), national().rules.size()) << "a rule of the file has no test";
  for (const auto& c : cases) {
    std::optional<json::object> a;
    if (c.answers) a = answers(c.answers);
    auto s = evaluate(national(), c.situation, a);
    ASSERT_EQ(s.matched, std::vector<std::string>{c.rule}) << c.rule;
    ASSERT_TRUE(s.route) << c.rule;
    EXPECT_EQ(*s.route, c.route) << c.rule;
    const Rule* rule = nullptr;
    for (const auto& r : national().rules) {
      if (r.id == c.rule) rule = &r;
    }
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(s.reasons, std::vector<std::string>{rule->reason}) << c.rule;
  }
}

TEST(OrientationRules, ASubThresholdLevelDoesNotMatch) {
  auto s =
      evaluate(national(), {}, answers(R"({"freins": {"sante": {"niveau": "a_surveiller"}}})"));
  EXPECT_TRUE(s.matched.empty());
  EXPECT_EQ(*s.route, "pro");  // the default
}

TEST(OrientationRules, HighestScoreWinsAndOtherSignalsAreListed) {
  // pro: emploi_recent (2) + disponible (1) = 3; socio_pro: mobilite (1).
  auto s = evaluate(national(), {},
                    answers(R"({"duree_sans_emploi": "moins_6_mois", "disponibilite": "immediate",
                               "freins": {"mobilite": {"niveau": "majeur"}}})"));
  EXPECT_EQ(*s.route, "pro");
  EXPECT_FALSE(s.tie);
  EXPECT_EQ(s.reasons.size(), 2u);
  ASSERT_EQ(s.other_reasons.size(), 1u);
  EXPECT_TRUE(s.other_reasons[0].starts_with("Parcours Socio-professionnel : "));
  EXPECT_EQ(s.scores["pro"], 3);
  EXPECT_EQ(s.scores["socio_pro"], 1);
}

TEST(OrientationRules, TieGoesToTheMostSupportiveRoute) {
  // pro: emploi_recent (2); social: logement (2) → tie, social wins.
  auto s = evaluate(national(), {}, answers(R"({"duree_sans_emploi": "moins_6_mois",
                               "freins": {"logement-hebergement": {"niveau": "majeur"}}})"));
  EXPECT_TRUE(s.tie);
  EXPECT_EQ(*s.route, "social");
  EXPECT_NE(s.reasons.back().find("égalité"), std::string::npos);
  // pro (1: disponible) against socio_pro (1: famille) → socio_pro.
  s = evaluate(national(), {}, answers(R"({"disponibilite": "immediate",
                          "freins": {"famille": {"niveau": "majeur"}}})"));
  EXPECT_TRUE(s.tie);
  EXPECT_EQ(*s.route, "socio_pro");
}

TEST(OrientationRules, UnknownAnswersMatchNothingAndAreReported) {
  auto s = evaluate(national(), {},
                    answers(R"({"duree_sans_emploi": "depuis_toujours", "vehicule": "oui",
                               "freins": {"sante": {"niveau": "enorme"}}})"));
  EXPECT_TRUE(s.matched.empty());
  EXPECT_EQ(*s.route, "pro");  // the default: a diagnostic exists
  EXPECT_EQ(s.ignored, (std::vector<std::string>{"duree_sans_emploi", "vehicule", "freins.sante"}));
}

TEST(OrientationRules, TerritoryQuestionsAndOperators) {
  auto rules = parse_rules(R"({"regles": [
    {"id": "quartier", "parcours": "socio_pro", "si": [{"champ": "diagnostic.t_quartier_prioritaire", "egal": true}],
     "raison": "La personne habite un quartier prioritaire."},
    {"id": "permis", "parcours": "pro", "poids": 2, "si": [{"champ": "diagnostic.permis", "contient": "B"},
      {"champ": "diagnostic.vehicule", "egal": true}], "raison": "Permis B et véhicule : mobile pour un emploi."},
    {"id": "rsa", "parcours": "social", "si": [{"champ": "situation.statut_rsa", "parmi": ["2", "3"]},
      {"champ": "situation.droits_et_devoirs", "egal": true}], "raison": "Allocataire du RSA soumis aux droits et devoirs."},
    {"id": "sans_projet", "parcours": "socio_pro", "si": [{"champ": "diagnostic.projets_metiers", "renseigne": false}],
     "raison": "Aucun projet métier n'est encore identifié."}
  ]})");
  ASSERT_TRUE(rules) << rules.error().message;
  auto s =
      evaluate(*rules, {.rights_and_duties = true, .rsa_status = "2"},
               answers(R"({"t_quartier_prioritaire": true, "permis": ["AM", "B"], "vehicule": true,
                               "projets_metiers": []})"));
  EXPECT_EQ(s.matched, (std::vector<std::string>{"quartier", "permis", "rsa", "sans_projet"}));
  EXPECT_EQ(s.scores["pro"], 2);
  EXPECT_EQ(s.scores["socio_pro"], 2);
  EXPECT_EQ(*s.route, "socio_pro");  // tie with pro, more supportive; social has 1
  // Without a default and without any match: no suggestion even with a diagnostic.
  s = evaluate(*rules, {}, answers(R"({"projets_metiers": [{"code_rome": "A1203"}]})"));
  EXPECT_FALSE(s.route);
}

TEST(OrientationRules, InvalidRuleSetsGetFrenchMessagesNamingTheRule) {
  struct Bad {
    const char* text;
    const char* message_part;
  };
  const Bad bad[] = {
      {"pas du json", "JSON valide"},
      {R"({"rules": []})", "liste « regles »"},
      {R"({"regles": [{"parcours": "pro", "si": [{"champ": "situation.rqth", "egal": true}], "raison": "Une raison assez longue."}]})",
       "Règle 1 : l’identifiant"},
      {R"({"regles": [{"id": "a", "parcours": "emploi", "si": [{"champ": "situation.rqth", "egal": true}], "raison": "Une raison assez longue."}]})",
       "parcours doit être pro, socio_pro ou social"},
      {R"({"regles": [{"id": "a", "parcours": "pro", "poids": 0, "si": [{"champ": "situation.rqth", "egal": true}], "raison": "Une raison assez longue."}]})",
       "poids"},
      {R"({"regles": [{"id": "a", "parcours": "pro", "si": [{"champ": "situation.rqth", "egal": true}], "raison": "court"}]})",
       "raison"},
      {R"({"regles": [{"id": "a", "parcours": "pro", "si": [], "raison": "Une raison assez longue."}]})",
       "au moins une condition"},
      {R"({"regles": [{"id": "a", "parcours": "pro", "si": [{"champ": "situation.age", "egal": 3}], "raison": "Une raison assez longue."}]})",
       "« situation.age » est inconnu"},
      {R"({"regles": [{"id": "a", "parcours": "pro", "si": [{"champ": "diagnostic.freins.sante", "egal": "grave"}], "raison": "Une raison assez longue."}]})",
       "« grave » n’est pas une valeur possible"},
      {R"({"regles": [{"id": "a", "parcours": "pro", "si": [{"champ": "situation.rqth", "egal": "oui"}], "raison": "Une raison assez longue."}]})",
       "true ou false"},
      {R"({"regles": [{"id": "a", "parcours": "pro", "si": [{"champ": "situation.rqth", "egal": true, "parmi": [true]}], "raison": "Une raison assez longue."}]})",
       "un seul test"},
      {R"({"regles": [{"id": "a", "parcours": "pro", "si": [{"champ": "situation.rqth", "egal": true}], "raison": "Une raison assez longue."},
                      {"id": "a", "parcours": "pro", "si": [{"champ": "situation.rqth", "egal": true}], "raison": "Une raison assez longue."}]})",
       "Règle 2 (« a ») : cet identifiant est déjà utilisé"},
      {R"({"regles": [], "defaut": {"parcours": "rien", "raison": "Une raison assez longue."}})",
       "Défaut"},
  };
  for (const auto& b : bad) {
    auto r = parse_rules(b.text);
    ASSERT_FALSE(r) << b.text;
    EXPECT_EQ(r.error().field, "regles");
    EXPECT_NE(r.error().message.find(b.message_part), std::string::npos)
        << r.error().message << " / expected: " << b.message_part;
  }
}

}  // namespace
}  // namespace parcours::orientation
