"""E-mail the outbox: at least once, each delivery recorded on the ``notifications`` audit chain.

Configured by environment (LEVENSLOOP_SMTP_HOST, _PORT, _USER, _PASSWORD, _FROM, _STARTTLS) with
role addresses in LEVENSLOOP_NOTIFY_ADDRESSES ("coordinator=coord@example.nl,beheerder=…") and an
optional LEVENSLOOP_NOTIFY_DEFAULT_TO. A notification is marked sent only after the SMTP server
accepted it; a failure is retried later with back-off. Roles without an address are not e-mailed
(they still see their notifications through the API).
"""
import os
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage

from sqlalchemy import select

from engine.audit import trail
from engine.persistence.tables import Notification
from engine.security.actors import SYSTEM
from engine.timers.firing import backoff


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 25
    username: str | None = None
    password: str | None = None
    sender: str = "levensloop@localhost"
    starttls: bool = False
    addresses: dict = field(default_factory=dict)
    default_to: str | None = None

    def address_for(self, role: str | None) -> str | None:
        return self.addresses.get(role) or self.default_to


def from_environment(env=os.environ) -> SmtpConfig | None:
    if not env.get("LEVENSLOOP_SMTP_HOST"):
        return None
    pairs = [item.split("=", 1) for item in env.get("LEVENSLOOP_NOTIFY_ADDRESSES", "").split(",") if "=" in item]
    return SmtpConfig(
        host=env["LEVENSLOOP_SMTP_HOST"], port=int(env.get("LEVENSLOOP_SMTP_PORT", 25)),
        username=env.get("LEVENSLOOP_SMTP_USER"), password=env.get("LEVENSLOOP_SMTP_PASSWORD"),
        sender=env.get("LEVENSLOOP_SMTP_FROM", "levensloop@localhost"),
        starttls=env.get("LEVENSLOOP_SMTP_STARTTLS", "").lower() in ("1", "true", "yes"),
        addresses={role.strip(): address.strip() for role, address in pairs},
        default_to=env.get("LEVENSLOOP_NOTIFY_DEFAULT_TO") or None,
    )


def smtp_send(config: SmtpConfig, message: EmailMessage) -> None:
    with smtplib.SMTP(config.host, config.port, timeout=30) as smtp:
        if config.starttls:
            smtp.starttls()
        if config.username:
            smtp.login(config.username, config.password or "")
        smtp.send_message(message)


def _message(config: SmtpConfig, row: Notification, to: str) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = config.sender, to, row.subject
    message.set_content(row.body)
    return message


def deliver_pending(rt, config: SmtpConfig, now, send=smtp_send, limit: int = 50) -> int:
    """Send what is due for sending; returns how many were delivered."""
    with rt.uow() as uow:
        ids = list(uow.session.scalars(_pending(config, now).with_only_columns(Notification.id).limit(limit)))
    return sum(_deliver_one(rt, config, now, send, notification_id) for notification_id in ids)


def _pending(config: SmtpConfig, now):
    conditions = [Notification.sent_at.is_(None), Notification.next_attempt_at <= now]
    if config.default_to is None:
        conditions.append(Notification.recipient_role.in_(sorted(config.addresses)))
    return select(Notification).where(*conditions).order_by(Notification.id)


def _deliver_one(rt, config, now, send, notification_id) -> bool:
    with rt.uow() as uow:
        row = uow.session.scalars(_pending(config, now).where(Notification.id == notification_id)
                                  .with_for_update(skip_locked=True)).first()
        if row is None:
            return False  # delivered or claimed by another scheduler meanwhile
        to = config.address_for(row.recipient_role)
        row.attempts += 1
        try:
            send(config, _message(config, row, to))
        except Exception as err:  # noqa: BLE001 — a mail server that fails is tried again later
            row.next_attempt_at, row.last_error = now + backoff(row.attempts), f"{type(err).__name__}: {err}"
            uow.commit()
            return False
        row.sent_at, row.last_error = now, None
        _record(uow.session, row, to, now)
        uow.commit()
        return True


def _record(session, row: Notification, to: str, now) -> None:
    """Append the delivery to the notifications chain (serialised across schedulers on PostgreSQL)."""
    trail.append_to_shared_chain(
        session, trail.NOTIFICATION_CHAIN, "notification_sent", SYSTEM.username, now,
        {"notification_id": row.id, "kind": row.kind, "instance_id": row.instance_id, "role": row.recipient_role,
         "to": to, "attempt": row.attempts}, None)
