"""Check the audit trail: every chain's hashes and links, and each instance row against its chain.

Recomputing the hashes finds an edited event; seq continuity finds a deleted or reordered one;
the instance row's ``event_count``/``last_event_hash`` find a deleted last event; hashing the
stored state, in the hash version of the last event, finds an edited instance. An event whose
``inputs`` were blanked verifies through its stored ``inputs_digest`` only when a retention purge
did it: the instance is marked purged and a ``purged`` event follows; anywhere else a blanked
``inputs`` is an erasure and is reported.
"""
from dataclasses import asdict, dataclass

from sqlalchemy import select

from engine.audit import access_log, retention
from engine.audit import trail as audit
from engine.execution import stored_state
from engine.persistence.lookups import instance_or_404
from engine.persistence.tables import AuditEvent, Deployment, ProcessInstance
from engine.process_models import deployments
from engine.security.actors import Actor
from engine.spiff import hash_versions
from engine.spiff.canonical import digest


@dataclass(frozen=True)
class Break:
    """The first broken link of one chain."""

    chain: str
    seq: int | None
    kind: str
    message: str


def check_chain(chain: str, events: list[AuditEvent], purged: bool = False) -> Break | None:
    """The first event of ``chain`` (ordered by seq) that does not verify, or None.

    ``purged``: the chain's instance is marked purged, so events before its ``purged`` event may
    have lost their ``inputs``.
    """
    purge_seq = _purge_seq(events) if purged else 0
    prev, keyed = audit.GENESIS, False
    for expected, event in enumerate(events, start=1):
        if event.seq != expected:
            return Break(chain, expected, "missing", f"Gebeurtenis {expected} ontbreekt (de volgende is {event.seq}).")
        alg_break = _hash_alg_break(chain, event, keyed)
        if alg_break:
            return alg_break
        keyed = keyed or event.hash_alg == audit.HMAC_SHA256
        blanked = event.inputs is None and digest(None) != event.inputs_digest
        if blanked and event.seq >= purge_seq:
            return Break(chain, event.seq, "inputs_erased",
                         f"De invoer van gebeurtenis {event.seq} ({event.type}) is gewist zonder opschoning "
                         "na de bewaartermijn.")
        if not blanked and digest(event.inputs) != event.inputs_digest:
            return Break(chain, event.seq, "inputs_changed",
                         f"De invoer van gebeurtenis {event.seq} ({event.type}) is gewijzigd.")
        if event.prev_hash != prev:
            return Break(chain, event.seq, "link_broken",
                         f"Gebeurtenis {event.seq} ({event.type}) verwijst niet naar de hash van gebeurtenis {event.seq - 1}.")
        recomputed = audit.event_hash(chain, event.seq, event.type, event.actor, event.at, event.inputs_digest,
                                      event.state_hash, event.prev_hash, event.hash_alg, event.state_hash_version)
        if recomputed != event.hash:
            return Break(chain, event.seq, "hash_mismatch",
                         f"De hash van gebeurtenis {event.seq} ({event.type}) klopt niet met de inhoud.")
        prev = event.hash
    return None


def _hash_alg_break(chain: str, event: AuditEvent, keyed: bool) -> Break | None:
    """An unknown hash method, or plain SHA-256 after a keyed event (a downgrade), breaks the chain."""
    if event.hash_alg not in audit.HASH_ALGS:
        return Break(chain, event.seq, "hash_alg",
                     f"Gebeurtenis {event.seq} ({event.type}) noemt een onbekende hashmethode.")
    if keyed and event.hash_alg == audit.PLAIN_SHA256:
        return Break(chain, event.seq, "hash_alg",
                     f"Gebeurtenis {event.seq} ({event.type}) is niet met de auditsleutel (HMAC) gehasht, "
                     "terwijl een eerdere gebeurtenis van deze keten dat wel is.")
    return None


def _purge_seq(events: list[AuditEvent]) -> int:
    """The seq of the chain's last ``purged`` event (0 when there is none)."""
    return max((e.seq for e in events if e.type == retention.PURGE_EVENT), default=0)


