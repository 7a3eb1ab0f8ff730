"""Secured beds (beveiligde bedden): availability per organisation and reservations within capacity."""
from handlers.config import BEDDEN
from handlers.context import HandlerContext, HandlerError
from handlers.ports import BEDDEN as BEDDEN_PORT


def _register(ctx: HandlerContext):
    return ctx.port(BEDDEN_PORT, "Het beddenregister")


def bedden_beschikbaarheid(ctx: HandlerContext) -> dict:
    """Per organisation: name, capacity, reserved and free beds."""
    register = _register(ctx)
    result = {}
    for code, org in BEDDEN.items():
        bezet = register.active_reservations(code)
        result[code] = {"naam": org["naam"], "capaciteit": org["capaciteit"], "bezet": bezet,
                        "beschikbaar": max(0, org["capaciteit"] - bezet)}
    return result


def bed_reserveren(ctx: HandlerContext, organisatie, casus_id, datum) -> dict:
    """Reserve one bed; refused when the organisation is unknown or full."""
    if organisatie not in BEDDEN:
        raise HandlerError(f"Onbekende organisatie voor beveiligde bedden: '{organisatie}'.")
    register = _register(ctx)
    org = BEDDEN[organisatie]
    if register.active_reservations(organisatie) >= org["capaciteit"]:
        raise HandlerError(f"Geen beveiligd bed beschikbaar bij {org['naam']} "
                           f"(capaciteit {org['capaciteit']} bedden).", shareable=True)
    reservation_id = register.reserve(organisatie, str(casus_id), str(datum))
    return {"id": reservation_id, "organisatie": organisatie, "casus_id": casus_id, "datum": datum}


def bed_vrijgeven(ctx: HandlerContext, reservering) -> dict:
    """Release the reservation made by bed_reserveren (afschaling to ambulant care)."""
    reservation_id = (reservering or {}).get("id") if isinstance(reservering, dict) else None
    if not reservation_id:
        raise HandlerError("Er is geen bedreservering om vrij te geven.", shareable=True)
    try:
        _register(ctx).release(reservation_id)
    except KeyError as err:
        raise HandlerError(f"Bedreservering '{reservation_id}' bestaat niet.") from err
    return {"vrijgegeven": reservation_id}
