"""Each form accepts a complete submission and refuses a wrong one at the right field."""
import json
from datetime import date
from pathlib import Path

import pytest

from engine.process_models.forms import submission_errors
from tests.scenarios import formdata_gezin as g
from tests.scenarios import formdata_wmo as w

FORMS = Path(__file__).resolve().parents[2] / "forms"
D = "2027-04-21"
#: The day the submissions are made: after every date they report, within a year of every date they plan.
TODAY = date(2027, 7, 1)
ESCALATIE = {"actie": "Gebeld en nieuwe afspraak gemaakt"}
RT = {"risicotaxatie_datum": D, "risicotaxatie_uitkomst": "hoog", "risicotaxatie_instrument": "hcr_20v3",
      "risicotaxatie_uitgevoerd_door": "casemanager"}
AANMELDING = {
    "persoon": {"naam": "Piet Pietersen", "bsn": "123456782", "geboortedatum": "1985-03-07"},
    "gemeente": "Arnhem", "aanmelder_organisatie": "Politie",
    "problematiek": {"gevaarlijk_gedrag": True, "stoornis": "beide", "toelichting": "Dreigt met geweld"},
    "strafrechtelijke_titel": False, "partners": [{"organisatie": "GGNet"}], "eerder_geprobeerd": "Ambulante zorg",
}
SIGN = {"naam": "Anna Jansen", "datum": D, "akkoord": True}

