"""Field titles in the error summary, looked up in the form's JSON Schema."""
import pytest

from api.web.form_errors import anchor_of, summary, title_of

SCHEMA = {"type": "object", "properties": {
    "persoon": {"type": "object", "title": "Persoon", "properties": {"bsn": {"type": "string", "title": "BSN"}}},
    "partners": {"type": "array", "title": "Betrokken partners",
                 "items": {"type": "object", "title": "Partner",
                           "properties": {"organisatie": {"type": "string", "title": "Organisatie"}}}},
    "zonder_titel": {"type": "string"},
}, "if": {"properties": {"zonder_titel": {"const": "uitstel"}}},
   "then": {"properties": {"uitstel_tot": {"type": "string", "title": "Uitgesteld tot"}}}}


@pytest.mark.parametrize("path, title", [
    ("persoon.bsn", "Persoon › BSN"),
    ("partners", "Betrokken partners"),
    ("partners.1.organisatie", "Betrokken partners › Partner 2 › Organisatie"),
    ("zonder_titel", "zonder_titel"),
    ("onbekend_veld", "onbekend_veld"),
    ("uitstel_tot", "Uitgesteld tot"),  # a field of a conditional branch, by its title too
    ("_", "Formulier"),
])
def test_title_of_a_field_path(path, title):
    assert title_of(SCHEMA, path) == title


def test_summary_follows_the_form_order_and_links_to_fields():
    found = summary(SCHEMA, {"zonder_titel": "Te kort.", "partners": "Te weinig items.",
                             "persoon.bsn": "Een BSN bestaat uit 9 cijfers.", "_": "Verwacht een object."})
    assert [(p["title"], p["anchor"]) for p in found] == [
        ("Formulier", "veld-_"), ("Persoon › BSN", "veld-persoon-bsn"), ("Betrokken partners", "veld-partners"),
        ("zonder_titel", "veld-zonder_titel")]
    assert anchor_of("partners.0.organisatie") == "veld-partners-0-organisatie"
