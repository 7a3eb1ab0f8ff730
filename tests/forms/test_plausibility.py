"""Plausible values: every keyword that can fail speaks Dutch, the Dutch formats, the relative date bounds,
and every production form caps its free text and bounds its dates."""
import json
from datetime import date
from pathlib import Path

import pytest

from engine.process_models.forms import SchemaError, check_schema, field_errors
from engine.process_models.plausibility import add_period, period_in_dutch

FORMS = Path(__file__).resolve().parents[2] / "forms"
TODAY = date(2027, 1, 4)
OBJ = {"type": "object"}

# keyword -> (schema of field "x", a value of "x" that fails it, the Dutch message)
KEYWORDS = {
    "type": ({"type": "integer"}, "drie", "Vul hier een geheel getal in."),
    "type (several)": ({"type": ["string", "null"]}, 3, "Vul hier tekst of niets in."),
    "enum": ({"enum": ["a", "b"]}, "c", "Kies een van de mogelijkheden."),
    "const": ({"const": False}, True, "Deze waarde is hier niet toegestaan."),
    "minLength": ({"minLength": 10}, "kort", "Te kort: vul minstens 10 tekens in."),
    "maxLength": ({"maxLength": 3}, "lang", "Te lang: hoogstens 3 tekens."),
    "minimum": ({"minimum": 1}, 0, "De waarde moet minstens 1 zijn."),
    "maximum": ({"maximum": 5}, 6, "De waarde mag hoogstens 5 zijn."),
    "exclusiveMinimum": ({"exclusiveMinimum": 0}, 0, "De waarde moet groter zijn dan 0."),
    "exclusiveMaximum": ({"exclusiveMaximum": 9}, 9, "De waarde moet kleiner zijn dan 9."),
    "multipleOf": ({"multipleOf": 2}, 3, "De waarde moet een veelvoud van 2 zijn."),
    "pattern": ({"pattern": "^[a-z]+$"}, "ABC", "Deze waarde heeft niet de juiste vorm."),
    "minItems": ({"minItems": 2}, ["a"], "Kies of vul er minstens 2 in."),
    "maxItems": ({"maxItems": 1}, ["a", "b"], "Hoogstens 1 toegestaan."),
    "uniqueItems": ({"uniqueItems": True}, ["a", "a"], "Elke waarde mag maar één keer voorkomen."),
    "contains": ({"contains": {"const": "a"}}, ["b"], "De lijst mist een verplichte waarde."),
    "maxContains": ({"contains": {"const": "a"}, "maxContains": 1}, ["a", "a"], "De lijst bevat een waarde te vaak."),
    "items": ({"prefixItems": [{"type": "string"}], "items": False}, ["a", "b"], "Deze lijst heeft te veel items."),
    "minProperties": ({"minProperties": 1}, {}, "Vul minstens 1 onderdelen in."),
    "maxProperties": ({"maxProperties": 1, "additionalProperties": True}, {"a": 1, "b": 2},
                      "Hoogstens 1 onderdelen toegestaan."),
    "propertyNames": ({"propertyNames": {"pattern": "^[a-z]+$"}, "additionalProperties": True}, {"A": 1},
                      "Deze waarde heeft niet de juiste vorm."),
    "anyOf": ({"anyOf": [{"type": "integer"}, {"type": "boolean"}]}, "x", "Kies een van de mogelijkheden."),
    "oneOf": ({"oneOf": [{"const": "a", "title": "A"}, {"const": "b", "title": "B"}]}, "c",
              "Kies een van de mogelijkheden."),
    "not": ({"not": {"const": "nee"}}, "nee", "Deze waarde is hier niet toegestaan."),
    "format date": ({"format": "date"}, "2027-02-30", "Vul een bestaande datum in (dd-mm-jjjj)."),
    "format email": ({"format": "email"}, "geen-adres", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
    "format telefoon": ({"format": "telefoon"}, "12",
                        "Vul een Nederlands telefoonnummer in, zoals 06 12345678 of +31 26 1234567."),
    "format postcode": ({"format": "postcode"}, "6511", "Vul een postcode in zoals 6511 AB."),
    "format bsn": ({"format": "bsn"}, "123456789", "Vul een geldig BSN in: 9 cijfers die de elfproef doorstaan."),
    "x-niet-in-de-toekomst": ({"x-niet-in-de-toekomst": True}, "2027-01-05", "De datum mag niet in de toekomst liggen."),
    "x-niet-voor": ({"x-niet-voor": "1900-01-01"}, "1899-12-31", "De datum mag niet vóór 01-01-1900 liggen."),
    "x-uiterlijk": ({"x-uiterlijk": "P6M"}, "2027-07-05", "De datum mag hoogstens 6 maanden na vandaag liggen."),
}


@pytest.mark.parametrize("keyword", sorted(KEYWORDS))
def test_every_keyword_that_can_fail_has_a_dutch_message(keyword):
    schema, value, message = KEYWORDS[keyword]
    assert field_errors({**OBJ, "properties": {"x": schema}}, {"x": value}, TODAY) == {"x": message}


def test_missing_and_dependent_fields_are_reported_at_the_missing_field():
    schema = {**OBJ, "properties": {"a": {}, "b": {}}, "required": ["a"], "dependentRequired": {"b": ["a"]}}
    assert field_errors(schema, {"b": 1}, TODAY) == {"a": "Dit veld is verplicht."}


def test_a_forms_own_message_wins():
    schema = {**OBJ, "properties": {"x": {"maxLength": 1, "errorMessage": "Eén letter."}}}
    assert field_errors(schema, {"x": "ab"}, TODAY) == {"x": "Eén letter."}


@pytest.mark.parametrize("value, valid", [("06 12345678", True), ("026-1234567", True), ("+31 26 1234567", True),
                                          ("0612", False), ("+32 2 1234567", False)])
def test_dutch_phone_numbers(value, valid):
    assert (field_errors({**OBJ, "properties": {"t": {"format": "telefoon"}}}, {"t": value}, TODAY) == {}) is valid


@pytest.mark.parametrize("value, valid", [("123456782", True), ("111222333", True), ("123456789", False),
                                          ("000000000", False), ("12345678", False)])
def test_bsn_passes_the_elfproef(value, valid):
    assert (field_errors({**OBJ, "properties": {"b": {"format": "bsn"}}}, {"b": value}, TODAY) == {}) is valid


def test_relative_bounds_include_their_last_day():
    schema = {**OBJ, "properties": {"d": {"x-niet-in-de-toekomst": True}, "u": {"x-uiterlijk": "P1Y"}}}
    assert field_errors(schema, {"d": "2027-01-04", "u": "2028-01-04"}, TODAY) == {}
    assert set(field_errors(schema, {"d": "2027-01-05", "u": "2028-01-05"}, TODAY)) == {"d", "u"}


def test_a_bound_inside_a_conditional_branch_applies_when_the_branch_does():
    schema = {**OBJ, "properties": {"soort": {}},
              "if": {"properties": {"soort": {"const": "uitstel"}}},
              "then": {"properties": {"tot": {"x-uiterlijk": "P1M"}}}}
    assert field_errors(schema, {"soort": "uitstel", "tot": "2027-03-01"}, TODAY) == {
        "tot": "De datum mag hoogstens 1 maand na vandaag liggen."}
    assert field_errors(schema, {"soort": "nu", "tot": "2027-03-01"}, TODAY) == {}


@pytest.mark.parametrize("declaration", [{"x-uiterlijk": "een jaar"}, {"x-uiterlijk": "P"},
                                         {"x-niet-voor": "01-01-1900"}, {"x-niet-in-de-toekomst": "ja"}])
def test_a_plausibility_keyword_with_an_unusable_value_is_refused_at_deploy(declaration):
    with pytest.raises(SchemaError):
        check_schema({**OBJ, "properties": {"d": {"type": "string", **declaration}}})


def test_periods_are_calendar_periods_in_dutch():
    assert add_period(date(2027, 1, 31), "P1M") == date(2027, 2, 28)
    assert add_period(date(2028, 2, 29), "P1Y") == date(2029, 2, 28)
    assert add_period(date(2027, 1, 4), "P1Y2M1W3D") == date(2028, 3, 14)
    assert (period_in_dutch("P1Y"), period_in_dutch("P2Y6M"), period_in_dutch("P1W")) == (
        "1 jaar", "2 jaar en 6 maanden", "1 week")


def production_fields():
    """(form, field path, schema) for every field of every production form, conditional branches included."""
    def walk(form, schema, path):
        if not isinstance(schema, dict):
            return
        for name, sub in (schema.get("properties") or {}).items():
            yield form, f"{path}{name}", sub
            yield from walk(form, sub, f"{path}{name}.")
        if isinstance(schema.get("items"), dict):
            yield form, f"{path}items", schema["items"]
            yield from walk(form, schema["items"], f"{path}items.")
        for key in ("if", "then", "else"):
            yield from walk(form, schema.get(key), path)
        for branch in [*schema.get("allOf", []), *schema.get("anyOf", []), *schema.get("oneOf", [])]:
            yield from walk(form, branch, path)
        for sub in (schema.get("dependentSchemas") or {}).values():
            yield from walk(form, sub, path)

    for file in sorted(FORMS.glob("*-schema.json")):
        yield from walk(file.name, json.loads(file.read_text(encoding="utf-8")), "")


FIELDS = list(production_fields())
CHOSEN = ("enum", "const", "oneOf", "anyOf", "format", "pattern")


def test_every_free_text_of_every_form_is_capped():
    uncapped = [(form, path) for form, path, s in FIELDS
                if s.get("type") == "string" and not any(k in s for k in CHOSEN) and "maxLength" not in s]
    assert FIELDS and uncapped == []


def test_every_date_of_every_form_is_bounded_and_births_and_meldingen_lie_in_the_past():
    dates = [(form, path, s) for form, path, s in FIELDS if s.get("format") == "date"]
    assert dates and [(f, p) for f, p, s in dates if s.get("x-niet-voor") != "1900-01-01"] == []
    past = {p.rsplit(".", 1)[-1] for f, p, s in dates if s.get("x-niet-in-de-toekomst")}
    assert {"geboortedatum", "melding_datum", "melding_uitgevoerd_op"} <= past


def test_the_avg_postponement_of_the_melding_is_at_most_a_year_ahead():
    schema = json.loads((FORMS / "melding_aan_persoon-schema.json").read_text(encoding="utf-8"))
    postponed = {"melding_besluit": "uitstellen", "melding_avg_grond": "openbare_veiligheid",
                 "melding_avg_toelichting": "Lopend onderzoek"}
    assert field_errors(schema, {**postponed, "melding_uitstel_tot": "2028-01-04"}, TODAY) == {}
    assert field_errors(schema, {**postponed, "melding_uitstel_tot": "2028-01-05"}, TODAY) == {
        "melding_uitstel_tot": "De datum mag hoogstens 1 jaar na vandaag liggen."}
