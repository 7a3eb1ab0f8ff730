"""Klinische opschaling needs a medische indicatie signed by casemanager zorg and regiebehandelaar."""
import pytest

from handlers import HandlerError
from handlers.klinisch import klinische_opschaling_toetsen

CM = {"rol": "casemanager_zorg", "naam": "Anna Jansen", "datum": "2027-05-20", "akkoord": True}
RB = {"rol": "regiebehandelaar", "naam": "Dr. Visser", "datum": "2027-05-20", "akkoord": True}


def test_allowed_with_both_signatures(ctx):
    result = klinische_opschaling_toetsen(ctx, "Acute psychotische decompensatie", [CM, RB])
    assert result["toegestaan"] is True
    assert [s["rol"] for s in result["ondertekend_door"]] == ["casemanager_zorg", "regiebehandelaar"]


@pytest.mark.parametrize("indicatie, ondertekeningen, message", [
    ("", [CM, RB], "geen medische indicatie"),
    ("Indicatie", [CM], "niet ondertekend door de regiebehandelaar"),
    ("Indicatie", [], "de casemanager zorg en de regiebehandelaar"),
    ("Indicatie", [CM, {**RB, "akkoord": False}], "regiebehandelaar"),
    ("Indicatie", [CM, {**RB, "naam": " "}], "regiebehandelaar"),
    ("Indicatie", [CM, {**RB, "naam": "anna jansen"}], "twee verschillende personen"),
])
def test_refused_without_a_complete_indication(ctx, indicatie, ondertekeningen, message):
    with pytest.raises(HandlerError, match=message):
        klinische_opschaling_toetsen(ctx, indicatie, ondertekeningen)
