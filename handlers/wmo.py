"""Wmo traject (seed 004): when a beschikking ends and how often the sociaal team keeps in touch.

The durations come from the decision ``wmo_duur_beschikking``; this handler only turns them into
moments on the calendar, so the timers of the traject have a business day to fall on.
"""
from handlers.context import HandlerContext, HandlerError
from handlers.werkdagen import lees_datum, maanden_erbij, tijdstip, volgende_werkdag


def _maanden(value, veld: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise HandlerError(f"'{veld}' moet een positief aantal maanden zijn, maar is {value!r}.")
    return value


def wmo_termijnen(ctx: HandlerContext, ingangsdatum, duur_maanden, contact_maanden) -> dict:
    """End of the beschikking (a business day) and the interval of the periodic contact (ISO 8601)."""
    ingang = lees_datum(ingangsdatum, "ingangsdatum")
    einde = volgende_werkdag(maanden_erbij(ingang, _maanden(duur_maanden, "duur_maanden")))
    return {"einde_beschikking": tijdstip(einde),
            "contact_interval": f"P{_maanden(contact_maanden, 'contact_sociaal_team_maanden')}M"}
