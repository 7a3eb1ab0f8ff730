"""Closed forms: a submission may hold only the fields its form declares, branches included."""
import pytest

from engine.process_models.declared_fields import UNKNOWN, undeclared_fields

PERSON = {"type": "object", "properties": {"naam": {"type": "string"}, "adres": {"$ref": "#/$defs/adres"}}}
SCHEMA = {
    "type": "object",
    "$defs": {"adres": {"type": "object", "properties": {"straat": {"type": "string"}}}},
    "properties": {
        "persoon": PERSON,
        "besluit": {"enum": ["ja", "nee"]},
        "partners": {"type": "array", "items": {"type": "object", "properties": {"organisatie": {"type": "string"}}}},
    },
    "if": {"properties": {"besluit": {"const": "nee"}}},
    "then": {"properties": {"reden": {"type": "string"}}},
    "allOf": [{"properties": {"toelichting": {"type": "string"}}}],
    "dependentSchemas": {"besluit": {"properties": {"datum": {"type": "string"}}}},
}


@pytest.mark.parametrize("data", [
    {"persoon": {"naam": "A", "adres": {"straat": "Dorpsstraat 1"}}, "besluit": "nee", "reden": "x"},
    {"toelichting": "uit allOf", "datum": "uit dependentSchemas"},
    {"partners": [{"organisatie": "GGNet"}, {"organisatie": "Politie"}]},
    {},
])
def test_declared_fields_and_those_of_conditional_branches_are_accepted(data):
    assert undeclared_fields(SCHEMA, data) == {}


def test_each_undeclared_field_is_named_at_its_path():
    data = {"duo": {"casemanager_zorg": {"id": "ik"}}, "persoon": {"naam": "A", "bsn_extra": "1",
            "adres": {"straat": "x", "huisnummer": 1}}, "partners": [{"organisatie": "x"}, {"rol": "y"}]}
    assert undeclared_fields(SCHEMA, data) == {
        "duo": UNKNOWN, "persoon.bsn_extra": UNKNOWN, "persoon.adres.huisnummer": UNKNOWN, "partners.1.rol": UNKNOWN}


def test_a_form_that_declares_nothing_accepts_nothing():
    assert undeclared_fields({}, {"duo": {}}) == {"duo": UNKNOWN}
    assert undeclared_fields({"type": "object"}, {"regio": "gelderland_zuid"}) == {"regio": UNKNOWN}


@pytest.mark.parametrize("opening", [{"additionalProperties": True}, {"additionalProperties": {"type": "string"}},
                                     {"patternProperties": {"^x_": {}}}, {"unevaluatedProperties": True}])
def test_a_schema_that_opens_itself_explicitly_keeps_its_extra_fields(opening):
    assert undeclared_fields({"type": "object", "properties": {"a": {}}, **opening}, {"a": 1, "x_b": "2"}) == {}


def test_a_reference_cycle_does_not_hang():
    schema = {"$defs": {"node": {"properties": {"kind": {"$ref": "#/$defs/node"}}}}, "$ref": "#/$defs/node"}
    assert undeclared_fields(schema, {"kind": {"kind": {"ander": 1}}}) == {"kind.kind.ander": UNKNOWN}
