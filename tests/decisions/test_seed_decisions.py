"""The three decisions of processes/ against the text of seeds 003 (the Zeeuwse universele regiekaart)
and 004 (Wmo traject Lekstroom): the regiekaart in the seed's own words for every phase, framework and
target group; intensity never lower with more verzwarende omstandigheden; a longer beschikking for
behouden; the Wmo/Wlz boundary."""
from itertools import product
from pathlib import Path

import pytest

from engine.decisions.errors import DecisionFailed
from engine.decisions.evaluate import evaluate
from engine.spiff.bpmn_files import parse_models

PROCESSES = Path(__file__).resolve().parents[2] / "processes"
LEVELS = ["laag", "midden", "hoog", "zeer_hoog"]


@pytest.fixture(scope="module")
def decide():
    files = {p.name: p.read_text(encoding="utf-8") for p in PROCESSES.glob("*.dmn")}
    decisions = parse_models(files).decisions
    return lambda decision_id, **variables: evaluate(decisions, decision_id, variables).outputs


# --- seed 003: Zeeuwse universele regiekaart (de-)escaleren ---

@pytest.mark.parametrize("kader, doelgroep", product(["vrijwillig", "gedwongen"], ["jeugd", "volwassenen"]))
def test_fase_1_het_gewone_leven_citizens_hold_regie_themselves(decide, kader, doelgroep):
    assert decide("regiekaart_zeeland", fase=1, kader=kader, doelgroep=doelgroep) == {
        "casusregie": "Burgers voeren zelf regie, eventueel met steun van naasten en/of omgeving en/of vrijwilligers "
                      "en/of basisvoorzieningen.",
        "procesregie": None,  # the seed's cell is empty in phase 1
        "operationeel_verantwoordelijk": "Gemeentelijke basisvoorzieningen en betrokken organisaties",
        "bestuurlijk_verantwoordelijk": "Wethouder sociaal domein"}


@pytest.mark.parametrize("fase, begin", [
    (2, "Vrijwillig kader: Cliënt voert zelf casusregie of Sociaal Wijkteam of Toegang of CJG of Zorgaanbieder"),
    (3, "Vrijwillig kader: Casusregie is altijd belegd bij professional van: Sociaal Wijkteam of Toegang of CJG"),
])
@pytest.mark.parametrize("doelgroep", ["jeugd", "volwassenen"])
def test_voluntary_framework_in_phases_2_and_3(decide, fase, begin, doelgroep):
    casusregie = decide("regiekaart_zeeland", fase=fase, kader="vrijwillig", doelgroep=doelgroep)["casusregie"]
    assert casusregie.startswith(begin)
    assert casusregie.endswith("GI in opdracht van lokaal team als tandem GI/lokaal team")


@pytest.mark.parametrize("fase", [2, 3])
def test_compulsory_framework_always_a_professional(decide, fase):
    jeugd = decide("regiekaart_zeeland", fase=fase, kader="gedwongen", doelgroep="jeugd")["casusregie"]
    volwassenen = decide("regiekaart_zeeland", fase=fase, kader="gedwongen", doelgroep="volwassenen")["casusregie"]
    assert "(gezins-)voogd of jeugdreclasseringswerker van GI" in jeugd
    assert "Reclassering, Forensische Zorg en zorgaanbieders" in volwassenen


def test_procesregie_and_responsibilities_per_phase(decide):
    def row(fase):
        outputs = decide("regiekaart_zeeland", fase=fase, kader="vrijwillig", doelgroep="jeugd")
        return outputs["procesregie"], outputs["operationeel_verantwoordelijk"], outputs["bestuurlijk_verantwoordelijk"]

    assert row(2) == ("Gemeentelijk procesregisseur Sociaal Domein voert procesregie of OGGZ-team voert procesregie "
                      "of Veilig Thuis.",
                      "Teamleider integrale Toegang Sociaal Domein en managers betrokken professionals",
                      "Wethouder sociaal domein")
    assert row(3) == ("Gemeentelijk procesregisseur Sociaal Domein voert procesregie of Veilig Thuis.",
                      "Teamleider integrale Toegang Sociaal Domein en managers betrokken professionals",
                      "Wethouder sociaal domein informeert burgemeester.")
    procesregie, operationeel, bestuurlijk = row(4)
    assert procesregie.startswith("Ambtenaar Openbare Orde en Veiligheid (AOV) en [Afdeling zorg] hebben gezamenlijk "
                                  "procesregie.")
    assert "Sociaal Calamiteiten Plan Zeeland (versie 27 maart 2017)" in procesregie
    assert (operationeel, bestuurlijk) == ("AOV in samenwerking/afstemming met [afdeling Zorg].",
                                           "Burgemeester en verantwoordelijk wethouder stemmen onderling af.")


def test_fase_4_has_two_tracks_for_any_framework(decide):
    for kader, doelgroep in product(["vrijwillig", "gedwongen"], ["jeugd", "volwassenen"]):
        casusregie = decide("regiekaart_zeeland", fase=4, kader=kader, doelgroep=doelgroep)["casusregie"]
        assert casusregie.startswith("Hier is sprake van twee sporen: 1. Zorgcalamiteit bij zorgaanbieder.")
        assert "2. Andere calamiteit 'sociaal domein'." in casusregie


