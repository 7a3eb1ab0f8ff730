"""Duo assignment: a casemanager zorg and a casusregisseur gemeente with room in their caseload."""
from handlers.config import MAX_CASELOAD
from handlers.context import HandlerContext, HandlerError
from handlers.ports import CASEMANAGERS

ROLLEN = {"casemanager_zorg": "casemanager zorg", "casusregisseur_gemeente": "casusregisseur gemeentelijk domein"}


def _directory(ctx: HandlerContext):
    return ctx.port(CASEMANAGERS, "Het overzicht van casemanagers")


def _has_room(worker: dict) -> bool:
    return int(worker.get("caseload", 0)) < MAX_CASELOAD


def _summary(worker: dict) -> dict:
    return {k: worker.get(k) for k in ("id", "naam", "organisatie", "regio", "caseload")}


def _keuzes(ctx: HandlerContext, rol: str, gegevens: dict) -> list[dict]:
    """The workers who may be chosen for ``rol`` in the case's region: room in their caseload."""
    free = [w for w in _directory(ctx).candidates(rol, gegevens.get("regio")) if _has_room(w)]
    return [{"id": str(w["id"]), "label": keuzelabel(w)} for w in sorted(free, key=lambda w: (int(w.get("caseload", 0)), str(w["id"])))]


def keuzelabel(worker: dict) -> str:
    """'Naam — organisatie (caseload N)': how a worker is offered in a choice."""
    wie = " — ".join(part for part in (worker.get("naam"), worker.get("organisatie")) if part)
    return f"{wie} (caseload {int(worker.get('caseload', 0))})"


def casemanager_zorg_keuzes(ctx: HandlerContext, gegevens: dict) -> list[dict]:
    """Form choices (``x-choices``) for another casemanager zorg."""
    return _keuzes(ctx, "casemanager_zorg", gegevens)


def casusregisseur_gemeente_keuzes(ctx: HandlerContext, gegevens: dict) -> list[dict]:
    """Form choices (``x-choices``) for another casusregisseur gemeentelijk domein."""
    return _keuzes(ctx, "casusregisseur_gemeente", gegevens)


def duo_voorstellen(ctx: HandlerContext, regio) -> dict:
    """Per role the worker in ``regio`` with the lowest caseload below the maximum (ties: by id)."""
    directory = _directory(ctx)
    voorstel = {}
    for rol, label in ROLLEN.items():
        free = [w for w in directory.candidates(rol, regio) if _has_room(w)]
        if not free:
            raise HandlerError(f"Geen {label} in regio '{regio}' met ruimte in de caseload "
                               f"(maximaal {MAX_CASELOAD} casussen).", shareable=True)
        voorstel[rol] = _summary(min(free, key=lambda w: (int(w.get("caseload", 0)), str(w["id"]))))
    return voorstel


def duo_vaststellen(ctx: HandlerContext, voorstel, akkoord, wijziging=None) -> dict:
    """The proposal when the procesregisseur agrees, else the chosen workers, checked again; the
    engine records the duo (through the port) as who may see and work on the case."""
    duo = _gekozen(ctx, voorstel, akkoord, wijziging)
    _directory(ctx).assign({rol: str(lid["id"]) for rol, lid in duo.items()})
    return duo


def _gekozen(ctx: HandlerContext, voorstel, akkoord, wijziging) -> dict:
    """Every member is looked up again, also an accepted proposal: the duo decides who sees the case."""
    if akkoord:
        wijziging = {}
    elif not isinstance(wijziging, dict):
        raise HandlerError("Kies een casemanager zorg en een casusregisseur als u het voorstel wijzigt.",
                           shareable=True)
    directory = _directory(ctx)
    duo = {}
    for rol, label in ROLLEN.items():
        worker_id = wijziging.get(rol) or (voorstel.get(rol) or {}).get("id")
        worker = directory.find(worker_id) if worker_id else None
        if worker is None or worker.get("rol") != rol:
            raise HandlerError(f"'{worker_id}' is geen bekende {label}.")
        if not _has_room(worker):
            raise HandlerError(f"{worker.get('naam', worker_id)} heeft al {worker.get('caseload')} casussen "
                               f"(maximaal {MAX_CASELOAD}).")
        duo[rol] = _summary(worker)
    return duo
