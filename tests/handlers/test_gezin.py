"""Which professionals casusregie gezin must contact (seed 003): JGZ under 4, school from 4, huisarts on regular contact."""
import pytest

from handlers import HandlerError
from handlers.gezin import gezin_professionals

# the context's clock: 20 April 2027


def contacted(soort: str, op: str | None = "2027-04-21") -> dict:
    return {"soort": soort, "naam": "J. Visser", "organisatie": "X", "gecontacteerd_op": op}


@pytest.mark.parametrize("geboortedatum, vereist", [
    ("2023-04-21", ["jgz"]),     # 3 years old, 4 tomorrow
    ("2023-04-20", ["school"]),  # 4 today
    ("2015-01-01", ["school"]),
])
def test_jgz_under_four_school_from_four(ctx, geboortedatum, vereist):
    result = gezin_professionals(ctx, [{"geboortedatum": geboortedatum}], False, [], [])
    assert result["verplicht"] == result["ontbrekend"] == vereist


def test_huisarts_only_with_regular_contact_and_earlier_contacts_count(ctx):
    kinderen = [{"geboortedatum": "2025-01-01"}, {"geboortedatum": "2016-01-01"}]
    first = gezin_professionals(ctx, kinderen, True, [contacted("jgz"), contacted("school", op=None)], [])
    assert (first["verplicht"], first["ontbrekend"]) == (["jgz", "school", "huisarts"], ["school", "huisarts"])
    assert first["ontbrekend_tekst"] == "de school, de huisarts"
    second = gezin_professionals(ctx, kinderen, True, [contacted("school"), contacted("huisarts")], first["gecontacteerd"])
    assert second["ontbrekend"] == [] and len(second["gecontacteerd"]) == 4


def test_a_birth_date_in_the_future_is_refused(ctx):
    with pytest.raises(HandlerError, match="toekomst"):
        gezin_professionals(ctx, [{"geboortedatum": "2027-05-01"}], False, [], [])
