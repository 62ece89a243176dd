// Word lists for the bench generator: French first names and surnames as they appear in the
// files of a département (accents, compound names, particles, apostrophes), jobs, streets and
// the notes professionals write. Weights are rough frequencies, not statistics.
#pragma once

#include <array>
#include <string_view>

namespace parcours::bench {

struct Weighted {
  std::string_view text;
  int weight;
};

inline constexpr Weighted kFemaleFirstNames[] = {
    {"Marie", 30},       {"Nathalie", 20},    {"Isabelle", 18},  {"Sylvie", 16},
    {"Catherine", 14},   {"Sandrine", 18},    {"Céline", 20},    {"Stéphanie", 20},
    {"Aurélie", 20},     {"Émilie", 18},      {"Julie", 18},     {"Élodie", 16},
    {"Mélanie", 16},     {"Audrey", 14},      {"Laëtitia", 12},  {"Séverine", 12},
    {"Virginie", 12},    {"Hélène", 10},      {"Véronique", 10}, {"Valérie", 12},
    {"Christelle", 10},  {"Jessica", 12},     {"Amandine", 12},  {"Laura", 14},
    {"Manon", 14},       {"Camille", 14},     {"Léa", 16},       {"Chloé", 14},
    {"Inès", 12},        {"Sarah", 14},       {"Océane", 10},    {"Anaïs", 10},
    {"Maëlle", 6},       {"Noémie", 8},       {"Zoé", 6},        {"Clémence", 6},
    {"Aïcha", 6},        {"Fatoumata", 5},    {"Fatima", 8},     {"Khadija", 5},
    {"Yasmine", 6},      {"Nadège", 5},       {"Ginette", 2},    {"Françoise", 6},
    {"Anne-Sophie", 6},  {"Marie-Hélène", 5}, {"Anne-Laure", 5}, {"Marie-Thérèse", 2},
    {"Marie-Claude", 2}, {"Rose-Marie", 2},   {"Bérénice", 3},   {"Gaëlle", 5},
    {"Joëlle", 4},       {"Maïté", 2},        {"Héloïse", 3},    {"Agnès", 5},
    {"Ophélie", 5},      {"Perrine", 4},      {"Solène", 4},     {"Coralie", 6},
};

inline constexpr Weighted kMaleFirstNames[] = {
    {"Jean", 24},         {"Philippe", 14},   {"Michel", 12},       {"Alain", 10},
    {"Patrick", 12},      {"Nicolas", 20},    {"Christophe", 18},   {"Pierre", 16},
    {"Sébastien", 20},    {"Stéphane", 16},   {"Frédéric", 14},     {"Jérôme", 14},
    {"Julien", 18},       {"Mickaël", 12},    {"Grégory", 12},      {"Cédric", 12},
    {"Anthony", 14},      {"Kévin", 14},      {"Jérémy", 12},       {"Rémi", 8},
    {"Loïc", 8},          {"Gaël", 5},        {"Maël", 5},          {"Noé", 5},
    {"Théo", 10},         {"Hugo", 10},       {"Lucas", 12},        {"Mathéo", 6},
    {"Enzo", 8},          {"Dylan", 8},       {"Mohamed", 10},      {"Karim", 6},
    {"Mehdi", 6},         {"Youssef", 5},     {"Mamadou", 5},       {"Moussa", 4},
    {"Jean-François", 8}, {"Jean-Pierre", 8}, {"Jean-Marc", 6},     {"Jean-Luc", 5},
    {"Pierre-Yves", 3},   {"Paul-Henri", 1},  {"Jean-Baptiste", 5}, {"Benoît", 6},
    {"François", 8},      {"Hervé", 6},       {"Gérard", 4},        {"René", 3},
    {"Joël", 4},          {"Aurélien", 8},    {"Fabrice", 8},       {"Ludovic", 8},
    {"Thibault", 5},      {"Clément", 8},     {"Valentin", 8},      {"Bastien", 6},
};

inline constexpr Weighted kSurnames[] = {
    {"Martin", 60},    {"Bernard", 30},   {"Thomas", 28},     {"Petit", 26},     {"Robert", 24},
    {"Richard", 24},   {"Durand", 22},    {"Dubois", 22},     {"Moreau", 20},    {"Laurent", 20},
    {"Simon", 20},     {"Michel", 20},    {"Lefèvre", 18},    {"Leroy", 18},     {"Roux", 16},
    {"David", 16},     {"Bertrand", 16},  {"Morel", 16},      {"Fournier", 16},  {"Girard", 15},
    {"Bonnet", 15},    {"Dupont", 15},    {"Lambert", 15},    {"Fontaine", 14},  {"Rousseau", 14},
    {"Vincent", 14},   {"Muller", 14},    {"Lefebvre", 14},   {"Faure", 13},     {"André", 13},
    {"Mercier", 13},   {"Blanc", 13},     {"Guérin", 12},     {"Boyer", 12},     {"Garnier", 12},
    {"Chevalier", 12}, {"François", 12},  {"Legrand", 12},    {"Gauthier", 12},  {"Garcia", 12},
    {"Perrin", 11},    {"Robin", 11},     {"Clément", 11},    {"Morin", 11},     {"Nicolas", 11},
    {"Henry", 11},     {"Roussel", 10},   {"Mathieu", 10},    {"Gautier", 10},   {"Masson", 10},
    {"Marchand", 10},  {"Duval", 10},     {"Denis", 10},      {"Dumont", 10},    {"Marie", 10},
    {"Lemaire", 10},   {"Noël", 9},       {"Meyer", 9},       {"Dufour", 9},     {"Meunier", 9},
    {"Brun", 9},       {"Blanchard", 9},  {"Giraud", 9},      {"Joly", 9},       {"Rivière", 8},
    {"Lucas", 8},      {"Brunet", 8},     {"Gaillard", 8},    {"Barbier", 8},    {"Arnaud", 8},
    {"Martinez", 8},   {"Gérard", 8},     {"Roche", 8},       {"Renard", 8},     {"Schmitt", 8},
    {"Roy", 8},        {"Leroux", 8},     {"Colin", 8},       {"Vidal", 7},      {"Caron", 7},
    {"Picard", 7},     {"Roger", 7},      {"Fabre", 7},       {"Aubert", 7},     {"Lemoine", 7},
    {"Renaud", 7},     {"Dumas", 7},      {"Lacroix", 7},     {"Olivier", 7},    {"Philippe", 7},
    {"Bourgeois", 7},  {"Pierre", 7},     {"Benoît", 6},      {"Rey", 6},        {"Leclerc", 6},
    {"Payet", 6},      {"Rolland", 6},    {"Leclercq", 6},    {"Guillaume", 6},  {"Lecomte", 6},
    {"Lopez", 6},      {"Jean", 6},       {"Dupuy", 6},       {"Guillot", 6},    {"Hubert", 6},
    {"Berger", 6},     {"Carpentier", 6}, {"Sanchez", 6},     {"Dupuis", 6},     {"Moulin", 6},
    {"Louis", 6},      {"Deschamps", 6},  {"Huet", 5},        {"Vasseur", 5},    {"Perez", 5},
    {"Boucher", 5},    {"Fleury", 5},     {"Royer", 5},       {"Klein", 5},      {"Jacquet", 5},
    {"Adam", 5},       {"Paris", 5},      {"Poirier", 5},     {"Marty", 5},      {"Aubry", 5},
    {"Guyot", 5},      {"Carré", 5},      {"Charles", 5},     {"Renault", 5},    {"Charpentier", 5},
    {"Ménard", 5},     {"Maillard", 5},   {"Baron", 5},       {"Bertin", 5},     {"Bailly", 5},
    {"Hervé", 5},      {"Schneider", 5},  {"Fernandez", 5},   {"Le Gall", 5},    {"Collet", 5},
    {"Léger", 5},      {"Bouvier", 5},    {"Julien", 5},      {"Prévost", 5},    {"Millet", 5},
    {"Perrot", 5},     {"Daniel", 5},     {"Le Roux", 5},     {"Cousin", 4},     {"Germain", 4},
    {"Breton", 4},     {"Besson", 4},     {"Langlois", 4},    {"Rémy", 4},       {"Le Goff", 4},
    {"Pelletier", 4},  {"Lévêque", 4},    {"Perrier", 4},     {"Leblanc", 4},    {"Barré", 4},
    {"Lebrun", 4},     {"Marchal", 4},    {"Weber", 4},       {"Mallet", 4},     {"Hamon", 4},
    {"Boulanger", 4},  {"Jacob", 4},      {"Monnier", 4},     {"Michaud", 4},    {"Rodriguez", 4},
    {"Guichard", 4},   {"Gillet", 4},     {"Étienne", 4},     {"Grondin", 4},    {"Poulain", 4},
    {"Tessier", 4},    {"Chevallier", 4}, {"Collin", 4},      {"Chauvin", 4},    {"Da Silva", 4},
    {"Bouchet", 4},    {"Gay", 4},        {"Lemaître", 4},    {"Bénard", 4},     {"Maréchal", 4},
    {"Humbert", 4},    {"Reynaud", 4},    {"Antoine", 4},     {"Hoarau", 3},     {"Perret", 3},
    {"Barthélémy", 3}, {"Cordier", 3},    {"Pichon", 3},      {"Lejeune", 3},    {"Gilbert", 3},
    {"Lamy", 3},       {"Delaunay", 3},   {"Pasquier", 3},    {"Carlier", 3},    {"Laporte", 3},
    {"N'Diaye", 3},    {"Diallo", 3},     {"Traoré", 3},      {"Cissé", 2},      {"Benali", 2},
    {"Haddad", 2},     {"Boussaïd", 2},   {"Nguyen", 3},      {"Dos Santos", 3}, {"Ferreira", 3},
    {"Pereira", 3},    {"D'Almeida", 1},  {"De Oliveira", 2}, {"Le Bihan", 2},   {"Kerbrat", 1},
    {"Lœuillet", 1},   {"Bœuf", 1},       {"Thiébaut", 2},    {"Noirot", 2},     {"Hénon", 1},
    {"Déprez", 2},     {"Wauquier", 1},   {"Delattre", 2},    {"Vanhoutte", 1},  {"Marchetti", 1},
    {"Ottaviani", 1},  {"Santoni", 1},    {"Giacomoni", 1},
};

inline constexpr std::string_view kJobs[] = {
    "Agent d’entretien",
    "Aide à domicile",
    "Employée de libre-service",
    "Caissière",
    "Préparateur de commandes",
    "Cariste",
    "Manœuvre du bâtiment",
    "Maçon",
    "Ouvrier agricole",
    "Agent de sécurité",
    "Serveur",
    "Commis de cuisine",
    "Plongeur en restauration",
    "Aide-soignante",
    "Agent de service hospitalier",
    "Assistante maternelle",
    "Chauffeur-livreur",
    "Opérateur de production",
    "Soudeur",
    "Vendeuse en boulangerie",
    "Employé administratif",
    "Hôtesse d’accueil",
    "Ouvrier paysagiste",
    "Métallier",
    "Agent de propreté urbaine",
    "Conducteur de bus",
    "Animatrice périscolaire",
    "Couvreur",
};

inline constexpr std::string_view kStreets[] = {
    "rue Jean Jaurès",      "rue Victor Hugo",      "avenue de la République",
    "place de la Mairie",   "rue de l’Église",      "rue du Général de Gaulle",
    "rue Pasteur",          "impasse des Tilleuls", "allée des Peupliers",
    "rue des Écoles",       "chemin du Moulin",     "rue de la Gare",
    "boulevard Gambetta",   "rue Émile Zola",       "rue Léon Blum",
    "cité des Forges",      "rue Arthur Rimbaud",   "rue de la Meuse",
    "quai de la Chiers",    "rue Saint-Rémi",       "résidence Les Hautes-Rives",
    "rue Aristide Briand",  "rue du 8 Mai 1945",    "rue Jules Ferry",
    "avenue Louis Pasteur", "rue des Fontaines",    "rue du Château",
    "rue Danton",           "rue Pierre Curie",     "rue de Verdun",
};

inline constexpr std::string_view kComplements[] = {
    "Bâtiment B",    "Appartement 12", "Escalier 3", "Résidence Les Acacias",
    "Chez Mme Roux", "Logement 4",     "2e étage",   "Porte gauche",
};

inline constexpr std::string_view kLanguages[] = {
    "français",
    "français",
    "français",
    "français",
    "français",
    "français",
    "français, arabe",
    "français, anglais",
    "français, portugais",
    "français, turc",
    "arabe",
    "français, wolof",
    "français, roumain",
    "dari",
    "tigrinya",
};

// What professionals write in the carnet de bord.
inline constexpr std::string_view kNotes[] = {
    "Premier entretien : la personne souhaite travailler dans l’aide à domicile.",
    "Point sur la mobilité : pas de permis, le bus ne passe que deux fois par jour.",
    "Dossier de demande d’aide au permis de conduire envoyé.",
    "Rendez-vous honoré. Recherche d’emploi active, trois candidatures envoyées.",
    "Absente au rendez-vous, a prévenu le matin même (enfant malade).",
    "Orientée vers l’atelier CV de la Mission locale.",
    "Inscription à la formation « Agent de propreté » validée, début le mois prochain.",
    "Difficultés de logement : demande de logement social déposée.",
    "Entretien tripartite avec l’employeur de la SIAE, le contrat est renouvelé.",
    "Souhaite faire une immersion en boulangerie, contact pris avec l’entreprise.",
    "Problème de garde d’enfant réglé : place en crèche obtenue.",
    "Bilan de l’immersion positif, l’employeur envisage une embauche.",
    "Signature du contrat d’engagements réciproques.",
    "Demande de RQTH en cours auprès de la MDPH.",
    "Accompagnement budgétaire proposé, accepté par la personne.",
    "A retrouvé un emploi en CDD de 6 mois comme préparateur de commandes.",
    "Aide financière pour l’achat d’une tenue de travail accordée.",
    "La personne a déménagé : nouvelle adresse à confirmer.",
    "Relance par téléphone, pas de réponse. Courrier envoyé.",
    "Atelier numérique : création de l’espace France Travail faite ensemble.",
    "Point d’étape : objectif mobilité atteint, passage au code prévu.",
    "Entrée en formation qualifiante CAP cuisine.",
    "Santé : suivi médical en cours, reprise d’activité envisagée progressivement.",
    "Échange avec l’assistante sociale du secteur sur la situation du foyer.",
};

// What a person writes in the public form.
inline constexpr std::string_view kNeeds[] = {
    "Je cherche du travail près de chez moi, je n’ai pas de voiture.",
    "Je voudrais une formation pour changer de métier.",
    "J’ai besoin d’aide pour mes démarches, je ne sais pas par où commencer.",
    "Je touche le RSA depuis peu et je veux retrouver un emploi.",
    "Je dois faire garder mes enfants pour pouvoir travailler.",
};

}  // namespace parcours::bench
