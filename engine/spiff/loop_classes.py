"""Which loops compaction cannot keep bounded, read from a process spec (deploy warns about them).

- A loop through a parallel or inclusive join (``joins_in_loops``): SpiffWorkflow's joins count earlier
  passes of themselves as arrived inputs, and we could not show that dropping those passes keeps every
  outcome, so such a process is not compacted at all; the depth guard stops it with an incident.
- Tokens that end on their own while the process goes on, again and again (``ended_tokens_in_loops``):
  a non-interrupting boundary event on a loop or with a cycle timer, or a parallel/inclusive split on a
  loop, whose path reaches an end event. The process's final end join merges the data of every token
  that ended, so each one is kept; the state grows by that much per pass or firing.
"""
from SpiffWorkflow.bpmn.specs.event_definitions.timer import CycleTimerEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.events.end_event import EndEvent
from SpiffWorkflow.bpmn.specs.mixins.events.intermediate_event import BoundaryEvent
from SpiffWorkflow.bpmn.specs.mixins.subworkflow_task import CallActivity, SubWorkflowTask
from SpiffWorkflow.bpmn.specs.mixins.unstructured_join import UnstructuredJoin


def embedded_specs(spec, subprocess_specs: dict) -> list:
    """The specs of the subprocesses drawn inside ``spec`` (at any depth), not those of called processes."""
    found, stack = [], [spec]
    while stack:
        for ts in stack.pop().task_specs.values():
            if isinstance(ts, SubWorkflowTask) and not isinstance(ts, CallActivity) and ts.spec in subprocess_specs:
                found.append(subprocess_specs[ts.spec])
                stack.append(subprocess_specs[ts.spec])
    return found


def joins_in_loops(spec) -> list[str]:
    """Names of the parallel/inclusive joins (gateways with several incoming flows) on a cycle of ``spec``."""
    return sorted(name for name, ts in spec.task_specs.items()
                  if _is_join(ts) and _on_cycle(ts))


def ended_tokens_in_loops(spec) -> list[str]:
    """Names of the specs that start, again and again, a token which can end on its own."""
    found = []
    for name, ts in spec.task_specs.items():
        if isinstance(ts, BoundaryEvent) and not ts.cancel_activity:
            split = ts.inputs[0]
            repeats = _on_cycle(split) or isinstance(ts.event_definition, CycleTimerEventDefinition)
            if repeats and _ends(ts.outputs, split):
                found.append(name)
        elif isinstance(ts, UnstructuredJoin) and len(ts.outputs) > 1 and _on_cycle(ts):
            if _walk(ts.outputs, ts, lambda t: isinstance(t, EndEvent), stop=_is_join):
                found.append(name)
    return sorted(found)


def _ends(starts: list, avoid) -> bool:
    """Whether an end event is reachable from ``starts`` without passing ``avoid``."""
    return _walk(starts, avoid, lambda ts: isinstance(ts, EndEvent))


def _is_join(task_spec) -> bool:
    """A branch that reaches a join merges back into the flow there instead of ending on its own."""
    return isinstance(task_spec, UnstructuredJoin) and len(task_spec.inputs) > 1


def _on_cycle(task_spec) -> bool:
    return _walk(task_spec.outputs, None, lambda ts: ts is task_spec)


def _walk(starts: list, avoid, goal, stop=lambda ts: False) -> bool:
    seen, stack = set(), list(starts)
    while stack:
        current = stack.pop()
        if goal(current):
            return True
        if current is avoid or stop(current) or current.name in seen:
            continue
        seen.add(current.name)
        stack.extend(current.outputs)
    return False
