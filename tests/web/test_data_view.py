"""The data view a worker reads: labels from the forms that wrote the values, Dutch values, sections by
task, no names the engine keeps for itself, documents as documents (never their markup)."""
from api.web.data_view import OTHER, Context, Document, sections
from handlers.config import REGIO_NAAM

AANMELDING = {"type": "object", "properties": {
    "persoon": {"type": "object", "title": "Persoon", "properties": {
        "naam": {"type": "string", "title": "Naam"},
        "geboortedatum": {"type": "string", "format": "date", "title": "Geboortedatum"}}},
    "stoornis": {"type": "string", "title": "Oorzaak", "oneOf": [
        {"const": "psychische_stoornis", "title": "Psychische stoornis"},
        {"const": "beide", "title": "Psychische stoornis en verstandelijke beperking"}]},
    "strafrechtelijke_titel": {"type": "boolean", "title": "Heeft de persoon een strafrechtelijke titel?"},
    "partners": {"type": "array", "title": "Betrokken partners", "items": {
        "type": "object", "properties": {"organisatie": {"type": "string", "title": "Organisatie"}}}}},
    "if": {"properties": {"strafrechtelijke_titel": {"const": True}}},
    "then": {"properties": {"titel_omschrijving": {"type": "string", "title": "Welke titel?"}}}}
BESLUIT = {"type": "object", "properties": {
    "besluit": {"type": "string", "title": "Besluit", "enum": ["nader_onderzoek", "afwijzen"]},
    "gemeente": {"type": "string", "title": "Gemeente (besluit)"}}}
CONTEXT = Context(forms=[("Aanmelding invullen", AANMELDING), ("Besluit vastleggen", BESLUIT)],
                  people={"cm_anna": "Anna Jansen"}, regions=REGIO_NAAM)


def fields_of(section) -> dict[str, str]:
    return {f.label: f.text for f in section.fields}


def by_title(found) -> dict:
    return {s.title: s for s in found}


def test_sections_follow_the_forms_in_flow_order_with_the_rest_last():
    found = sections({"besluit": "afwijzen", "stoornis": "beide", "iets_anders": "x"}, CONTEXT)
    assert [s.title for s in found] == ["Aanmelding invullen", "Besluit vastleggen", OTHER]


def test_labels_come_from_the_form_that_wrote_the_value_else_a_humanised_key():
    found = by_title(sections({"stoornis": "beide", "titel_omschrijving": "TBS", "risicotaxatie_datum": "2026-01-31"},
                              CONTEXT))
    assert fields_of(found["Aanmelding invullen"]) == {
        "Oorzaak": "Psychische stoornis en verstandelijke beperking",  # the choice's title, not its code
        "Welke titel?": "TBS"}                                           # declared in a conditional branch
    assert fields_of(found[OTHER]) == {"Risicotaxatie datum": "31-01-2026"}


def test_values_read_in_dutch():
    data = {"strafrechtelijke_titel": False, "besluit": "nader_onderzoek",
            "gemaakt_op": "2026-07-01T07:30:00+00:00", "gepland": "2027-06-01T09:00", "door": "cm_anna",
            "herkomst": "gelderland_zuid", "leeg": None, "score": 2.5, "tags": ["a", "b"]}
    found = by_title(sections(data, CONTEXT))
    assert fields_of(found["Aanmelding invullen"]) == {"Heeft de persoon een strafrechtelijke titel?": "Nee"}
    assert fields_of(found["Besluit vastleggen"]) == {"Besluit": "Nader onderzoek"}
    assert fields_of(found[OTHER]) == {
        "Gemaakt op": "01-07-2026 09:30",  # UTC, shown in Dutch summer time
        "Gepland": "01-06-2027 09:00",     # no offset: already Dutch wall-clock time
        "Door": "Anna Jansen", "Herkomst": "Gelderland-Zuid", "Leeg": "—", "Score": "2,5", "Tags": "a, b"}


def test_nested_objects_and_lists_of_objects_are_sections_not_dumps():
    data = {"persoon": {"naam": "Henk", "geboortedatum": "1968-08-21"},
            "partners": [{"organisatie": "GGNet"}, {"organisatie": "Politie"}],
            "voorstel": {"casemanager": {"id": "cm_anna", "naam": "Anna Jansen", "regio": "gelderland_zuid"}}}
    found = by_title(sections(data, CONTEXT))
    aanmelding = found["Aanmelding invullen"]
    nested = {s.title: fields_of(s) for s in aanmelding.sections}
    assert nested == {"Persoon": {"Naam": "Henk", "Geboortedatum": "21-08-1968"},
                      "Betrokken partners 1": {"Organisatie": "GGNet"},
                      "Betrokken partners 2": {"Organisatie": "Politie"}}
    casemanager = found[OTHER].sections[0].sections[0]
    assert fields_of(casemanager) == {"Naam": "Anna Jansen", "Regio": "Gelderland-Zuid"}  # no id beside the name


def test_names_the_engine_keeps_for_itself_are_not_shown():
    data = {"casus_id": "c1", "regio": "gelderland_zuid", "duo": {"casemanager_zorg": {"naam": "A"}},
            "adviestafel_dossier": {"pseudoniem": "LL-1"}, "_intern": 1, "stoornis": "beide",
            "persoon": {"naam": "Henk", "_hulp": "x"}}
    found = sections(data, CONTEXT)
    shown = [f.label for s in found for f in s.fields] + [sub.title for s in found for sub in s.sections]
    assert shown == ["Oorzaak", "Persoon"]
    assert fields_of(found[0].sections[0]) == {"Naam": "Henk"}


def test_a_document_is_a_document_and_its_markup_is_no_value():
    letter = {"html": "<h1>Brief</h1><script>alert(1)</script>", "pdf_base64": "JVBERi0=", "filename": "brief.pdf"}
    found = sections({"toewijzingsbrief": letter, "concept": {"html": "<p>x</p>", "filename": "c.html"}}, CONTEXT)
    (other,) = found
    assert other.documents == [Document("concept", "Concept", has_pdf=False),
                               Document("toewijzingsbrief", "Toewijzingsbrief", has_pdf=True)]
    assert other.fields == [] and other.sections == []
