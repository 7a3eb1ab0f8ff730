"""What a process owner declares on an end event for the casus, and how an instance ended.

An end event may carry spiff properties: ``chain_to`` (a process id: continue the casus in a new
instance of its newest version), ``carry_over`` (comma-separated variables copied into it) and
``casus_status`` (the casus's status once an instance ends there).
"""
from dataclasses import dataclass, field

from SpiffWorkflow.bpmn.specs.mixins.events.end_event import EndEvent
from SpiffWorkflow.util.task import TaskState

CASUS_STATUSES = ("aangemeld", "geincludeerd", "in_zorg", "overgedragen", "afgesloten")


@dataclass(frozen=True)
class Ending:
    """How the top workflow ended: the last completed end event declaring each property wins."""

    chain_to: str | None = None
    carry_over: tuple[str, ...] = ()
    casus_status: str | None = None
    element: str | None = None  # the end event that chains
    data: dict = field(default_factory=dict)  # the data at that end event


def _properties(task_spec) -> dict:
    return getattr(task_spec, "extensions", {}).get("properties", {})


def carry_over_names(value: str | None) -> tuple[str, ...]:
    return tuple(name.strip() for name in (value or "").split(",") if name.strip())


def ending(workflow) -> Ending:
    """Read the completed end events of the top workflow (not of its subprocesses)."""
    ends = [t for t in workflow.get_tasks(state=TaskState.COMPLETED) if isinstance(t.task_spec, EndEvent)]
    ends.sort(key=lambda t: t.last_state_change)
    chaining = [t for t in ends if _properties(t.task_spec).get("chain_to")]
    statuses = [_properties(t.task_spec)["casus_status"] for t in ends if _properties(t.task_spec).get("casus_status")]
    if not chaining:
        return Ending(casus_status=statuses[-1] if statuses else None)
    last = chaining[-1]
    props = _properties(last.task_spec)
    return Ending(chain_to=props["chain_to"].strip(), carry_over=carry_over_names(props.get("carry_over")),
                  casus_status=statuses[-1] if statuses else None, element=last.task_spec.bpmn_id, data=last.data)


def problems(spec) -> list[dict]:
    """Deploy-time check: an unknown casus status or a malformed variable name on an end event."""
    found = []
    for task_spec in spec.task_specs.values():
        if not isinstance(task_spec, EndEvent):
            continue
        props = _properties(task_spec)
        status = props.get("casus_status")
        if status is not None and status not in CASUS_STATUSES:
            found.append({"element": task_spec.bpmn_id,
                          "message": f"onbekende casus_status '{status}' (kies uit {', '.join(CASUS_STATUSES)})"})
        bad = [name for name in carry_over_names(props.get("carry_over")) if not name.isidentifier()]
        if bad:
            found.append({"element": task_spec.bpmn_id,
                          "message": f"carry_over bevat ongeldige variabelenamen: {', '.join(bad)}"})
    return [{"file": spec.file, "process": spec.name, **p} for p in found]
