"""When the next risicotaxatie is due: interval by last outcome, moved to a business day."""
from handlers.config import RISICOTAXATIE_INTERVAL_MAANDEN
from handlers.context import HandlerContext, HandlerError
from handlers.werkdagen import lees_datum, lokale_datum, maanden_erbij, tijdstip, volgende_werkdag


def risicotaxatie_volgende_datum(ctx: HandlerContext, laatste_datum, uitkomst) -> str:
    """ISO datetime on which the next risicotaxatie is due."""
    if uitkomst not in RISICOTAXATIE_INTERVAL_MAANDEN:
        toegestaan = ", ".join(RISICOTAXATIE_INTERVAL_MAANDEN)
        raise HandlerError(f"Onbekende uitkomst van de risicotaxatie '{uitkomst}' (toegestaan: {toegestaan}).")
    laatste = lees_datum(laatste_datum, "laatste_datum")
    if laatste > lokale_datum(ctx.now):
        raise HandlerError(f"De datum van de laatste risicotaxatie ({laatste.isoformat()}) ligt in de toekomst.")
    due = maanden_erbij(laatste, RISICOTAXATIE_INTERVAL_MAANDEN[uitkomst])
    return tijdstip(volgende_werkdag(due))
