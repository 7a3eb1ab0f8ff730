"""The append-only audit trail: each event is chained to the previous one of the same chain.

An event's hash covers its position, type, actor, clock time, the digest of its inputs, the hash
of the resulting state and the previous event's hash. Hashing the inputs' digest rather than the
inputs themselves lets a retention purge blank personal data while the chain still verifies.
"""
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.persistence.tables import AuditEvent
from engine.spiff.canonical import digest

GENESIS = "0" * 64
DEPLOYMENT_CHAIN = "deployments"
NOTIFICATION_CHAIN = "notifications"  # deliveries of the notification outbox


def event_hash(chain: str, seq: int, type_: str, actor: str, at: datetime, inputs_digest: str,
               state_hash: str | None, prev_hash: str) -> str:
    return digest([chain, seq, type_, actor, at.isoformat(), inputs_digest, state_hash, prev_hash])


def append(session: Session, *, chain: str, seq: int, prev_hash: str, type_: str, actor: str,
           at: datetime, inputs: dict | None, state_hash: str | None) -> AuditEvent:
    """Add one event to ``chain`` at position ``seq`` (the caller holds the chain's lock)."""
    inputs_digest = digest(inputs)
    event = AuditEvent(
        chain=chain, seq=seq, type=type_, actor=actor, at=at, inputs=inputs,
        inputs_digest=inputs_digest, state_hash=state_hash, prev_hash=prev_hash,
        hash=event_hash(chain, seq, type_, actor, at, inputs_digest, state_hash, prev_hash),
    )
    session.add(event)
    return event


def events_of(session: Session, chain: str) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.chain == chain).order_by(AuditEvent.seq)))


def last_event(session: Session, chain: str) -> AuditEvent | None:
    return session.scalars(
        select(AuditEvent).where(AuditEvent.chain == chain).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