def check_instance(rt, session, instance: ProcessInstance, events: list[AuditEvent]) -> Break | None:
    """The chain check plus the instance row: its last event and its stored state."""
    broken = check_chain(instance.id, events, purged=instance.purged_at is not None)
    if broken:
        return broken
    last = events[-1] if events else None
    if last is None or instance.event_count != last.seq:
        seen = last.seq if last else 0
        return Break(instance.id, seen + 1, "missing",
                     f"De zaak telt {instance.event_count} gebeurtenissen, het spoor eindigt bij {seen}: "
                     f"gebeurtenis {seen + 1} ontbreekt.")
    if instance.last_event_hash != last.hash:
        return Break(instance.id, last.seq, "link_broken",
                     f"De laatste hash van de zaak wijkt af van gebeurtenis {last.seq}.")
    # a purged instance keeps a skeleton, recorded by its ``purged`` event as a plain digest
    stored = digest(instance.state) if instance.purged_at else stored_state.state_hash(
        rt, session, instance, hash_versions.version_of(last.state_hash_version))
    if stored != last.state_hash:
        return Break(instance.id, last.seq, "state_changed",
                     f"De opgeslagen toestand van de zaak wijkt af van de toestand na gebeurtenis {last.seq}; "
                     "de toestand is buiten de engine gewijzigd.")
    return None


def check_deployments(session, events: list[AuditEvent]) -> Break | None:
    """The deployment chain, and every deployment's files against the checksum it recorded."""
    broken = check_chain(audit.DEPLOYMENT_CHAIN, events)
    if broken:
        return broken
    recorded = {e.state_hash for e in events}
    for deployment in session.scalars(select(Deployment).order_by(Deployment.id)):
        if deployments.checksum(deployment.files) != deployment.checksum or deployment.checksum not in recorded:
            return Break(audit.DEPLOYMENT_CHAIN, None, "model_changed",
                         f"De bestanden van deployment {deployment.id} wijken af van wat bij het deployen is vastgelegd.")
    return None


def verify_instance(rt, instance_id: str, actor: Actor) -> dict:
    """Report for one instance's chain, for an auditor."""
    access_log.require_auditor(actor)
    with rt.uow() as uow:
        instance = instance_or_404(uow.session, instance_id)
        events = audit.events_of(uow.session, instance_id)
        return _report([check_instance(rt, uow.session, instance, events)], chains=1, events=len(events))


def verify_all(rt) -> dict:
    """Check every chain in the database: instances, the deployments, and orphaned events."""
    with rt.uow() as uow:
        session = uow.session
        chains = set(session.scalars(select(AuditEvent.chain).distinct()))
        breaks, counted = [], 0
        deployment_events = audit.events_of(session, audit.DEPLOYMENT_CHAIN)
        breaks.append(check_deployments(session, deployment_events))
        counted += len(deployment_events)
        instance_ids = list(session.scalars(select(ProcessInstance.id).order_by(ProcessInstance.started_at,
                                                                               ProcessInstance.id)))
        for instance_id in instance_ids:
            events = audit.events_of(session, instance_id)
            counted += len(events)
            breaks.append(check_instance(rt, session, session.get(ProcessInstance, instance_id), events))
            session.expunge_all()  # keep memory flat over many instances
        notification_events = audit.events_of(session, audit.NOTIFICATION_CHAIN)
        breaks.append(check_chain(audit.NOTIFICATION_CHAIN, notification_events))
        counted += len(notification_events)
        for orphan in sorted(chains - set(instance_ids) - {audit.DEPLOYMENT_CHAIN, audit.NOTIFICATION_CHAIN}):
            breaks.append(Break(orphan, None, "orphaned", f"Er zijn gebeurtenissen van zaak {orphan}, maar de zaak zelf ontbreekt."))
        return _report(breaks, chains=len(instance_ids) + 1 + bool(notification_events), events=counted)


def _report(breaks: list[Break | None], chains: int, events: int) -> dict:
    found = [asdict(b) for b in breaks if b is not None]
    return {"status": "broken" if found else "verified", "chains": chains, "events": events, "breaks": found}
