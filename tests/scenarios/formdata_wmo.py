"""Valid Dutch form submissions for the Wmo traject scenarios (seed 004)."""

VRAAGVERHELDERING = {"inwoner": {"naam": "Ria de Groot", "geboortedatum": "1961-02-14", "gemeente": "nieuwegein"},
                     "hulpvraag": "Ik verlies het overzicht en kom de deur niet meer uit.",
                     "situatie_nu": "Woont alleen sinds het overlijden van haar man.",
                     "thuissituatie": "Dochter woont ver weg en belt wekelijks.",
                     "verleden": {"trauma": False, "eerdere_depressie": True,
                                  "toelichting": "Depressie in 2015; kan terugkomen bij verlies."},
                     "dementie": False, "nah": False}
VOORLIGGEND_VOLSTAAT = {"voorliggend_ingezet": ["vrijwilliger", "welzijn"],
                        "informele_ondersteuning": "Buurvrouw doet boodschappen.", "voorliggend_volstaat": "volstaat",
                        "voorliggend_toelichting": "Maatje en koffieochtend zijn genoeg."}
VOORLIGGEND_AANVULLEND = {**VOORLIGGEND_VOLSTAAT, "voorliggend_volstaat": "maatwerk_nodig",
                          "voorliggend_toelichting": "Maatje helpt, maar structuur in de week ontbreekt."}


def gebied(soort: str = "behouden") -> dict:
    return {"type": soort, "doel": "Zelfstandig blijven wonen."}


def omstandigheid(tijdelijk: bool = False, tot: str | None = None) -> dict:
    found = {"omschrijving": "Rouwverwerking; dochter kan weinig bijspringen.", "tijdelijk": tijdelijk}
    if tot:
        found["tijdelijk_tot"] = tot
    return found


def behoefte(gebieden: dict, omstandigheden: list | None = None, duidelijk: bool = True) -> dict:
    return {"resultaatgebieden": gebieden, "verzwarende_omstandigheden_lijst": omstandigheden or [],
            "resultaatgebieden_duidelijk": duidelijk, "inwoner_akkoord": True}


TWEE_BEHOUDEN = {"zelfzorg_gezondheid": gebied(), "daginvulling_zingeving": gebied()}


def herindicatie(reden: str, gebieden: dict, omstandigheden: list | None = None, duidelijk: bool = True) -> dict:
    return {"herindicatie_reden": reden, **behoefte(gebieden, omstandigheden, duidelijk)}


def beschikking(ingangsdatum: str = "2027-04-20") -> dict:
    return {"beschikking_datum": "2027-04-20", "ingangsdatum": ingangsdatum, "aanbieder_naam": "Welzijn Lekstroom",
            "beschikking_toelichting": "Begeleiding individueel."}


PLAN_AKKOORD = {"plan_aanpak": "Wekelijks huisbezoek, weekstructuur opbouwen.",
                "plan_voorliggend_informeel": "Maatje blijft; koffieochtend buurthuis.",
                "inhoudelijk_regisseur": "Karin (begeleider)", "aanbieder_akkoord": True}
PLAN_ONEENS = {**PLAN_AKKOORD, "aanbieder_akkoord": False,
               "aanbieder_bezwaar": "Ontwikkelen is haalbaar: de inwoner kan weer leren plannen."}


def onenigheid(uitkomst: str) -> dict:
    return {"onenigheid_datum": "2027-04-27", "onenigheid_deelnemers": ["sociaal_team", "aanbieder", "inwoner"],
            "onenigheid_uitkomst": uitkomst, "onenigheid_afspraken": "Over een half jaar samen evalueren."}


VOORTGANG = {"voortgang_per_resultaatgebied": "Weekstructuur staat; inwoner gaat naar de koffieochtend.",
             "aanbieder_advies": "doorgaan", "voortgang_met_inwoner": True}


def contact(besluit: str) -> dict:
    return {"contact_datum": "2029-04-23", "contact_met": ["inwoner", "aanbieder"],
            "contact_verslag": "Doelen besproken.", "wmo_besluit": besluit}


def einde(besluit: str) -> dict:
    return {"einde_evaluatie": "De doelen zijn grotendeels behaald.", "wmo_besluit": besluit}


WLZ_CIZ = {"wlz_besluit": "ciz_aanvraag", "wlz_besproken_met_inwoner": True, "wlz_toelichting": "Aanvraag met dochter."}
WLZ_OVERBRUGGING = {**WLZ_CIZ, "wlz_besluit": "wmo_overbrugging", "wlz_toelichting": "Zo lang mogelijk thuis."}
AFSLUITING = {"afsluiting_datum": "2027-10-20", "afsluiting_reden": "doelen_bereikt",
              "afsluiting_toelichting": "Verder met het maatje.", "inwoner_geinformeerd": True}
