"""Valid Dutch form submissions for the casusregie gezin scenarios (seed 003)."""

VERWIJZING = {"verwijzer_organisatie": "Huisartsenpraktijk De Linde", "gezin_naam": "Gezin Bakker",
              "verwijzing_reden": "Veel hulpverleners, geen overzicht, zorgen over de kinderen.",
              "regie_ouders": "lukt_beperkt", "gezin_gemotiveerd": True, "kader": "vrijwillig", "doelgroep": "jeugd"}
LEEFGEBIEDEN = {key: "Besproken met moeder en vader." for key in (
    "opvoeding", "ontwikkeling_kinderen", "veiligheid", "gezondheid", "financien", "huisvesting", "werk_dagbesteding",
    "sociaal_netwerk")}
#: On 20 April 2027 Sem is 2 (JGZ) and Lotte 9 (school).
KINDEREN = [{"voornaam": "Sem", "geboortedatum": "2024-11-02"}, {"voornaam": "Lotte", "geboortedatum": "2017-09-15"}]


def professional(soort: str, naam: str = "J. Visser") -> dict:
    return {"soort": soort, "naam": naam, "organisatie": "Organisatie " + soort, "gecontacteerd_op": "2027-04-21"}


def in_kaart(*soorten: str, huisarts: bool = True, fase: int = 2) -> dict:
    return {"kinderen": KINDEREN, "leefgebieden": LEEFGEBIEDEN, "huisarts_regelmatig_contact": huisarts,
            "professionals": [professional(s) for s in soorten], "fase": fase}


PROBLEEMANALYSE = {"probleemanalyse": "Opvoedingsstress door schulden en psychische klachten van moeder.",
                   "analyse_afgestemd_met": ["JGZ", "School"], "veiligheid_inschatting": "zorgen",
                   "veiligheidsrisicos": [{"gezinslid": "Sem", "risico": "Verwaarlozing bij terugval van moeder.",
                                           "ernst": "midden"}],
                   "veiligheid_ingeschat_met": ["JGZ", "Huisarts"],
                   "zelfredzaamheid": "Ouders kunnen de dagstructuur aan, niet de contacten met instanties.",
                   "netwerk": "Oma past twee dagen per week op."}
BETROKKENE = {"naam": "Jet Visser", "relatie": "Jeugdverpleegkundige, JGZ Zeeland", "email": "j.visser@jgz.example.nl",
              "telefoon": "06-12345678", "bereikbaar": ["maandag", "donderdag"]}
WERKPLAN = {"evaluatieplan": {"datum": "2027-04-26", "uitkomsten": "Zorgen over verwaarlozing; geen acute onveiligheid.",
                              "perspectief": "Kinderen groeien veilig thuis op."},
            "evaluatie_frequentie_weken": 6,
            "werkplan": {"naam": "Gezin Bakker", "datum": "2027-04-26", "betrokkenen": [BETROKKENE],
                         "afspraken_afstemming": "1 x per 3 weken telefonisch overleg.",
                         "doelen": [{"doel": "Schulden stabiel", "wie": "Schuldhulp", "wat": "Budgetbeheer regelen"}]}}
TOELEIDING = {"zorg_ingezet": [{"soort": "sociaal_netwerk", "omschrijving": "Oma vangt de kinderen op."},
                               {"soort": "specialistische_zorg", "omschrijving": "GGZ-behandeling moeder."}],
              "beschikkingen_geregeld": True}


def evaluatiemoment(besluit: str = "doorgaan", niet_meegewerkt: list | None = None) -> dict:
    return {"evaluatiemoment_datum": "2027-06-08", "evaluatiemoment_deelnemers": ["Moeder", "JGZ", "School"],
            "zelfredzaamheid_risicos": "Zelfredzaamheid neemt toe.", "voortgang_doelen": "Budgetbeheer loopt.",
            "niet_meegewerkt": niet_meegewerkt or [], "regie_besluit": besluit}


NIET_MEEGEWERKT = [{"naam": "Jeugdhulp Noord", "reden": "geen_informatie", "aangesproken": True}]
VERWIJZER_KENNISNAME = {"verwijzer_kennisname": True, "verwijzer_reactie": "Ik bel de jeugdhulpaanbieder."}


def signaal(besluit: str = "doorgaan") -> dict:
    return {"signaal_van": "School", "signaal_omschrijving": "Lotte komt vaak te laat en zonder ontbijt.",
            "signaal_terugkoppeling": ["mondeling", "schriftelijk"], "ouders_geinformeerd": True,
            "signaal_acties": "Huisbezoek, school houdt aanwezigheid bij.", "regie_besluit": besluit}


def overleg(fase: int, maatregelen: list[str], kader: str = "vrijwillig") -> dict:
    return {"overleg_datum": "2027-06-09", "overleg_advies": "Veiligheid is in het geding; ingrijpen.",
            "fase": fase, "kader": kader, "maatregelen": maatregelen}


MELDING_VEILIG_THUIS = {"meldcode_afweging": "Vermoeden van verwaarlozing; hulp alleen is niet genoeg.",
                        "meldcode_gesprek": "gevoerd", "melding_datum": "2027-06-01",
                        "melding_inhoud": "Structurele verwaarlozing van Sem."}
JEUGDBESCHERMINGSTAFEL = {"jbt_aangemeld_op": "2027-06-10", "jbt_vraag": "Is een maatregel van kinderbescherming nodig?",
                          "jbt_ouders_geinformeerd": True}
RAADSONDERZOEK = {"raad_verzoek_datum": "2027-06-11", "raad_zorgen": "Ontwikkeling Sem stagneert.",
                  "raad_ingezette_hulp": "GGZ moeder, budgetbeheer; onvoldoende effect.",
                  "raad_vraag": "Onderzoek naar een ondertoezichtstelling."}


def afsluiting_overleg(akkoord: bool = True) -> dict:
    return {"afsluiting_overleg_datum": "2027-09-01", "afsluiting_reden": "doelen_bereikt",
            "afsluiting_akkoord": akkoord, "afsluiting_overleg_toelichting": "Gezin voert zelf weer regie."}


VEILIGHEID = {"situatie": "De kinderen zijn veilig; moeder is stabiel onder behandeling.",
              "risicos": "Terugval van moeder bij nieuwe schulden blijft een risico voor Sem.",
              "afspraken": "JGZ volgt Sem; huisarts signaleert terugval."}
AFSLUITING = {"betrokkenen_geinformeerd": [{"naam": "JGZ", "datum": "2027-09-02", "wijze": "telefonisch"},
                                           {"naam": "School", "datum": "2027-09-02", "wijze": "email"}],
              "eindrapport_gezin": {"procesbeschrijving": "Vier maanden casusregie met evaluaties elke 6 weken.",
                                    "onderbouwing": "Doelen bereikt, ouders voeren zelf regie.",
                                    "veiligheid": VEILIGHEID, "doelen": "Schulden stabiel, kinderen naar school."}}
