#!/usr/bin/env python3
"""Writes a person file (CSV) of N rows as a département's software exports it: `;`, windows-1252
(or UTF-8 with --utf8), CRLF, quoted addresses, dates in mixed French forms, a valid NIR for
most rows, an internal id for every row, Ardennes communes (real INSEE codes and postcodes).
Usage: gen.py N OUT.csv [--utf8]"""
import random
import sys

FIRST_F = ["Hélène", "Françoise", "Zoé", "Léa", "Chloé", "Inès", "Noémie", "Agnès", "Maëlle", "Anaïs"]
FIRST_M = ["Noël", "Jérôme", "Loïc", "Stéphane", "Raphaël", "Grégoire", "Théo", "Benoît", "Joël", "Cédric"]
NAMES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY",
         "MOREAU", "SIMON", "LAURENT", "LEFÈVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX",
         "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRÉ", "LEFEBVRE", "MERCIER", "DUPONT"]
COMMUNES = [("Charleville-Mézières", "08000", "105"), ("Sedan", "08200", "409"),
            ("Rethel", "08300", "362"), ("Revin", "08500", "363")]
STREETS = ["rue de la République", "avenue Jean-Jaurès", "place Ducale", "rue du Moulin",
           "chemin des Écoliers", "rue Pasteur"]


def nir(sex, year, month, commune, order):
    n13 = f"{sex}{year % 100:02d}{month:02d}08{commune}{order:03d}"
    return n13 + f"{97 - int(n13) % 97:02d}"


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    encoding = "utf-8" if "--utf8" in sys.argv else "cp1252"
    rnd = random.Random(2026)
    header = ["Identifiant", "NOM", "Prénom", "Date de naissance", "Sexe", "NIR", "N° allocataire",
              "Adresse", "Code postal", "Commune", "Téléphone", "Statut RSA", "Soumis droits et devoirs"]
    with open(out, "w", encoding=encoding, newline="") as f:
        f.write(";".join(header) + "\r\n")
        for i in range(count):
            sex = rnd.choice([1, 2])
            first = rnd.choice(FIRST_M if sex == 1 else FIRST_F)
            year = rnd.randint(1960, 2004)
            month = rnd.randint(1, 12)
            day = rnd.randint(1, 28)
            form = i % 3
            date = (f"{day:02d}/{month:02d}/{year}" if form == 0 else
                    f"{year}-{month:02d}-{day:02d}" if form == 1 else f"{day:02d}-{month:02d}-{year}")
            commune, postcode, code = COMMUNES[i % len(COMMUNES)]
            the_nir = nir(sex, year, month, code, i % 1000) if i % 5 else ""
            caf = f"{1000000 + i:07d}" if i % 2 else ""
            address = f"\"{rnd.randint(1, 120)} {rnd.choice(STREETS)}; bât. {chr(65 + i % 6)}\""
            phone = f"06 {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)}"
            row = [f"D{i:08d}", rnd.choice(NAMES), first, date, "M" if sex == 1 else "F", the_nir,
                   caf, address, postcode, commune, phone, rnd.choice(["2", "3", "4"]),
                   rnd.choice(["oui", "non"])]
            f.write(";".join(row) + "\r\n")


main()
