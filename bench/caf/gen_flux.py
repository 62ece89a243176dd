#!/usr/bin/env python3
"""Writes a schema-valid CAF/MSA "bénéficiaires RSA" flux (vrsb0801) of N households.

  bench/caf/gen_flux.py --households 100000 --out /tmp/flux.xml [--dtref 2026-10-31]
      [--departement 08] [--communes 08105,08409] [--change 0.1] [--seed 1] [--outside 0.01]

Households cycle through every RSA state (0..6) with their suspension (3: SuspensionDroit,
4: SuspensionVersement) and closure (5: FinDroit, 6: FinDroitMoisAnterieur); about half are
couples (DEM + CJT), most applicants are subject to rights and duties, one in 25 has no fixed
address, a share (--outside) lives outside the département (IDEPARTE 099, commune 99999).
Person identifiers (NIR, France Travail id, matricule) depend only on the household's number:
a second file with the same --seed and another --dtref describes the same people, with
--change of the households in another state (a later month). Written in windows-1252.
"""
import argparse
import random

FIRST_F = ["SOPHIE", "HÉLÈNE", "MARIE", "CHLOÉ", "AÏCHA", "LÉA", "NADIA", "CÉLINE", "ZOÉ", "INÈS"]
FIRST_M = ["NOËL", "JÉRÔME", "KARIM", "LUCAS", "FRANÇOIS", "OMAR", "THÉO", "JEAN", "ANDRÉ", "YANIS"]
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND",
        "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFÈVRE", "MICHEL", "GARCIA", "DAVID",
        "BERTRAND", "ROUX", "VINCENT", "FOURNIER", "N'DIAYE", "BENOÎT"]
SUSP = ["01", "02", "03", "05", "06", "09", "19", "44", "70", "AB", "CV"]
POSTCODES = {"08105": "08000", "08409": "08200", "51454": "51100"}
CLOS = ["PCG", "ECH", "MUT", "RGD", "RFD", "RAU"]


def nir(sex, year, month, dep, n):
    # 13 characters: sex, year, month, département (2), commune (3), order (3)
    return f"{sex}{year % 100:02d}{month:02d}{dep[-2:]}{(n // 1000) % 1000:03d}{n % 1000:03d}"


def person(out, i, k, role, rd, dep, salt):
    rnd = random.Random(i * 7 + k)
    sex = 2 if (k == 0) == (i % 2 == 0) else 1
    first = rnd.choice(FIRST_F if sex == 2 else FIRST_M)
    last = rnd.choice(LAST)
    year = 1960 + rnd.randrange(40)
    month = 1 + rnd.randrange(12)
    day = 1 + rnd.randrange(28)
    number = i * 2 + k
    w = out.append
    w("<Personne><Identification>")
    w(f"<QUAL>{'MME' if sex == 2 else 'MR'}</QUAL><NOM>{last}</NOM><NOMNAI>{last}</NOMNAI>")
    w(f"<PRENOM>{first}</PRENOM><NOMCOMNAI>SEDAN</NOMCOMNAI>")
    w(f"<DTNAI>{year}-{month:02d}-{day:02d}</DTNAI><TYPEDTNAI>N</TYPEDTNAI>")
    w(f"<NIR>{nir(sex, year, month, '08', number)}</NIR><TOPVALIEC>1</TOPVALIEC>")
    w(f"<SEXE>{sex}</SEXE></Identification>")
    w("<DossierCAF><TOPRESPDOS>1</TOPRESPDOS><DDRATDOS>2019-01-01</DDRATDOS></DossierCAF>")
    w(f"<Prestations><NATPREST>PFA</NATPREST><ROLEPERS>{role}</ROLEPERS>"
      "<TOPCHAPERS>0</TOPCHAPERS></Prestations>")
    w(f"<Prestations><NATPREST>RSA</NATPREST><ROLEPERS>{role}</ROLEPERS>"
      "<TOPCHAPERS>1</TOPCHAPERS></Prestations>")
    if (i + k) % 3 != 0:
        w(f"<DossierPoleEmploi><IDASSEDIC>{number:07d}{'ABCDEFGHJK'[number % 10]}"
          "</IDASSEDIC></DossierPoleEmploi>")
    w(f"<MontantCalculDroitRSAPersonne><TOPPERSDRODEVORSA>{1 if rd else 0}"
      "</TOPPERSDRODEVORSA></MontantCalculDroitRSAPersonne>")
    w("</Personne>")


