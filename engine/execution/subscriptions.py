"""The message-routing projection: which instance waits for which message and correlation.

A message's correlation key is its BPMN correlation properties with their values, encoded as
``prop=value&prop=value`` in name order (empty for a message without correlation properties).
A value comes from the instance's established correlations, else from the waiting task's data.
"""
import json

from sqlalchemy import delete, select

from engine.persistence.tables import MessageWait
from engine.spiff.commands import message_catchers

MESSAGE_TYPE = "MessageEventDefinition"


def correlation_key(values: dict) -> str:
    return "&".join(f"{k}={json.dumps(values[k], sort_keys=True)}" for k in sorted(values))


def waits(workflow) -> list[tuple[str, str]]:
    """(message name, correlation key) for each message the workflow is waiting for."""
    result = []
    for definition, data in message_catchers(workflow):
        if type(definition).__name__ != MESSAGE_TYPE and not hasattr(definition, "correlation_properties"):
            continue
        values = {}
        for prop in getattr(definition, "correlation_properties", []):
            values[prop.name] = _established(workflow, prop.name, data.get(prop.name))
        result.append((definition.name, correlation_key(values)))
    return result


def _established(workflow, prop_name, fallback):
    for props in workflow.correlations.values():
        if prop_name in props:
            return props[prop_name]
    return fallback


def stored(workflow, running: bool) -> frozenset:
    """The rows ``sync`` keeps for an instance in this state: taken before a step, they are what the table holds."""
    return frozenset(waits(workflow)) if running else frozenset()


def sync(session, instance_id: str, workflow, running: bool, before: frozenset) -> None:
    """Rewrite the instance's rows when the step changed what it waits for (``before``: ``stored`` of the
    state the step started from); most steps change nothing here and write nothing."""
    after = stored(workflow, running)
    if after == before:
        return
    # no session synchronisation: a step reads no MessageWait objects, and matching the session's is costly
    if before:
        session.execute(delete(MessageWait).where(MessageWait.instance_id == instance_id)
                        .execution_options(synchronize_session=False))
    for name, key in sorted(after):
        session.add(MessageWait(instance_id=instance_id, message=name, correlation_key=key))


def waiting_instances(session, name: str, correlation: dict | None) -> list[str]:
    query = select(MessageWait.instance_id).where(MessageWait.message == name)
    if correlation is not None:
        query = query.where(MessageWait.correlation_key == correlation_key(correlation))
    return sorted(set(session.scalars(query)))
