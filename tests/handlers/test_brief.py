"""The assignment letter follows seed 001, addresses the duo and is byte-for-byte repeatable."""
import base64
from datetime import datetime, timezone

import pytest

from handlers import HandlerContext, HandlerError
from handlers.brief import toewijzingsbrief

DUO = {"casemanager_zorg": {"naam": "Anna <Jansen>", "organisatie": "Pro Persona"},
       "casusregisseur_gemeente": {"naam": "Carla Smit", "organisatie": "Gemeente Arnhem"}}


def letter(now=datetime(2027, 4, 20, 8, tzinfo=timezone.utc), **overrides):
    params = dict(casus_id="C/1", duo=DUO, regio="gelderland_midden", pseudoniem="LL-ABC")
    params.update(overrides)
    return toewijzingsbrief(HandlerContext(now=now), **params)


def test_html_addresses_the_duo_with_seed_text():
    html = letter()["html"]
    assert "Anna &lt;Jansen&gt; (Pro Persona)" in html
    assert "Carla Smit (Gemeente Arnhem)" in html
    assert "Zorg- en Veiligheidshuis Gelderland-Midden" in html
    assert "we laten niet los" in html
    assert "20-04-2027" in html


def test_pdf_is_deterministic_and_dated_by_the_engine_clock():
    first, second = letter(), letter()
    assert first["pdf_base64"] == second["pdf_base64"]
    pdf = base64.b64decode(first["pdf_base64"])
    assert pdf.startswith(b"%PDF")
    assert b"D:20270420" in pdf
    assert letter(now=datetime(2028, 1, 2, tzinfo=timezone.utc))["pdf_base64"] != first["pdf_base64"]
    assert first["filename"] == "toewijzingsbrief-C_1.pdf"


def test_refuses_incomplete_input():
    with pytest.raises(HandlerError, match="volledig duo"):
        letter(duo={"casemanager_zorg": DUO["casemanager_zorg"]})
    with pytest.raises(HandlerError, match="Onbekende regio"):
        letter(regio="elders")
