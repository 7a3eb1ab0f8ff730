"""The seven signals a worker can report on a casus, and the message each one sends."""
from datetime import date

from engine.errors import Invalid

SIGNALS = {
    "signaal_zorg": "Signaal uit het zorgdomein",
    "signaal_gemeente": "Signaal van de gemeente",
    "detentie": "Detentie",
    "klinische_opname": "Klinische opname",
    "niet_verschenen": "Niet verschenen op afspraak",
    "verblijf_elders": "Verblijf elders (buiten de regio)",
    "terugkeer": "Terugkeer in de regio",
}
NEEDS_DATE = {"verblijf_elders"}  # the overdracht process counts three months from this date


def message(form) -> tuple[str, dict]:
    """(message name, payload) from the signal form; Invalid with the fields in Dutch otherwise."""
    name, text, since = form.get("signaal", ""), form.get("omschrijving", "").strip(), form.get("sinds", "").strip()
    errors = {}
    if name not in SIGNALS:
        errors["signaal"] = "Kies een signaal."
    if not text:
        errors["omschrijving"] = "Beschrijf kort wat er is gebeurd."
    if name in NEEDS_DATE and not since:
        errors["sinds"] = "Vul in sinds wanneer (verplicht bij verblijf elders)."
    elif since and not _is_date(since):
        errors["sinds"] = "Vul een datum in als jjjj-mm-dd."
    if errors:
        raise Invalid("Het signaal is niet verstuurd.", errors)
    payload = {"omschrijving": text}
    if since:
        payload["startdatum"] = since
    return name, payload


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
