"""The append-only audit trail: each event is chained to the previous one of the same chain.

An event's hash covers its position, type, actor, clock time, the digest of its inputs, the hash
of the resulting state and the previous event's hash. Hashing the inputs' digest rather than the
inputs themselves lets a retention purge blank personal data while the chain still verifies.
New events are hashed with HMAC-SHA-256 under the installation's audit key (``hash_alg``
``hmac-sha256``); events recorded before that have ``hash_alg`` NULL and plain SHA-256. An instance
event names the version of its state hash (``state_hash_version``, see ``engine.spiff.hash_versions``),
which its hash then covers too; events recorded before versioning have NULL there: version 1.
"""
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from engine.persistence.tables import AuditEvent
from engine.audit.audit_key import audit_key
from engine.spiff import hash_versions
from engine.spiff.canonical import digest, keyed_digest

GENESIS = "0" * 64
DEPLOYMENT_CHAIN = "deployments"
NOTIFICATION_CHAIN = "notifications"  # deliveries of the notification outbox
HMAC_SHA256 = "hmac-sha256"
PLAIN_SHA256 = None  # events recorded before the audit key
HASH_ALGS = (HMAC_SHA256, PLAIN_SHA256)


def event_hash(chain: str, seq: int, type_: str, actor: str, at: datetime, inputs_digest: str,
               state_hash: str | None, prev_hash: str, hash_alg: str | None = HMAC_SHA256,
               state_hash_version: int | None = None) -> str:
    fields = [chain, seq, type_, actor, at.isoformat(), inputs_digest, state_hash, prev_hash]
    if state_hash_version is not None:
        fields.append(state_hash_version)
    if hash_alg == PLAIN_SHA256:
        return digest(fields)
    return keyed_digest(audit_key(), fields)


def new_event(*, chain: str, seq: int, prev_hash: str, type_: str, actor: str, at: datetime, inputs: dict | None,
              state_hash: str | None, state_hash_version: int | None = None) -> AuditEvent:
    """The hashed event at position ``seq`` of ``chain``, not yet added to a session."""
    inputs_digest = digest(inputs)
    return AuditEvent(
        chain=chain, seq=seq, type=type_, actor=actor, at=at, inputs=inputs,
        inputs_digest=inputs_digest, state_hash=state_hash, prev_hash=prev_hash, hash_alg=HMAC_SHA256,
        state_hash_version=state_hash_version,
        hash=event_hash(chain, seq, type_, actor, at, inputs_digest, state_hash, prev_hash,
                        state_hash_version=state_hash_version),
    )


def append(session: Session, **fields) -> AuditEvent:
    """Add one event (``new_event``'s fields) to its chain (the caller holds the chain's lock)."""
    event = new_event(**fields)
    session.add(event)
    return event


def next_instance_event(instance, type_: str, actor: str, at: datetime, inputs: dict | None,
                        state_hash: str | None, state_hash_version: int | None = hash_versions.CURRENT) -> AuditEvent:
    """The next event of an instance's own chain, its head (``event_count``, ``last_event_hash``) moved on;
    the caller adds the event, so the head moves in the same UPDATE as the step's state."""
    event = new_event(chain=instance.id, seq=instance.event_count + 1, prev_hash=instance.last_event_hash,
                      type_=type_, actor=actor, at=at, inputs=inputs, state_hash=state_hash,
                      state_hash_version=state_hash_version)
    instance.event_count += 1
    instance.last_event_hash = event.hash
    return event


def append_to_instance(session: Session, instance, type_: str, actor: str, at: datetime, inputs: dict | None,
                       state_hash: str | None, state_hash_version: int | None = hash_versions.CURRENT) -> AuditEvent:
    """Append to an instance's own chain and move its head with it."""
    event = next_instance_event(instance, type_, actor, at, inputs, state_hash, state_hash_version)
    session.add(event)
    return event


def append_to_shared_chain(session: Session, chain: str, type_: str, actor: str, at: datetime,
                           inputs: dict | None, state_hash: str | None) -> AuditEvent:
    """Append after the last event of a chain no instance row heads (deployments, notifications).

    On PostgreSQL a transaction-scoped advisory lock serialises writers of the same chain.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:chain))"), {"chain": chain})
    last = last_event(session, chain)
    return append(session, chain=chain, seq=(last.seq if last else 0) + 1, prev_hash=last.hash if last else GENESIS,
                  type_=type_, actor=actor, at=at, inputs=inputs, state_hash=state_hash)


def events_of(session: Session, chain: str) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.chain == chain).order_by(AuditEvent.seq)))


def last_event(session: Session, chain: str) -> AuditEvent | None:
    return session.scalars(
        select(AuditEvent).where(AuditEvent.chain == chain).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
