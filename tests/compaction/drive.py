"""Drive any deployed model without knowing it: fill each ready form from its JSON Schema, deliver
the messages it waits for, let its timers fire; record what a user sees after every step."""
import json
from datetime import datetime, timezone

from sqlalchemy import select

from engine.audit import replay
from engine.errors import Conflict, Invalid, NotFound
from engine.execution import stored_state, subscriptions
from engine.instances import queries
from engine.instances import service as instances
from engine.persistence.tables import MessageWait, ProcessInstance, ProcessVersion
from engine.security.actors import WORKER_ROLES, Actor
from engine.timers import firing
from tests.scenarios.conftest import AUDITOR

EVERYONE = Actor("iedereen", frozenset(WORKER_ROLES | {"proceseigenaar"}), "Gelderland-Zuid")
START = datetime(2027, 4, 20, 8, 0, tzinfo=timezone.utc)
LOOP_PASSES = 3  # booleans answer False this many steps (``klaar``, ``afsluiten``: go round again), then True
#: what the test models read before any form is filled (their own tests start them so)
START_DATA = {"a": 2, "b": 3, "score": 12, "need_a": True, "need_b": True, "akkoord": True, "doel": "zelf",
              "teller": 0, "casus_id": "casus-1", "geboortedatum": "1980-02-01",
              "uitstel_tot": "2027-05-01T10:00:00+00:00", "input_value": 5}


def form_data(schema: dict, step: int) -> dict:
    """A submission for a form's schema (an empty one for a task without a form)."""
    return {name: sample(sub, step) for name, sub in (schema.get("properties") or {}).items()}


def sample(schema: dict, step: int):
    """A value for ``schema`` that varies with the step, so loops go round and then end."""
    if "enum" in schema:
        return schema["enum"][step % len(schema["enum"])]
    kind = schema.get("type")
    if kind == "object":
        return form_data(schema, step)
    if kind == "boolean":
        return step >= LOOP_PASSES
    if kind in ("integer", "number"):
        return max(1, schema.get("minimum", 1))
    if kind == "array":
        return []
    return "2027-05-01" if schema.get("format") == "date" else "tekst"


def snapshot(rt, instance_id: str, action: str) -> dict:
    view = queries.get_instance(rt, instance_id, EVERYONE)
    assert _routes(rt, instance_id) == _routes_of_state(rt, instance_id), "the routing rows lag the stored state"
    return {"action": action, "status": view["status"], "data": view["data"], "incident": view["incident"],
            "ready": sorted(t["element"] for t in view["ready_tasks"]), "timer_due": view["timer_due"]}


def run(rt, clock, process_id: str, files: dict[str, str], steps: int = 12, between=None) -> list[dict]:
    """Start ``process_id`` and take up to ``steps`` steps; the snapshots after each one.
    ``between(instance_id, step)``, if given, runs before each step (e.g. a migration)."""
    clock.set(START)
    try:
        instance_id = instances.start(rt, process_id, START_DATA, EVERYONE)["id"]
    except (Invalid, Conflict, NotFound) as err:
        return [{"action": "start", "refused": err.message}]
    seen = [snapshot(rt, instance_id, "start")]
    for step in range(steps):
        if between is not None:
            between(instance_id, step)
        action = _next_action(rt, clock, instance_id, seen[-1], files, step)
        if action is None:
            break
        seen.append(snapshot(rt, instance_id, action))
    return seen


def _next_action(rt, clock, instance_id: str, last: dict, files: dict, step: int) -> str | None:
    view = queries.get_instance(rt, instance_id, EVERYONE)
    if view["status"] != "running":
        return None
    try:
        if view["ready_tasks"]:
            task = min(view["ready_tasks"], key=lambda t: _order(rt, t))
            schema = json.loads(files[task["form"]]) if task["form"] in files else {}
            instances.complete_task(rt, task["id"], form_data(schema, step), EVERYONE)
            return f"complete {task['element']}"
        waiting = _waiting_messages(rt, instance_id)
        if waiting:
            instances.deliver_message(rt, waiting[0], START_DATA, EVERYONE, instance_id=instance_id)
            return f"message {waiting[0]}"
    except (Invalid, Conflict, NotFound) as err:
        return f"refused: {err.message}"
    if view["timer_due"]:
        due = datetime.fromisoformat(view["timer_due"])
        clock.set(max(due, clock.now()))
        firing.fire(rt, instance_id, clock.now())
        return "timer"
    return None


def _order(rt, task: dict) -> tuple[str, str]:
    """Which ready task to do first, the same in every run: by element, then (multi-instance children share
    their element, and task ids are random) by the task's own data."""
    data = queries.get_task(rt, task["id"], EVERYONE)["data"]
    return task["element"], json.dumps(data, sort_keys=True, default=str)


def _waiting_messages(rt, instance_id: str) -> list[str]:
    with rt.uow() as uow:
        return sorted(set(uow.session.scalars(select(MessageWait.message).where(MessageWait.instance_id == instance_id))))


def _routes(rt, instance_id: str) -> set:
    with rt.uow() as uow:
        return {(message, key) for message, key in uow.session.execute(
            select(MessageWait.message, MessageWait.correlation_key).where(MessageWait.instance_id == instance_id))}


def _routes_of_state(rt, instance_id: str) -> set:
    """What the routing rows must hold for the stored state, derived afresh (steps rewrite them only on change)."""
    with rt.uow() as uow:
        instance = uow.session.get(ProcessInstance, instance_id)
        return set(subscriptions.stored(stored_state.load(rt, uow.session, instance, None), instance.status == "running"))


def process_ids(rt) -> list[str]:
    with rt.uow() as uow:
        return sorted(set(uow.session.scalars(select(ProcessVersion.process_id))))


def assert_all_replay(rt) -> None:
    """Every instance in the database replays verified."""
    with rt.uow() as uow:
        ids = list(uow.session.scalars(select(ProcessInstance.id)))
    for instance_id in ids:
        assert replay.replay(rt, instance_id, AUDITOR)["status"] == "verified", instance_id
