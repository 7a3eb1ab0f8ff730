"""Overdracht: when a stay elsewhere has lasted long enough to consider a warm handover."""
from handlers.config import OVERDRACHT_MAANDEN
from handlers.context import HandlerContext
from handlers.werkdagen import lees_datum, maanden_erbij, tijdstip, volgende_werkdag


def overdracht_beoordelen_per(ctx: HandlerContext, startdatum) -> str:
    """ISO datetime, OVERDRACHT_MAANDEN after the start of the stay elsewhere, on a business day."""
    start = lees_datum(startdatum, "startdatum")
    return tijdstip(volgende_werkdag(maanden_erbij(start, OVERDRACHT_MAANDEN)))
