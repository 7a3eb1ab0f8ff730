"""The Adviestafel sees a pseudonym and anonymous texts only; leaks are refused, not passed on."""
import json

import pytest

from handlers import HandlerContext, HandlerError
from handlers.memory_ports import StaticKey
from handlers.pseudonimisering import pseudoniem, pseudonimiseren

PERSOON = {"naam": "Piet van der Berg", "bsn": "123456782", "geboortedatum": "1985-03-07",
           "adres": "Dorpsstraat 1, Arnhem", "telefoon": "06-12345678"}
ANONIEM = "Man van rond de veertig met een psychotische stoornis en herhaald dreigend gedrag richting buren."


def dossier(ctx, **overrides):
    params = dict(casus_id="C-1", persoon=PERSOON, casusbeschrijving=ANONIEM, regio="gelderland_midden",
                  problematiek="psychische_stoornis", hulpvraag="Is inclusie passend?",
                  partnerbijdragen=[{"organisatie": "Politie", "informatie": "Drie meldingen overlast.", "ontvangen_op": "2027-04-21"}])
    params.update(overrides)
    return pseudonimiseren(ctx, **params)


def test_dossier_holds_no_personal_data(ctx):
    text = json.dumps(dossier(ctx))
    for value in PERSOON.values():
        assert value not in text
    assert "Drie meldingen overlast." in text


def test_pseudonym_is_stable_per_casus_and_differs_between_casussen(ctx):
    assert dossier(ctx)["pseudoniem"] == dossier(ctx)["pseudoniem"]
    assert pseudoniem(ctx, "C-1") != pseudoniem(ctx, "C-2")
    other_key = HandlerContext(now=ctx.now, ports={**ctx.ports, "pseudoniem_sleutel": StaticKey(b"andere sleutel")})
    assert pseudoniem(ctx, "C-1") != pseudoniem(other_key, "C-1")
    assert "C-1" not in pseudoniem(ctx, "C-1")


@pytest.mark.parametrize("tekst, gevonden", [
    ("De heer Berg bedreigt buren.", "naam"),
    ("Piet bedreigt buren.", "naam"),
    ("BSN 1234.56.782 is bekend bij de gemeente.", "BSN"),
    ("Geboren op 07-03-1985 in Arnhem.", "geboortedatum"),
    ("Geboren 7 maart 1985.", "geboortedatum"),
    ("Geboortedatum 7/3/1985.", "geboortedatum"),
    ("Geboortedatum 1985-03-07.", "geboortedatum"),
])
def test_refuses_identifying_description(ctx, tekst, gevonden):
    with pytest.raises(HandlerError, match=f"casusbeschrijving bevat nog {gevonden}"):
        dossier(ctx, casusbeschrijving=tekst)


def test_name_parts_match_whole_words_only(ctx):
    """'Bergen' is a place, not the surname 'Berg'; tussenvoegsels alone are no name."""
    assert dossier(ctx, casusbeschrijving="Verbleef in Bergen op Zoom, van de straat gehaald.")["casusbeschrijving"]


def test_refuses_identifying_partner_information(ctx):
    with pytest.raises(HandlerError, match="informatie van Politie bevat nog naam"):
        dossier(ctx, partnerbijdragen=[{"organisatie": "Politie", "informatie": "Piet is bekend."}])


def test_refuses_without_key_or_description(ctx):
    with pytest.raises(HandlerError, match="leeg"):
        dossier(ctx, casusbeschrijving="  ")
    with pytest.raises(HandlerError, match="sleutel"):
        dossier(HandlerContext(now=ctx.now))
