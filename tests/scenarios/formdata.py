"""Valid Dutch form submissions for every user task the scenarios complete (one place, no copies)."""

PERSOON = {"naam": "Piet Pietersen", "bsn": "123456782", "geboortedatum": "1985-03-07"}

AANMELDING = {
    "persoon": PERSOON, "gemeente": "Nijmegen",
    "aanmelder_organisatie": "Politie Oost-Nederland",
    "problematiek": {"gevaarlijk_gedrag": True, "stoornis": "beide", "toelichting": "Dreigt buren met geweld."},
    "strafrechtelijke_titel": False,
    "partners": [{"organisatie": "Politie Oost-Nederland"}, {"organisatie": "GGNet"}],
    "eerder_geprobeerd": "Ambulante begeleiding en een gedragsaanwijzing.",
}
MELDING_GEDAAN = {"melding_besluit": "geinformeerd", "melding_datum": "2027-04-20"}
MELDING_UITGESTELD = {"melding_besluit": "uitstellen", "melding_avg_grond": "openbare_veiligheid",
                      "melding_avg_toelichting": "Lopend politieonderzoek.", "melding_uitstel_tot": "2027-04-26"}
MELDING_UITGEVOERD = {"melding_uitgevoerd_op": "2027-05-04", "melding_wijze": "gesprek"}
ACTIE = {"melding_te_laat": {"melding_escalatie_actie": "Procesregisseur gebeld."},
         "plan_te_laat_procesregisseur": {"plan_te_laat_actie": "Duo herinnerd."},
         "plan_te_laat_coordinator": {"plan_te_laat_actie": "Besproken met de directie."},
         "risicotaxatie_te_laat": {"risicotaxatie_escalatie_actie": "Deskundige ingeschakeld."}}


def casus_op_maat(besluit: str) -> dict:
    extra = {"andere_route": {"com_advies": "Verwijzing naar het wijkteam."},
             "meer_informatie": {"com_gevraagde_informatie": "Verslag van de wijkagent."}}.get(besluit, {})
    return {"com_datum": "2027-04-21", "com_besluit": besluit, "com_toelichting": "Besproken met partners.", **extra}


AANVULLING = {"aanvulling_informatie": "Verslag van de wijkagent bijgevoegd."}
ADVIES_ONTVANGEN = {"advies_ontvangen": True}


def partner(organisatie: str) -> dict:
    return {"partner_bijdrage": {"organisatie": organisatie, "informatie": "Drie meldingen van overlast.",
                                 "ontvangen_op": "2027-04-22"}}


ANONIEM = {"casusbeschrijving_anoniem": "Man van middelbare leeftijd die buren bedreigt.",
           "adviestafel_vraag": "Is inclusie in de levensloopfunctie passend?"}


def adviestafel(besluit: str) -> dict:
    extra = {"niet_includeren": {"adviestafel_advies": "Bespreek de casus in het reguliere ZVH-overleg."},
             "meer_informatie": {"adviestafel_gevraagde_informatie": "Een recente risicotaxatie."}}.get(besluit, {})
    return {"adviestafel_datum": "2027-04-23", "adviestafel_besluit": besluit,
            "adviestafel_motivering": "Langdurig gevaarlijk gedrag zonder strafrechtelijke titel.", **extra}


TERUGKOPPELING = {"terugkoppeling_ontvangen": True}
DUO_AKKOORD = {"duo_akkoord": True}
EERSTE_CASUS_OP_MAAT = {"eerste_com_datum": "2027-04-26", "in_zorg_wijze": "bemoeizorg",
                        "informatiedeling_grondslag": "bemoeizorg", "procesregie_bij_zvh": True,
                        "eerste_com_afspraken": "Duo legt binnen twee weken contact."}

PLAN_ZORG = {"zorg_psychisch_functioneren": "Psychotisch bij middelengebruik.",
             "zorg_lichamelijk_functioneren": "Goed.", "zorg_veiligheidsrisicos": "Agressie naar buren.",
             "zorg_behandeling": "FACT-behandeling.", "risicotaxatie_datum": "2027-03-01",
             "risicotaxatie_uitkomst": "hoog", "risicotaxatie_instrument": "hcr_20v3",
             "risicotaxatie_uitgevoerd_door": "forensisch_deskundige"}
