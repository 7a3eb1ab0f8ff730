"""One table per FEEL construct (tests/decisions/feel_constructs.dmn, DMN 1.4 as dmn-js writes it)."""
import pytest

from engine.decisions.errors import DecisionFailed


@pytest.mark.parametrize(("getal", "soort"), [
    (0, "nul"), (-20, "zeer negatief"), (-10, "negatief"), (-1, "negatief"), (101, "groot"), (100, "positief"),
    (1, "positief")])
def test_comparisons(decide, getal, soort):
    assert decide("feel_vergelijking", getal=getal)[0] == {"soort": soort}


@pytest.mark.parametrize(("leeftijd", "groep"), [
    (0, "0-3"), (3, "0-3"), (3.5, "4-11"), (4, "4-11"), (11.9, "4-11"), (12, "12-17"), (17, "12-17"),
    (17.5, "volwassen"), (18, "volwassen"), (120, "volwassen")])
def test_ranges_with_open_and_closed_ends(decide, leeftijd, groep):
    assert decide("feel_bereik", leeftijd=leeftijd)[0] == {"groep": groep}


@pytest.mark.parametrize(("gemeente", "regio"), [
    ("Vlissingen", "Walcheren"), ("Kapelle", "Oosterschelde"), ("Tholen", "overig")])
def test_text_lists_and_not(decide, gemeente, regio):
    assert decide("feel_tekstlijst", gemeente=gemeente)[0] == {"regio": regio}


def test_number_lists(decide):
    assert [decide("feel_getallenlijst", fase=f)[0]["deel"] for f in (1, 2, 3, 4)] == ["begin", "begin", "eind", "eind"]


def test_not(decide):
    assert decide("feel_niet", code="4")[0] == {"uitkomst": "vier"}
    assert decide("feel_niet", code="5")[0] == {"uitkomst": "geen vier"}


def test_dash_and_empty_cells_match_anything(decide):
    assert decide("feel_leeg_en_streep", kader="gedwongen", fase=3)[0] == {"regie": "gecertificeerde instelling"}
    assert decide("feel_leeg_en_streep", kader="vrijwillig", fase=None)[0] == {"regie": "wijkteam"}


def test_booleans(decide):
    assert decide("feel_ja_nee", gedwongen=True)[0] == {"kader": "gedwongen kader"}
    assert decide("feel_ja_nee", gedwongen=False)[0] == {"kader": "vrijwillig kader"}


@pytest.mark.parametrize(("peildatum", "regeling"), [
    ("2025-12-31", "oude regeling"), ("2026-01-01", "regeling 2026"), ("2026-12-31", "regeling 2026"),
    ("2027-01-01", "nieuwe regeling")])
def test_dates(decide, peildatum, regeling):
    assert decide("feel_datum", peildatum=peildatum)[0] == {"regeling": regeling}


def test_output_expressions(decide):
    assert decide("feel_uitvoer", uren=41, tarief=15)[0] == {
        "bedrag": 624.5, "soort": "overwerk", "omschrijving": "tarief 15", "tarief_gebruikt": 15, "boven_minimum": True}
    assert decide("feel_uitvoer", uren=10, tarief=14)[0]["soort"] == "normaal"
    assert decide("feel_uitvoer", uren=10, tarief=14)[0]["boven_minimum"] is False


def test_date_arithmetic_in_an_output(decide):
    assert decide("feel_datumuitvoer", start="2026-01-15")[0] == {"einde": "2026-02-14"}


def test_default_output_when_no_rule_matches(decide):
    assert decide("feel_standaard", score=2) == ({"advies": "geen advies"}, [])
    assert decide("feel_standaard", score=11) == ({"advies": "opschalen"}, [1])


def test_literal_expression_decision(decide):
    assert decide("feel_literal", bedrag=2.5) == ({"verdubbeld": 5}, [])


@pytest.mark.parametrize(("decision_id", "variables", "words", "field"), [
    ("feel_datum", {"peildatum": "morgen"}, "invoer 'Peildatum' moet een datum zijn", "peildatum"),
    ("feel_vergelijking", {"getal": "twee"}, "invoer 'Getal' moet een getal zijn", "getal"),
    ("feel_tekstlijst", {}, "'gemeente' ontbreekt", "gemeente"),
    ("feel_ja_nee", {"gedwongen": "ja"}, "moet een ja/nee zijn", "gedwongen"),
])
def test_inputs_that_cannot_be_evaluated_name_decision_and_input(decide, decision_id, variables, words, field):
    with pytest.raises(DecisionFailed) as err:
        decide(decision_id, **variables)
    assert words in err.value.message and f"'{decision_id}'" in err.value.message
    assert field in err.value.fields
