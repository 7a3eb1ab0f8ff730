"""The Adviestafel's dossier: a stable pseudonym per casus and no directly identifying data.

Refuses when a free text still names the person, their BSN or their birth date, so a careless
description never reaches the Adviestafel.
"""
import base64
import hashlib
import hmac
import re
from datetime import date

from handlers.context import HandlerContext, HandlerError
from handlers.ports import PSEUDONIEM_SLEUTEL, VERWIJZING
from handlers.werkdagen import lees_datum

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"]
TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ten", "ter", "te", "la", "le", "du", "op", "in", "'t"}


def pseudoniem(ctx: HandlerContext, casus_id: str) -> str:
    """HMAC-SHA256 of the casus id under the engine's key: same casus, same pseudonym."""
    key = ctx.port(PSEUDONIEM_SLEUTEL, "De sleutel voor pseudonimisering").key()
    digest = hmac.new(key, str(casus_id).encode(), hashlib.sha256).digest()
    return "LL-" + base64.b32encode(digest).decode()[:10]


def _date_notations(day: date) -> list[str]:
    d, m, y = day.day, day.month, day.year
    numeric = [f"{y}-{m:02d}-{d:02d}"]
    for sep in "-/.":
        numeric += [f"{d:02d}{sep}{m:02d}{sep}{y}", f"{d}{sep}{m}{sep}{y}", f"{d:02d}{sep}{m:02d}{sep}{y % 100:02d}",
                    f"{d}{sep}{m}{sep}{y % 100:02d}"]
    return numeric + [f"{d} {MAANDEN[m - 1]} {y}", f"{d} {MAANDEN[m - 1][:3]} {y}"]


def _name_parts(naam: str) -> list[str]:
    return [p for p in re.split(r"[\s\-]+", naam.strip()) if len(p) >= 3 and p.lower() not in TUSSENVOEGSELS]


def identifying_findings(text: str, persoon: dict) -> list[str]:
    """What in ``text`` still identifies the person: 'naam', 'BSN', 'geboortedatum'."""
    lowered = text.lower()
    found = []
    naam = str(persoon.get("naam") or "")
    if naam and any(re.search(rf"\b{re.escape(p.lower())}\b", lowered) for p in _name_parts(naam)):
        found.append("naam")
    bsn = re.sub(r"\D", "", str(persoon.get("bsn") or ""))
    if bsn and bsn in re.sub(r"[\s.\-]", "", text):
        found.append("BSN")
    geboren = persoon.get("geboortedatum")
    if geboren:
        day = lees_datum(geboren, "geboortedatum")
        if any(re.search(rf"(?<!\d){re.escape(n)}(?!\d)", lowered) for n in _date_notations(day)):
            found.append("geboortedatum")
    return found


def _finding(label: str, text: str, persoon: dict) -> str | None:
    """Why ``text`` may not go to the Adviestafel (it names no value, only what kind of data), or None."""
    found = identifying_findings(text or "", persoon)
    if not found:
        return None
    return (f"{label} bevat nog {' en '.join(found)} van de persoon; "
            "maak de tekst anoniem voordat het dossier naar de Adviestafel gaat.")


def _check(label: str, text: str, persoon: dict) -> None:
    if message := _finding(label, text, persoon):
        raise HandlerError(message, shareable=True)


#: The dossier form's free texts, as the service task below names them when it refuses one.
DOSSIER_TEKSTEN = {"casusbeschrijving_anoniem": "De casusbeschrijving",
                   "adviestafel_vraag": "De hulpvraag aan de Adviestafel"}


def anoniem_dossier(ctx: HandlerContext, ingevuld: dict, gegevens: dict) -> dict[str, str]:
    """Form check of 'Anoniem dossier opstellen': the same rule as ``pseudonimiseren``, at the field, so a
    text that still identifies the person is refused while the worker can still change it."""
    persoon = gegevens.get("persoon") if isinstance(gegevens.get("persoon"), dict) else {}
    found = {veld: _finding(label, str(ingevuld.get(veld) or ""), persoon) for veld, label in DOSSIER_TEKSTEN.items()}
    return {veld: message for veld, message in found.items() if message}


def pseudonimiseren(ctx: HandlerContext, casus_id, persoon, casusbeschrijving, regio=None, problematiek=None,
                    hulpvraag=None, partnerbijdragen=None) -> dict:
    """The dossier the Adviestafel sees: pseudonym, region, problem, anonymous texts only."""
    if not isinstance(persoon, dict):
        raise HandlerError("Persoonsgegevens ontbreken; pseudonimiseren is niet mogelijk.", shareable=True)
    if not (casusbeschrijving or "").strip():
        raise HandlerError("De anonieme casusbeschrijving is leeg.", shareable=True)
    _check(DOSSIER_TEKSTEN["casusbeschrijving_anoniem"], casusbeschrijving, persoon)
    _check(DOSSIER_TEKSTEN["adviestafel_vraag"], hulpvraag or "", persoon)
    bijdragen = []
    for item in partnerbijdragen or []:
        item = item or {}
        _check(f"De informatie van {item.get('organisatie', 'een partner')}", item.get("informatie", ""), persoon)
        bijdragen.append({"organisatie": item.get("organisatie"), "informatie": item.get("informatie", "")})
    dossier = {
        "pseudoniem": pseudoniem(ctx, casus_id),
        "regio": regio,
        "problematiek": problematiek,
        "casusbeschrijving": casusbeschrijving,
        "hulpvraag": hulpvraag,
        "partnerbijdragen": bijdragen,
    }
    ctx.port(VERWIJZING, "Het verwijzingsregister").refer()
    return dossier
