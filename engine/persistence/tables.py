"""Database tables. Workflows are stored whole as JSON; everything a list needs is a column."""
from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from engine.persistence.crypto import EncryptedJSON


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on SQLite and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    pass


class Deployment(Base):
    """One immutable upload: a set of BPMN/DMN/form files with a content checksum."""

    __tablename__ = "deployments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checksum: Mapped[str] = mapped_column(String(64), unique=True)
    deployed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deployed_by: Mapped[str] = mapped_column(String(100))
    files: Mapped[dict] = mapped_column(JSON)  # filename -> text content, as uploaded
    # files of already-deployed processes this upload calls, pinned at deploy time
    resolved: Mapped[dict] = mapped_column(JSON, default=dict)


class ProcessVersion(Base):
    """An executable BPMN process as deployed: numbered per process id, never changed."""

    __tablename__ = "process_versions"
    __table_args__ = (UniqueConstraint("process_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[str] = mapped_column(String(200), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    deployment_id: Mapped[int] = mapped_column(ForeignKey("deployments.id"))
    deployed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # kept per version, not per deployment: a reverted model reuses an earlier deployment's row
    deployed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)


#: Statuses of an instance that is not over: it runs, or waits in an incident for a retry.
ACTIVE_STATUSES = ("running", "error")


class ProcessInstance(Base):
    """A running (or finished) workflow; ``lock_version`` guards against lost updates."""

    __tablename__ = "process_instances"
    # the scheduler looks for running instances whose timer is due: one index range scan
    __table_args__ = (Index("ix_process_instances_timer_due", "timer_due"),
                      Index("ix_process_instances_status_timer_due", "status", "timer_due"),
                      Index("ix_process_instances_casus_cycle", "casus_id", "cycle", unique=True))

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    process_version_id: Mapped[int] = mapped_column(ForeignKey("process_versions.id"))
    process_id: Mapped[str] = mapped_column(String(200), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    # holds personal data: encrypted at rest, and loaded only when used (lists never decrypt a state)
    state: Mapped[dict] = mapped_column(EncryptedJSON, deferred=True)
    lock_version: Mapped[int] = mapped_column(Integer)
    timer_due: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_by: Mapped[str] = mapped_column(String(100), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    incident_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    incident_element: Mapped[str | None] = mapped_column(String(200), nullable=True)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    last_event_hash: Mapped[str] = mapped_column(String(64))
    # set by the retention purge, which replaced ``state`` with a pseudonymised skeleton
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # the casus this instance belongs to and its place in the casus's chain (0 = the first)
    casus_id: Mapped[str | None] = mapped_column(ForeignKey("casussen.id"), nullable=True, index=True)
    cycle: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # need-to-know facts, written only by the engine (engine.security.scope reads them in SQL):
    # the case's region (its casus's, else the starter's) and, for an instance without a casus,
    # when the pseudonymisation step referred it to the Adviestafel
    region: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    referred_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __mapper_args__ = {"version_id_col": lock_version}


class WorkTask(Base):
    """The worklist projection: one row per user task that became ready, so lists never load workflows."""

    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_state_lane", "state", "lane"), Index("ix_tasks_state_instance", "state", "instance_id"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    instance_id: Mapped[str] = mapped_column(ForeignKey("process_instances.id"), index=True)
    process_id: Mapped[str] = mapped_column(String(200))
    element: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))
    lane: Mapped[str | None] = mapped_column(String(100), nullable=True)
    form: Mapped[str | None] = mapped_column(String(300), nullable=True)
    ui_form: Mapped[str | None] = mapped_column(String(300), nullable=True)
    due_date: Mapped[str | None] = mapped_column(String(40), nullable=True)
    state: Mapped[str] = mapped_column(String(20))  # ready | completed | cancelled
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    completed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # who holds the ready task (claimed, or assigned by a colleague); only they may complete it
    claimed_by: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuditEvent(Base):
    """Append-only, hash-chained per instance (or per ``chain`` for deployments)."""

    __tablename__ = "audit_events"
    __table_args__ = (UniqueConstraint("chain", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain: Mapped[str] = mapped_column(String(50), index=True)  # instance id, or "deployments"
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    inputs: Mapped[dict | None] = mapped_column(EncryptedJSON, nullable=True)  # encrypted; NULL once purged
    inputs_digest: Mapped[str] = mapped_column(String(64))
    state_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    hash_alg: Mapped[str | None] = mapped_column(String(20), nullable=True)  # NULL: plain SHA-256 (older events)
    # which state hash ``state_hash`` is (engine.spiff.hash_versions); NULL: version 1 (older events) or none
    state_hash_version: Mapped[int | None] = mapped_column(Integer, nullable=True)


class User(Base):
    """A local account; roles are BPMN lane names or system roles."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list] = mapped_column(JSON)
    region: Mapped[str | None] = mapped_column(String(100), nullable=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    # employer shown to colleagues (e.g. in the assignment letter to a duo)
    organisation: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # every token and web session carries this number; bumping it revokes them all (engine/security/revocation.py)
    token_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class MessageWait(Base):
    """Which instance waits for which message under which correlation key: routing without loading."""

    __tablename__ = "message_waits"
    __table_args__ = (Index("ix_message_waits_lookup", "message", "correlation_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instance_id: Mapped[str] = mapped_column(ForeignKey("process_instances.id"), index=True)
    message: Mapped[str] = mapped_column(String(200))
    correlation_key: Mapped[str] = mapped_column(String(500))


class AccessLogEntry(Base):
    """NEN 7513-style access log: who saw which case data, when, in which role and why."""

    __tablename__ = "access_log"
    __table_args__ = (Index("ix_access_log_user_at", "username", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    username: Mapped[str] = mapped_column(String(100))
    roles: Mapped[str] = mapped_column(String(500))  # the roles the user held for this access
    instance_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    resource: Mapped[str] = mapped_column(String(40))  # what was read: zaak, taak, trail, toestand, export
    categories: Mapped[list] = mapped_column(JSON)  # categories of data shown, e.g. persoonsgegevens
    purpose: Mapped[str] = mapped_column(String(200))


class BedReservation(Base):
    """A secured bed held for a casus; an active one occupies a numbered slot, so the unique
    (organisation, slot) index keeps reservations within capacity even under concurrent steps."""

    __tablename__ = "bed_reservations"
    __table_args__ = (UniqueConstraint("organisation", "slot"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organisation: Mapped[str] = mapped_column(String(100), index=True)
    slot: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1..capacity; NULL once released
    casus_id: Mapped[str] = mapped_column(String(100), index=True)
    admission_date: Mapped[str] = mapped_column(String(40))
    reserved_at: Mapped[datetime] = mapped_column(UTCDateTime)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class TimerRetry(Base):
    """A timer step that failed: how often, and when the scheduler may try again (back-off)."""

    __tablename__ = "timer_retries"

    instance_id: Mapped[str] = mapped_column(ForeignKey("process_instances.id"), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    last_error: Mapped[str] = mapped_column(Text)


class Notification(Base):
    """The outbox: a message for a role or user, written in the step that caused it, e-mailed later."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_role_created", "recipient_role", "created_at"),
                      Index("ix_notifications_pending", "sent_at", "next_attempt_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(40))  # taak_door_termijn | incident
    instance_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    task_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    recipient_role: Mapped[str | None] = mapped_column(String(100), nullable=True)
    recipient_user: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)


class DemoClockSetting(Base):
    """How far the demo clock runs ahead of real time, shared by the server and the CLI."""

    __tablename__ = "demo_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    offset_seconds: Mapped[int] = mapped_column(Integer)


class Casus(Base):
    """A person followed for life: outlives its process instances (intake, cycle 1, cycle 2, ...).

    ``person`` holds personal data; read and write it only through ``engine.casus_person``.
    """

    __tablename__ = "casussen"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(20), unique=True)
    person: Mapped[dict] = mapped_column(EncryptedJSON, deferred=True)
    region: Mapped[str] = mapped_column(String(100), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)  # aangemeld | geincludeerd | in_zorg | ...
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    aanmelder: Mapped[str] = mapped_column(String(100), index=True)
    # set by the pseudonymisation step: from then on the Adviestafel sees the casus (pseudonymised)
    referred_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CaseAssignment(Base):
    """Who holds a duo role for a case, from when until when: written only by the duo assignment
    (engine.ports.casemanagers), so access moves with a handover and the history stays."""

    __tablename__ = "case_assignments"
    __table_args__ = (Index("ix_case_assignments_user_open", "username", "assigned_until"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    casus_id: Mapped[str | None] = mapped_column(ForeignKey("casussen.id"), nullable=True, index=True)
    # the instance whose step made the assignment (the case itself when it has no casus)
    instance_id: Mapped[str] = mapped_column(String(36), index=True)
    username: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(100))
    assigned_from: Mapped[datetime] = mapped_column(UTCDateTime)
    assigned_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LoginFailure(Base):
    """Login attempts since the last success, per (username, client address) and per username over all
    clients (client ``*``), so repeated guessing locks the guesser out for a while (engine/security/login_guard.py)."""

    __tablename__ = "login_failures"

    username: Mapped[str] = mapped_column(String(100), primary_key=True)
    client: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