@pytest.mark.parametrize("variables, named", [
    ({"fase": 5, "kader": "vrijwillig", "doelgroep": "jeugd"}, "Fase = 5"),
    ({"fase": 2, "kader": "onbekend", "doelgroep": "jeugd"}, 'Kader = "onbekend"'),
    ({"fase": 2, "kader": "vrijwillig", "doelgroep": "ouderen"}, 'Doelgroep = "ouderen"'),
])
def test_outside_the_regiekaart_is_an_error_naming_the_input(decide, variables, named):
    with pytest.raises(DecisionFailed, match="regiekaart_zeeland") as err:
        decide("regiekaart_zeeland", **variables)
    assert named in str(err.value)


# --- seed 004: Wmo traject individuele ondersteuning ---

AREAS = range(1, 6)
TYPES = ("behouden", "ontwikkelen")
COUNTS = range(0, 10)


def intensiteit(decide, areas, soort, count) -> int:
    return LEVELS.index(decide("wmo_intensiteit", aantal_resultaatgebieden=areas, type_ondersteuning=soort,
                               verzwarende_omstandigheden=count)["intensiteit"])


def test_intensity_never_lower_with_more_verzwarende_omstandigheden(decide):
    for areas, soort in product(AREAS, TYPES):
        levels = [intensiteit(decide, areas, soort, count) for count in COUNTS]
        assert levels == sorted(levels), (areas, soort, levels)
        assert levels[0] < levels[-1] or levels[0] == len(LEVELS) - 1  # they do lead to a heavier intensity


def test_intensity_never_lower_with_more_areas_or_when_developing(decide):
    for soort, count in product(TYPES, COUNTS):
        levels = [intensiteit(decide, areas, soort, count) for areas in AREAS]
        assert levels == sorted(levels), (soort, count, levels)
    for areas, count in product(AREAS, COUNTS):
        assert intensiteit(decide, areas, "behouden", count) <= intensiteit(decide, areas, "ontwikkelen", count)


def test_an_average_situation_is_the_starting_point_and_weight_sits_in_the_circumstances(decide):
    """'Het vertrekpunt van de intensiteit is een gemiddelde situatie'; 'een complexe casus hoeft niet direct
    over meerdere resultaatgebieden te gaan, want vaak zit de zwaarte van de casus in de verzwarende
    omstandigheden'."""
    assert intensiteit(decide, 1, "behouden", 0) == LEVELS.index("laag")
    assert intensiteit(decide, 1, "ontwikkelen", 3) >= intensiteit(decide, 5, "ontwikkelen", 0)


@pytest.mark.parametrize("variables", [
    {"aantal_resultaatgebieden": 0, "type_ondersteuning": "behouden", "verzwarende_omstandigheden": 0},
    {"aantal_resultaatgebieden": 6, "type_ondersteuning": "behouden", "verzwarende_omstandigheden": 0},
    {"aantal_resultaatgebieden": 2, "type_ondersteuning": "stabiliseren", "verzwarende_omstandigheden": 0},
    {"aantal_resultaatgebieden": 2, "type_ondersteuning": "behouden", "verzwarende_omstandigheden": -1},
])
def test_intensity_outside_the_product_range_is_refused(decide, variables):
    with pytest.raises(DecisionFailed, match="wmo_intensiteit"):
        decide("wmo_intensiteit", **variables)


def duur(decide, soort, duidelijk):
    outputs = decide("wmo_duur_beschikking", type_ondersteuning=soort, resultaatgebieden_duidelijk=duidelijk)
    return outputs["duur_maanden"], outputs["contact_sociaal_team_maanden"]


def test_behouden_gets_a_longer_beschikking_and_contact_once_a_year_or_every_two_years(decide):
    """'Als men eenmaal weet wat de resultaatgebieden zijn en duidelijk is dat de vorm van ondersteuning
    behouden is, kan men kiezen voor een langere beschikking ... Dit zou dan 1 keer per jaar of per 2 jaar
    kunnen zijn.'"""
    for duidelijk in (True, False):
        assert duur(decide, "behouden", duidelijk)[0] > duur(decide, "ontwikkelen", duidelijk)[0]
        assert duur(decide, "behouden", duidelijk)[1] in (12, 24)
    assert duur(decide, "behouden", True)[0] > duur(decide, "behouden", False)[0]
    assert duur(decide, "behouden", True)[1] == 24


def test_a_beschikking_is_never_too_short_and_contact_comes_before_it_ends(decide):
    """'Let bij de duur van beschikking ook op de kleine stappen die gemaakt worden, laat een beschikking niet
    te kort duren.' The sociaal team still keeps in touch during it."""
    for soort, duidelijk in product(TYPES, (True, False)):
        months, contact = duur(decide, soort, duidelijk)
        assert months >= 6 and contact < months


@pytest.mark.parametrize("dementie, count, route", [(True, 0, True), (False, 5, True), (False, 4, False),
                                                   (True, 7, True)])
def test_the_wmo_wlz_boundary(decide, dementie, count, route):
    outputs = decide("wmo_wlz_grens", dementie=dementie, verzwarende_omstandigheden=count)
    assert outputs["wlz_route"] is route
    assert (outputs["wlz_reden"] is not None) is route
