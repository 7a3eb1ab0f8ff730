"""The notification outbox: written in the same unit of work as the step that caused it.

A user task that becomes ready because a timer fired is a deadline reached or an escalation; its
lane (a role) is told. An incident (also a timer that cannot fire after all retries) tells the roles that resolve it.
Listing is by the caller's roles and user name, about cases in the caller's scope; e-mail delivery lives in notification_sender.
"""
from sqlalchemy import and_, exists, or_, select

from engine.persistence import pages
from engine.persistence.pages import Page, PageRequest
from engine.persistence.tables import Notification, ProcessInstance
from engine.security import scope
from engine.security.actors import Actor

TIMER_STEP = "timer_fired"
OPERATOR_ROLE = "beheerder"
RESOLVER_ROLES = (OPERATOR_ROLE, "procesregisseur")


def on_step(session, instance, event_type: str, new_tasks: list, now, failed: dict | None = None) -> None:
    """Tell each lane about the user tasks a timer step made ready, and those who resolve incidents
    about the incident of a step that ``failed``."""
    if failed is not None:
        incident(session, instance, failed["message"], now, failed.get("element_name") or failed.get("element"))
    if event_type != TIMER_STEP:
        return
    for task in new_tasks:
        session.add(Notification(
            created_at=now, kind="taak_door_termijn", instance_id=instance.id, task_id=task.id,
            recipient_role=task.lane, subject=f"Termijn verstreken: taak '{task.name}' staat klaar",
            body=(f"Door een verstreken termijn staat de taak '{task.name}' ({instance.process_id}) "
                  f"klaar in de werklijst van rol '{task.lane or 'iedereen'}'."),
            attempts=0, next_attempt_at=now,
        ))


def incident(session, instance, message: str, now, step: str | None = None) -> None:
    """Tell the roles that may resolve it (the beheerder; the procesregisseur, of the case's region by scope)
    that the instance waits for them: which zaak and step, with the incident's text, which names no data."""
    where = f": stap '{step}'" if step else ""
    for role in RESOLVER_ROLES:
        session.add(Notification(
            created_at=now, kind="incident", instance_id=instance.id, recipient_role=role,
            subject=f"Storing in zaak {instance.id[:8]}{where}",
            body=(f"Zaak {instance.id} ({instance.process_id}) staat op 'Storing': {message} Los de storing op "
                  "vanaf de zaakpagina: corrigeer de gegevens en probeer opnieuw, of zet de zaak terug naar een "
                  "eerdere taak."),
            attempts=0, next_attempt_at=now,
        ))


def for_actor(rt, actor: Actor, page: PageRequest = PageRequest()) -> Page:
    """The newest notifications addressed to one of the caller's roles or to the caller, about cases the
    caller may see (the operators' incident notices name an instance and an element, never its data)."""
    concerns_visible_case = exists().where(ProcessInstance.id == Notification.instance_id,
                                           scope.instance_visible(actor))
    operator_notice = and_(Notification.kind == "incident", Notification.recipient_role == OPERATOR_ROLE)
    query = (select(Notification)
             .where(or_(Notification.recipient_role.in_(sorted(actor.roles)),
                        Notification.recipient_user == actor.username),
                    or_(Notification.instance_id.is_(None), operator_notice, concerns_visible_case))
             .order_by(Notification.created_at.desc(), Notification.id.desc()))
    with rt.uow() as uow:
        found, total = pages.rows(uow.session, query, page)
        return Page([view(row) for row, in found], total, page.limit, page.offset)


def view(row: Notification) -> dict:
    return {
        "id": row.id, "created_at": row.created_at.isoformat(), "kind": row.kind,
        "instance_id": row.instance_id, "task_id": row.task_id, "role": row.recipient_role,
        "user": row.recipient_user, "subject": row.subject, "body": row.body,
        "sent_at": row.sent_at.isoformat() if row.sent_at else None,
    }