PLAN_GEMEENTE = {"gemeente_financien": "Schuldhulp loopt.", "gemeente_werk_inkomen": "Uitkering.",
                 "gemeente_dagbesteding": "Geen.", "gemeente_wmo": "Begeleiding aangevraagd.",
                 "gemeente_wonen": "Huurwoning, dreigende uitzetting.", "gemeente_netwerk": "Zus.",
                 "gemeente_veiligheidsinstrumenten": ["gebiedsverbod"],
                 "gemeente_scenarios": [{"omschrijving": "Terugval: klinische opname", "beveiligd_bed": True}]}
PLAN_BIJSTELLEN = {"bijstelling_beoordeling": "Risico neemt toe.", "bijstelling_acties": "Extra huisbezoek.",
                   "bijstelling_gedeeld": True}
RISICOTAXATIE = {"risicotaxatie_datum": "2027-05-19", "risicotaxatie_uitkomst": "laag",
                 "risicotaxatie_instrument": "hkt_r", "risicotaxatie_uitgevoerd_door": "casemanager"}


def contact(actie: str = "contact_vastgelegd") -> dict:
    return {"contact_datum": "2027-05-10", "contact_vorm": "huisbezoek_duo",
            "contact_verslag": "Rustig gesprek.", "monitoring_actie": actie}


def opschaling(soort: str) -> dict:
    return {"opschaling_soort": soort, "opschaling_reden": "Toenemende dreiging."}


MEDISCHE_INDICATIE = {"medische_indicatie_omschrijving": "Acute psychose met gevaar voor anderen.",
                      "indicatie_casemanager_zorg": {"rol": "casemanager_zorg", "naam": "Anna Jansen",
                                                     "datum": "2027-05-20", "akkoord": True}}


def regiebehandelaar(akkoord: bool) -> dict:
    signature = {"rol": "regiebehandelaar", "naam": "Dr. Vos", "datum": "2027-05-20", "akkoord": akkoord}
    if not akkoord:
        signature["weigerreden"] = "Ambulant behandelbaar."
    return {"indicatie_regiebehandelaar_ondertekening": signature}


def bed(organisatie: str = "ggnet") -> dict:
    return {"bed_organisatie": organisatie, "opname_datum": "2027-05-21"}


AFSCHALING = {"afschaling_datum": "2027-06-01", "afschaling_ambulant_plan": "FACT neemt het over."}


def evaluatie(besluit: str) -> dict:
    extra = {"evaluatie_reden_afsluiting": "Stabiel zonder gevaarlijk gedrag."} if besluit == "afsluiting" else {}
    return {"evaluatie_datum": "2027-10-22", "evaluatie_bevindingen": "Plan grotendeels uitgevoerd.",
            "evaluatie_besluit": besluit, "evaluatie_duo_akkoord": True, **extra}


EINDRAPPORT = {"eindrapport": {"samenvatting": "Vijf jaar begeleid, stabiel.",
                               "veiligheid": {"risicos": "Terugval bij middelengebruik blijft mogelijk.",
                                              "afspraken": "Huisarts signaleert.",
                                              "signaleringsplan": "Zus belt de wijkagent bij terugval."},
                               "nazorg": "Wijkteam en huisarts."}}
OVERDRACHT_BEOORDELEN = {"overdracht_beoordeling": "overdragen", "overdracht_motivering": "Woont nu in Zwolle."}
OVERDRACHT_VOORBEREIDEN = {"overdracht_ontvangende_regio": "IJsselland", "overdracht_ontvangende_aanbieder": "Dimence",
                           "overdracht_warm_gesprek_datum": "2027-08-10",
                           "overdracht_dossier_samenvatting": "Zie plan van aanpak."}
OVERDRACHT_GEACCEPTEERD = {"overdracht_geaccepteerd": True, "overdracht_nieuwe_casemanager": "J. de Boer"}