# form name -> (valid submission, invalid submission, field path that must be reported)
CASES = {
    "aanmelding": (AANMELDING, {**AANMELDING, "strafrechtelijke_titel": True}, "strafrechtelijke_titel"),
    "melding_aan_persoon": (
        {"melding_besluit": "uitstellen", "melding_avg_grond": "openbare_veiligheid",
         "melding_avg_toelichting": "Lopend onderzoek", "melding_uitstel_tot": "2027-06-01"},
        {"melding_besluit": "uitstellen", "melding_avg_grond": "openbare_veiligheid", "melding_avg_toelichting": "x"},
        "melding_uitstel_tot"),
    "melding_uitvoeren": ({"melding_uitgevoerd_op": D, "melding_wijze": "brief"},
                          {"melding_uitgevoerd_op": "21-04-2027", "melding_wijze": "brief"}, "melding_uitgevoerd_op"),
    "melding_te_laat": ({"melding_escalatie_actie": "x"}, {}, "melding_escalatie_actie"),
    "partnerinformatie_rappel": ({"rappel_actie": "x", "rappel_nieuwe_datum": D}, {"rappel_actie": ""}, "rappel_actie"),
    "plan_te_laat": ({"plan_te_laat_actie": "x"}, {"plan_te_laat_actie": "x", "plan_te_laat_nieuwe_datum": "morgen"},
                     "plan_te_laat_nieuwe_datum"),
    "geen_contact": ({"geen_contact_actie": "x"}, {}, "geen_contact_actie"),
    "risicotaxatie_te_laat": ({"risicotaxatie_escalatie_actie": "x"}, {}, "risicotaxatie_escalatie_actie"),
    "casus_op_maat": ({"com_datum": D, "com_besluit": "andere_route", "com_toelichting": "x", "com_advies": "Wmo"},
                      {"com_datum": D, "com_besluit": "andere_route", "com_toelichting": "x"}, "com_advies"),
    "advies_andere_route": ({"advies_ontvangen": True}, {"advies_ontvangen": False}, "advies_ontvangen"),
    "aanvulling_aanmelder": ({"aanvulling_informatie": "x"}, {}, "aanvulling_informatie"),
    "partnerinformatie": ({"partner_bijdrage": {"organisatie": "GGNet", "informatie": "x", "ontvangen_op": D}},
                          {"partner_bijdrage": {"organisatie": "GGNet", "informatie": "x"}}, "partner_bijdrage.ontvangen_op"),
    "adviestafel_voorbereiden": ({"casusbeschrijving_anoniem": "Man, veertig jaar, dreigend gedrag.", "adviestafel_vraag": "x"},
                                 {"casusbeschrijving_anoniem": "kort", "adviestafel_vraag": "x"}, "casusbeschrijving_anoniem"),
    "adviestafel": ({"adviestafel_datum": D, "adviestafel_besluit": "includeren", "adviestafel_motivering": "Voldoet aan criteria"},
                    {"adviestafel_datum": D, "adviestafel_besluit": "includeren"}, "adviestafel_motivering"),
    "terugkoppeling_aanmelder": ({"terugkoppeling_ontvangen": True}, {}, "terugkoppeling_ontvangen"),
    "duo_bevestigen": ({"duo_akkoord": True}, {"duo_akkoord": False}, "duo_wijziging"),
    "eerste_casus_op_maat": (
        {"eerste_com_datum": D, "in_zorg_wijze": "vrijwillig", "informatiedeling_grondslag": "toestemming",
         "toestemmingsformulier_getekend": True, "procesregie_bij_zvh": False, "eerste_com_afspraken": "x"},
        {"eerste_com_datum": D, "in_zorg_wijze": "vrijwillig", "informatiedeling_grondslag": "toestemming",
         "procesregie_bij_zvh": False, "eerste_com_afspraken": "x"}, "toestemmingsformulier_getekend"),
    "plan_zorg": ({"zorg_psychisch_functioneren": "x", "zorg_lichamelijk_functioneren": "x", "zorg_veiligheidsrisicos": "x",
                   "zorg_behandeling": "x", **RT},
                  {"zorg_psychisch_functioneren": "x", "zorg_lichamelijk_functioneren": "x", "zorg_veiligheidsrisicos": "x",
                   "zorg_behandeling": "x", **RT, "risicotaxatie_uitkomst": "extreem"}, "risicotaxatie_uitkomst"),
    "plan_gemeente": (
        {"gemeente_financien": "x", "gemeente_werk_inkomen": "x", "gemeente_dagbesteding": "x", "gemeente_wmo": "x",
         "gemeente_wonen": "x", "gemeente_veiligheidsinstrumenten": ["gebiedsverbod"], "gemeente_netwerk": "x",
         "gemeente_scenarios": [{"omschrijving": "Opname", "beveiligd_bed": True}]},
        {"gemeente_financien": "x", "gemeente_werk_inkomen": "x", "gemeente_dagbesteding": "x", "gemeente_wmo": "x",
         "gemeente_wonen": "x", "gemeente_veiligheidsinstrumenten": ["huisarrest"], "gemeente_netwerk": "x",
         "gemeente_scenarios": [{"omschrijving": "Opname", "beveiligd_bed": True}]}, "gemeente_veiligheidsinstrumenten.0"),
    "plan_bijstellen": ({"bijstelling_beoordeling": "x", "bijstelling_acties": "x", "bijstelling_gedeeld": True},
                        {"bijstelling_beoordeling": "x", "bijstelling_acties": "x"}, "bijstelling_gedeeld"),
    "monitoring_contact": ({"contact_datum": D, "contact_vorm": "gesprek", "contact_verslag": "x", "monitoring_actie": "evalueren"},
                           {"contact_datum": D, "contact_vorm": "gesprek", "contact_verslag": "x", "monitoring_actie": "stoppen"},
                           "monitoring_actie"),
    "evaluatie": ({"evaluatie_datum": D, "evaluatie_bevindingen": "x", "evaluatie_besluit": "doorgaan", "evaluatie_duo_akkoord": True},
                  {"evaluatie_datum": D, "evaluatie_bevindingen": "x", "evaluatie_besluit": "afsluiting", "evaluatie_duo_akkoord": True},
                  "evaluatie_reden_afsluiting"),
    "eindrapport": (
        {"eindrapport": {"samenvatting": "x", "nazorg": "x", "veiligheid": {
            "risicos": "Verhoogd risico bij middelengebruik", "afspraken": "x", "signaleringsplan": "x"}}},
        {"eindrapport": {"samenvatting": "x", "nazorg": "x"}}, "eindrapport.veiligheid"),
    "risicotaxatie_uitvoeren": (RT, {**RT, "risicotaxatie_datum": "2027-02-30"}, "risicotaxatie_datum"),
    "opschaling_aanvragen": ({"opschaling_soort": "klinisch", "opschaling_reden": "x"}, {"opschaling_reden": "x"}, "opschaling_soort"),
    "opschaling_zvh": ({"zvh_bespreking_datum": D, "zvh_afspraken": "x"}, {"zvh_afspraken": "x"}, "zvh_bespreking_datum"),
    "opschaling_coordinator": ({"coordinator_afspraken": "x"}, {"coordinator_afspraken": 3}, "coordinator_afspraken"),
    "medische_indicatie": ({"medische_indicatie_omschrijving": "Acute psychose",
                            "indicatie_casemanager_zorg": {"rol": "casemanager_zorg", **SIGN}},
                           {"medische_indicatie_omschrijving": "Acute psychose",
                            "indicatie_casemanager_zorg": {"rol": "regiebehandelaar", **SIGN}}, "indicatie_casemanager_zorg.rol"),
    "indicatie_regiebehandelaar": (
        {"indicatie_regiebehandelaar_ondertekening": {"rol": "regiebehandelaar", **SIGN}},
        {"indicatie_regiebehandelaar_ondertekening": {"rol": "regiebehandelaar", **SIGN, "akkoord": False}},
        "indicatie_regiebehandelaar_ondertekening.weigerreden"),
    "bed_kiezen": ({"bed_organisatie": "ggnet", "opname_datum": D}, {"bed_organisatie": "elders", "opname_datum": D}, "bed_organisatie"),
    "afschaling": ({"afschaling_datum": D, "afschaling_ambulant_plan": "x"}, {"afschaling_datum": D}, "afschaling_ambulant_plan"),
    "overdracht_beoordelen": ({"overdracht_beoordeling": "overdragen", "overdracht_motivering": "x"},
                              {"overdracht_beoordeling": "overdragen"}, "overdracht_motivering"),
    "overdracht_voorbereiden": (
        {"overdracht_ontvangende_regio": "Twente", "overdracht_ontvangende_aanbieder": "Mediant",
         "overdracht_warm_gesprek_datum": D, "overdracht_dossier_samenvatting": "x"},
        {"overdracht_ontvangende_regio": "Twente", "overdracht_ontvangende_aanbieder": "Mediant",
         "overdracht_dossier_samenvatting": "x"}, "overdracht_warm_gesprek_datum"),
    "overdracht_accepteren": ({"overdracht_geaccepteerd": False, "overdracht_afwijzing_reden": "Geen capaciteit"},
                              {"overdracht_geaccepteerd": False}, "overdracht_afwijzing_reden"),
}
#: Casusregie gezin (seed 003) and the Wmo traject (seed 004), from their scenarios' submissions.
CASES |= {
    "verwijzing": (g.VERWIJZING, {**g.VERWIJZING, "regie_ouders": "lukt_goed"}, "regie_ouders"),
    "in_kaart_brengen": (g.in_kaart("jgz"), {**g.in_kaart("jgz"), "fase": 4}, "fase"),
    "professionals_aanvullen": ({"professionals_aanvulling": [g.professional("school")]},
                                {"professionals_aanvulling": [{**g.professional("school"), "soort": "buurman"}]},
                                "professionals_aanvulling.0.soort"),
    "probleemanalyse": (g.PROBLEEMANALYSE, {**g.PROBLEEMANALYSE, "veiligheid_ingeschat_met": []}, "veiligheid_ingeschat_met"),
    "werkplan": (g.WERKPLAN, {**g.WERKPLAN, "evaluatie_frequentie_weken": 52}, "evaluatie_frequentie_weken"),
    "toeleiding_zorg": (g.TOELEIDING, {**g.TOELEIDING, "beschikkingen_geregeld": False}, "beschikkingen_geregeld"),
    "evaluatiemoment": (g.evaluatiemoment(), {**g.evaluatiemoment(), "regie_besluit": "stoppen"}, "regie_besluit"),
    "verwijzer_informeren": (g.VERWIJZER_KENNISNAME, {"verwijzer_reactie": "x"}, "verwijzer_kennisname"),
    "signaal_beoordelen": (g.signaal(), {**g.signaal(), "signaal_van": ""}, "signaal_van"),
    "overleg_gedragsdeskundige": (g.overleg(3, ["raadsonderzoek"]), g.overleg(3, ["uithuisplaatsing"]), "maatregelen.0"),
    "melding_veilig_thuis": (g.MELDING_VEILIG_THUIS, {**g.MELDING_VEILIG_THUIS, "melding_datum": "01-06-2027"}, "melding_datum"),
    "jeugdbeschermingstafel": (g.JEUGDBESCHERMINGSTAFEL, {**g.JEUGDBESCHERMINGSTAFEL, "jbt_ouders_geinformeerd": False},
                               "jbt_ouders_geinformeerd"),
    "verzoek_raadsonderzoek": (g.RAADSONDERZOEK, {**g.RAADSONDERZOEK, "raad_vraag": ""}, "raad_vraag"),
    "afsluiting_overleg": (g.afsluiting_overleg(), {**g.afsluiting_overleg(), "afsluiting_reden": "geen_zin"}, "afsluiting_reden"),
    "afsluiting_gezin": (g.AFSLUITING, {**g.AFSLUITING, "eindrapport_gezin": {"procesbeschrijving": "x"}},
                         "eindrapport_gezin.veiligheid"),
    "vraagverheldering": (w.VRAAGVERHELDERING, {**w.VRAAGVERHELDERING, "dementie": "misschien"}, "dementie"),
    "voorliggend_veld": (w.VOORLIGGEND_VOLSTAAT, {**w.VOORLIGGEND_VOLSTAAT, "voorliggend_ingezet": ["kerk"]},
                         "voorliggend_ingezet.0"),
    "ondersteuningsbehoefte": (w.behoefte(w.TWEE_BEHOUDEN), w.behoefte({}), "resultaatgebieden"),
    "herindicatie": (w.herindicatie("afschalen", w.TWEE_BEHOUDEN),
                     w.herindicatie("afschalen", {"zelfzorg_gezondheid": {"type": "verbeteren", "doel": "x"}}),
                     "resultaatgebieden.zelfzorg_gezondheid.type"),
    "wlz_route": (w.WLZ_CIZ, {**w.WLZ_CIZ, "wlz_besproken_met_inwoner": False}, "wlz_besproken_met_inwoner"),
    "beschikking": (w.beschikking(), {**w.beschikking(), "ingangsdatum": "volgende week"}, "ingangsdatum"),
    "ondersteuningsplan": (w.PLAN_AKKOORD, {**w.PLAN_AKKOORD, "inhoudelijk_regisseur": ""}, "inhoudelijk_regisseur"),
    "onenigheid_overleg": (w.onenigheid("indicatie_blijft"), {**w.onenigheid("x"), "onenigheid_uitkomst": "stoppen"},
                           "onenigheid_uitkomst"),
    "voortgang": (w.VOORTGANG, {**w.VOORTGANG, "voortgang_met_inwoner": False}, "voortgang_met_inwoner"),
    "periodiek_contact": (w.contact("doorgaan"), {**w.contact("doorgaan"), "contact_met": []}, "contact_met"),
    "einde_beschikking": (w.einde("verlengen"), w.einde("doorgaan"), "wmo_besluit"),
    "afsluiting_wmo": (w.AFSLUITING, {**w.AFSLUITING, "inwoner_geinformeerd": False}, "inwoner_geinformeerd"),
}


