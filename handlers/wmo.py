"""Wmo traject (seed 004): when a beschikking ends and when the sociaal team next keeps in touch.

The durations come from the decision ``wmo_duur_beschikking``; these handlers only put them on the
calendar, on business days. The next moment is one date — a contact, or the end of the beschikking
when that comes first — so the traject waits on one timer (SpiffWorkflow keeps one timer value per
waiting task, so two timers behind one event-based gateway would share it).
"""
from handlers.context import HandlerContext, HandlerError
from handlers.werkdagen import lees_datum, lokale_datum, maanden_erbij, tijdstip, volgende_werkdag


def _maanden(value, veld: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise HandlerError(f"'{veld}' moet een positief aantal maanden zijn, maar is {value!r}.")
    return value


def wmo_termijnen(ctx: HandlerContext, ingangsdatum, duur_maanden, contact_maanden) -> dict:
    """The end of the beschikking (a business day) and the months between contacts with the sociaal team."""
    ingang = lees_datum(ingangsdatum, "ingangsdatum")
    einde = volgende_werkdag(maanden_erbij(ingang, _maanden(duur_maanden, "duur_maanden")))
    return {"einde_beschikking": tijdstip(einde),
            "contact_maanden": _maanden(contact_maanden, "contact_sociaal_team_maanden")}


def wmo_volgend_moment(ctx: HandlerContext, termijnen) -> dict:
    """The next contact, ``contact_maanden`` from today on a business day, unless the beschikking ends first."""
    if not isinstance(termijnen, dict) or "einde_beschikking" not in termijnen:
        raise HandlerError("De termijnen van de beschikking ontbreken.")
    contact = volgende_werkdag(maanden_erbij(lokale_datum(ctx.now), _maanden(termijnen.get("contact_maanden"),
                                                                             "contact_maanden")))
    einde = lees_datum(termijnen["einde_beschikking"], "einde_beschikking")
    if contact >= einde:
        return {"op": termijnen["einde_beschikking"], "soort": "einde_beschikking"}
    return {"op": tijdstip(contact), "soort": "contact"}
