"""Escalation deadlines in business days, all durations from handlers.config.ESCALATIE_WERKDAGEN.

A process computes its deadlines once (a service task) and points its timers at the result, e.g.
``cyclus_termijnen["plan_procesregisseur"]``.
"""
from handlers.config import ESCALATIE_WERKDAGEN
from handlers.context import HandlerContext, HandlerError
from handlers.werkdagen import lees_datum, lokale_datum, tijdstip, volgende_werkdag, werkdagen_erbij


def escalatie_termijnen(ctx: HandlerContext, soorten, vanaf=None) -> dict:
    """Deadlines for each kind in ``soorten``, counted from ``vanaf`` (a date) or today.

    The result also holds ``vanaf``: the start moment itself, moved to a business day, so a
    postponed task can become due on it.
    """
    if isinstance(soorten, str) or not soorten:
        raise HandlerError("Geef een lijst met soorten termijnen op.")
    unknown = [s for s in soorten if s not in ESCALATIE_WERKDAGEN]
    if unknown:
        raise HandlerError(f"Onbekende termijnsoort(en): {', '.join(map(str, unknown))}")
    start = lees_datum(vanaf, "vanaf") if vanaf else lokale_datum(ctx.now)
    result = {"vanaf": tijdstip(volgende_werkdag(start))}
    for soort in soorten:
        result[soort] = tijdstip(werkdagen_erbij(start, ESCALATIE_WERKDAGEN[soort]))
    return result