def load(name):
    return json.loads((FORMS / f"{name}-schema.json").read_text(encoding="utf-8"))


def error_paths(schema, data):
    """The fields the engine reports for a submission: schema errors and undeclared fields."""
    return set(submission_errors(schema, data, TODAY))


def test_every_form_has_a_case():
    assert set(CASES) == {p.name.removesuffix("-schema.json") for p in FORMS.glob("*-schema.json")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_valid_submission_is_accepted(name):
    assert error_paths(load(name), CASES[name][0]) == set()


@pytest.mark.parametrize("name", sorted(CASES))
def test_invalid_submission_is_refused_at_the_field(name):
    _, invalid, field = CASES[name]
    assert field in error_paths(load(name), invalid)


@pytest.mark.parametrize("name", sorted(CASES))
def test_ui_schema_orders_every_field_and_texts_are_dutch(name):
    schema = load(name)
    ui = json.loads((FORMS / f"{name}-uischema.json").read_text(encoding="utf-8"))
    assert ui["ui:order"] == list(schema["properties"])
    assert schema["title"] and all(p.get("title") for p in schema["properties"].values())


def test_criminal_title_refusal_explains_itself_in_dutch():
    prop = load("aanmelding")["properties"]["strafrechtelijke_titel"]
    assert prop["const"] is False
    assert "strafrechtelijke titel" in prop["errorMessage"]