def household(out, i, args, state):
    outside = args.outside > 0 and i % int(1 / args.outside) == 7
    dep = "099" if outside else f"{args.departement:0>3}"
    communes = args.communes.split(",")
    commune = "99999" if outside else communes[i % len(communes)]
    w = out.append
    w("<InfosFoyerRSA><IdentificationRSA><Organisme><FONORG>CAF</FONORG><NUMORG>081</NUMORG>")
    w(f"<MATRICULE>{(i + 1000000) % 10000000:07d}00000000</MATRICULE></Organisme>")
    w(f"<Partenaire><TYPEPARTE>CG</TYPEPARTE><IDEPARTE>{dep}</IDEPARTE></Partenaire>")
    w(f"<DemandeRSA><DTDEMRSA>2020-01-15</DTDEMRSA><NUMDEMRSA>{i:011d}</NUMDEMRSA></DemandeRSA>")
    w("</IdentificationRSA>")
    couple = i % 2 == 0
    person(out, i, 0, "DEM", i % 5 != 4, dep, 0)
    if couple:
        person(out, i, 1, "CJT", i % 4 == 0, dep, 0)
    w("<DonneesAdministratives><SituationFamille>")
    w(f"<SITFAM>{'MAR' if couple else 'CEL'}</SITFAM><DDSITFAM>2010-06-01</DDSITFAM>")
    w("</SituationFamille><Adresse><TroncCommunAdresse><RGADR>01</RGADR><DTEMM>2020-01-01</DTEMM>")
    w("<PAYS>FRA</PAYS><TYPEADR>D</TYPEADR><ETATADR>CO</ETATADR></TroncCommunAdresse>")
    w("<AdresseDetailleeFrance><COMPLIDEADR /><COMPLADR />")
    w(f"<NUMVOIE>{1 + i % 120}</NUMVOIE><LIBTYPEVOIE>RUE</LIBTYPEVOIE>")
    w("<NOMVOIE>DE LA RÉPUBLIQUE</NOMVOIE><LIEUDIST />")
    w(f"<NUMCOM>{commune}</NUMCOM><CODEPOS>{POSTCODES.get(commune, commune[:2] + '000')}</CODEPOS><NOMCOM>COMMUNE</NOMCOM>")
    w("</AdresseDetailleeFrance></Adresse></DonneesAdministratives>")
    w(f"<PrestationRSA><SituationDossierRSA><EtatDossierRSA><ETATDOSRSA>{state}</ETATDOSRSA>"
      "</EtatDossierRSA>")
    if state == 1:
        w("<Refus><DTREFURSA>2026-09-15</DTREFURSA><MOTIREFURSA>01</MOTIREFURSA></Refus>")
    if state == 3:
        w(f"<SuspensionDroit><MOTISUSDRORSA>{SUSP[i % len(SUSP)]}</MOTISUSDRORSA>"
          "<DDSUSDRORSA>2026-09-01</DDSUSDRORSA></SuspensionDroit>")
    if state == 4:
        w(f"<SuspensionVersement><MOTISUSVERSRSA>{SUSP[i % len(SUSP)]}</MOTISUSVERSRSA>"
          "<DDSUSVERSRSA>2026-09-01</DDSUSVERSRSA></SuspensionVersement>")
    if state == 5:
        w(f"<FinDroit><MOTICLORSA>{CLOS[i % len(CLOS)]}</MOTICLORSA>"
          "<DTCLORSA>2026-09-30</DTCLORSA></FinDroit>")
    if state == 6:
        w(f"<FinDroitMoisAnterieur><MOTICLORSA>{CLOS[i % len(CLOS)]}</MOTICLORSA>"
          "<DTCLORSA>2026-08-31</DTCLORSA></FinDroitMoisAnterieur>")
    w("</SituationDossierRSA><DetailDroitRSA><TroncCommunDroitRSA>")
    w(f"<TOPSANSDOMFIXE>{1 if i % 25 == 3 else 0}</TOPSANSDOMFIXE><ORIDEMRSA>DEM</ORIDEMRSA>")
    w("</TroncCommunDroitRSA></DetailDroitRSA></PrestationRSA></InfosFoyerRSA>\n")


# Most households hold an open right; every state appears.
STATES = [2, 2, 2, 2, 2, 2, 2, 2, 0, 4, 3, 5, 6, 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=1000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dtref", default="2026-10-31")
    ap.add_argument("--created", default=None, help="DTCREAFLUX, default: dtref")
    ap.add_argument("--departement", default="08")
    ap.add_argument("--communes", default="08105,08409")
    ap.add_argument("--change", type=float, default=0.0,
                    help="share of households whose state differs (a later file)")
    ap.add_argument("--outside", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    with open(args.out, "w", encoding="cp1252", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="windows-1252"?>\n<Racine>\n')
        f.write("<IdentificationFlux><APPLIEME>CRI</APPLIEME>"
                "<NUMVERSIONAPPLIEME>6200</NUMVERSIONAPPLIEME><TYPEFLUX>M</TYPEFLUX>"
                f"<NATFLUX>D</NATFLUX><DTCREAFLUX>{args.created or args.dtref}</DTCREAFLUX>"
                f"<HEUCREAFLUX>01:18:36.0000</HEUCREAFLUX><DTREF>{args.dtref}</DTREF>"
                "</IdentificationFlux>\n")
        for i in range(args.households):
            state = STATES[i % len(STATES)]
            if args.change > 0 and rnd.random() < args.change:
                state = 4 if state == 2 else 2
            out = []
            household(out, i, args, state)
            f.write("".join(out))
        f.write(f"<TransmissionFlux><NBTOTDOSRSATRANSM>{args.households:08d}</NBTOTDOSRSATRANSM>"
                "<NBTOTDOSRSATRANSMANO>00000000</NBTOTDOSRSATRANSMANO></TransmissionFlux>\n")
        f.write("</Racine>\n")


if __name__ == "__main__":
    main()
