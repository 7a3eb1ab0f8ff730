"""Klinische opschaling: only with a medische indicatie signed by casemanager zorg AND regiebehandelaar.

Seeds 000/001: "voor opschaling in de behandeling, naar bijvoorbeeld een klinisch verblijf is
altijd een medische indicatie (af te geven door casemanager zorg icm regiebehandelaar) noodzakelijk".
"""
from handlers.context import HandlerContext, HandlerError

VEREIST = {"casemanager_zorg": "de casemanager zorg", "regiebehandelaar": "de regiebehandelaar"}


def klinische_opschaling_toetsen(ctx: HandlerContext, indicatie, ondertekeningen) -> dict:
    """Approve when the indication is written and both roles signed it, by two different people.

    A signature is ``{"rol", "naam", "datum", "akkoord"}``.
    """
    if not str(indicatie or "").strip():
        raise HandlerError("Klinische opschaling geweigerd: er is geen medische indicatie.", shareable=True)
    signed = {}
    for sig in ondertekeningen or []:
        if isinstance(sig, dict) and sig.get("akkoord") is True and str(sig.get("naam") or "").strip():
            signed.setdefault(sig.get("rol"), sig)
    missing = [label for rol, label in VEREIST.items() if rol not in signed]
    if missing:
        raise HandlerError("Klinische opschaling geweigerd: de medische indicatie is niet ondertekend door "
                           + " en ".join(missing) + ".", shareable=True)
    names = {signed[rol]["naam"].strip().lower() for rol in VEREIST}
    if len(names) < len(VEREIST):
        raise HandlerError("Klinische opschaling geweigerd: casemanager zorg en regiebehandelaar moeten "
                           "twee verschillende personen zijn.", shareable=True)
    return {"toegestaan": True, "indicatie": indicatie,
            "ondertekend_door": [{"rol": rol, "naam": signed[rol]["naam"], "datum": signed[rol].get("datum")}
                                 for rol in VEREIST]}
