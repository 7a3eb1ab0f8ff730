"""Casusregie gezin (seed 003): which professionals must be contacted while mapping the family.

"Bij jongere kinderen onder de 4 wordt standaard de JGz betrokken (consultatiebureau). Bij oudere
kinderen wordt de school altijd betrokken. Indien er regelmatig contacten vanuit het gezin met de
huisarts zijn, wordt deze gecontacteerd."
"""
from handlers.config import JGZ_TOT_LEEFTIJD
from handlers.context import HandlerContext, HandlerError
from handlers.werkdagen import lees_datum, lokale_datum

PROFESSIONALS = {"jgz": "de JGZ (consultatiebureau)", "school": "de school", "huisarts": "de huisarts"}


def _leeftijd(geboortedatum, peildatum) -> int:
    born = lees_datum(geboortedatum, "geboortedatum")
    if born > peildatum:
        raise HandlerError(f"De geboortedatum {born.isoformat()} ligt in de toekomst.")
    return peildatum.year - born.year - ((peildatum.month, peildatum.day) < (born.month, born.day))


def gezin_professionals(ctx: HandlerContext, kinderen, huisarts_regelmatig_contact, professionals, eerder) -> dict:
    """The professionals the seed requires for this family, those contacted so far and those still missing."""
    peildatum = lokale_datum(ctx.now)
    verplicht = set()
    for kind in kinderen or []:
        verplicht.add("jgz" if _leeftijd(kind.get("geboortedatum"), peildatum) < JGZ_TOT_LEEFTIJD else "school")
    if huisarts_regelmatig_contact:
        verplicht.add("huisarts")
    gecontacteerd = [*(eerder or []), *(professionals or [])]
    soorten = {p.get("soort") for p in gecontacteerd if isinstance(p, dict) and p.get("gecontacteerd_op")}
    ontbrekend = [soort for soort in PROFESSIONALS if soort in verplicht - soorten]
    return {"verplicht": [soort for soort in PROFESSIONALS if soort in verplicht], "gecontacteerd": gecontacteerd,
            "ontbrekend": ontbrekend, "ontbrekend_tekst": ", ".join(PROFESSIONALS[s] for s in ontbrekend)}
