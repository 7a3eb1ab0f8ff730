"""The retention purge: closed cases older than the retention period lose their personal data.

A case is closed when each of its instances is completed or cancelled and, for a casus, when the
casus is ``afgesloten`` or ``overgedragen``; its age counts from its instances' last update on the
engine clock. Purging a case, one unit of work each, marks its instances purged, blanks the ``inputs``
of their audit events (the hashed ``inputs_digest`` stays; on PostgreSQL the append-only trigger
allows that only for a purged instance named in ``levensloop.purge_chain``), replaces each instance's state with a pseudonymised skeleton,
empties the casus's person data and appends a ``purged`` event. What remains is a pseudonymised
audit skeleton whose hash chain still verifies; replay is no longer possible.
"""
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, text, update

from engine.audit import trail
from engine.instances import queries
from engine.persistence.tables import AuditEvent, Casus, ProcessInstance
from engine.security.actors import SYSTEM
from engine.spiff.canonical import digest

ENV_DAYS = "LEVENSLOOP_RETENTION_DAYS"
DEFAULT_DAYS = 7305  # twenty years
CLOSED_INSTANCE = ("completed", "cancelled")
CLOSED_CASUS = ("afgesloten", "overgedragen")
PURGE_EVENT = "purged"


def days_from_environment(environ=os.environ) -> int:
    value = environ.get(ENV_DAYS, "").strip()
    return int(value) if value else DEFAULT_DAYS


@dataclass
class Case:
    """What one purge removes: a casus with all its instances, or one instance without a casus."""

    casus_id: str | None
    instance_ids: list[str] = field(default_factory=list)
    last_update: datetime | None = None


def due(rt, days: int) -> list[Case]:
    """Closed cases whose last update lies more than ``days`` before the engine clock's now."""
    cutoff = rt.clock.now() - timedelta(days=days)
    cases: dict[str, Case] = {}
    open_casussen: set[str] = set()
    with rt.uow() as uow:
        rows = uow.session.execute(select(ProcessInstance.id, ProcessInstance.casus_id, ProcessInstance.status,
                                          ProcessInstance.updated_at)
                                   .where(ProcessInstance.purged_at.is_(None))
                                   .order_by(ProcessInstance.started_at, ProcessInstance.id))
        for instance_id, casus_id, status, updated_at in rows:
            if status not in CLOSED_INSTANCE and casus_id:
                open_casussen.add(casus_id)
            if status not in CLOSED_INSTANCE:
                continue
            case = cases.setdefault(casus_id or instance_id, Case(casus_id))
            case.instance_ids.append(instance_id)
            case.last_update = max(filter(None, [case.last_update, updated_at]))
        closed = set(uow.session.scalars(select(Casus.id).where(Casus.status.in_(CLOSED_CASUS))))
    return [case for case in cases.values()
            if case.last_update < cutoff
            and (case.casus_id is None or (case.casus_id in closed and case.casus_id not in open_casussen))]


def purge(rt, days: int, dry_run: bool = False) -> list[Case]:
    """Purge every due case (or only list them when ``dry_run``); returns the cases concerned."""
    cases = due(rt, days)
    if not dry_run:
        for case in cases:
            with rt.uow() as uow:
                _purge_case(rt, uow.session, case, days)
                uow.commit()
    return cases


def _purge_case(rt, session, case: Case, days: int) -> None:
    now = rt.clock.now()
    casus = session.get(Casus, case.casus_id) if case.casus_id else None
    for instance_id in case.instance_ids:
        instance = session.get(ProcessInstance, instance_id)
        pseudonym = casus.pseudonym if casus else _pseudonym(instance)
        instance.purged_at = now
        session.flush()  # the trigger checks the mark before it lets the inputs go
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT set_config('levensloop.purge_chain', :chain, true)"), {"chain": instance.id})
        session.execute(update(AuditEvent).where(AuditEvent.chain == instance.id).values(inputs=None))
        instance.state = {"data": {"pseudoniem": pseudonym} if pseudonym else {}}
        trail.append_to_instance(session, instance, PURGE_EVENT, SYSTEM.username, now,
                                 {"type": PURGE_EVENT, "retention_days": days}, digest(instance.state),
                                 state_hash_version=None)
    if casus is not None:
        casus.person = {}


def _pseudonym(instance: ProcessInstance) -> str | None:
    dossier = queries.process_data(instance).get("adviestafel_dossier")
    return dossier.get("pseudoniem") if isinstance(dossier, dict) else None
