"""Move a running workflow onto another spec: SpiffWorkflow's diff utilities plus the checks they leave out.

The same ``migrate`` serves a dry run, the live step and replay, so a replay crosses a migration by
doing it again. What SpiffWorkflow 3.2.0's ``SpiffWorkflow.bpmn.util.diff`` gives and what we add:

- ``SpecDiff`` + ``WorkflowDiff`` align old task specs with new ones, by BPMN id and then by structure,
  for the workflow and each running subprocess (as ``diff_workflow`` does, which we do not call because
  it drops the ``SpecDiff``, whose changed attributes we need). We use them as they are; which of the
  instance's *live* tasks it reports removed or changed is what decides. It does not say whether that is
  safe: a live task whose element is gone or became another kind, or a waiting event whose definition
  changed, is refused here with a Dutch reason.
- ``migrate_workflow`` swaps the specs and, by default, resets the READY and WAITING branches so their
  futures are predicted from the new spec. Resetting a waiting event clears its internal data: a timer's
  due time would restart at the migration, and a cycle timer already past its start fires again at once.
  So we reset only READY branches; a waiting task keeps its state and, if its predicted future holds a
  step that is gone, only that future is predicted again. A task outside those branches whose spec has no
  counterpart (a completed step that was removed) keeps the old spec and could not be loaded against the
  new one — we refuse then.
- Its ``SpecDiff`` names changes as serializer attributes, not BPMN elements a process owner knows; the
  report of what changed between versions comes from ``engine.process_models.diff`` instead.
"""
from dataclasses import dataclass, field

from SpiffWorkflow.bpmn.util.diff import SpecDiff, WorkflowDiff, migrate_workflow
from SpiffWorkflow.util.task import TaskState

from engine.clock import Clock, clock_scope
from engine.spiff.serialization import serializer

LIVE = TaskState.READY | TaskState.WAITING | TaskState.STARTED | TaskState.ERROR


@dataclass
class Migration:
    """The outcome of moving a workflow: why not (``reasons``, Dutch), else the element mapping of its live tasks."""

    reasons: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)

    @property
    def possible(self) -> bool:
        return not self.reasons


def _label(task) -> str:
    spec = task.task_spec
    name = getattr(spec, "bpmn_name", None)
    element = getattr(spec, "bpmn_id", None) or spec.name
    return f"'{name}' ({element})" if name else f"'{element}'"


def _live(tasks) -> list:
    return [t for t in tasks if t.has_state(LIVE)]


def _reasons_of(diff, spec_diff, target: str) -> list[str]:
    """Why the live tasks of one (sub)workflow cannot follow ``spec_diff``."""
    reasons = []
    for task in _live(diff.removed):
        reasons.append(f"Stap {_label(task)} staat open, maar bestaat niet in {target}.")
    for task in _live(diff.changed):
        changes = spec_diff.changed.get(task.task_spec, [])
        if "typename" in changes:
            reasons.append(f"Stap {_label(task)} staat open, maar is in {target} een ander soort element.")
        elif task.has_state(TaskState.WAITING) and "event_definition" in changes:
            reasons.append(f"De zaak wacht bij {_label(task)} op een gebeurtenis die in {target} anders is "
                           "gedefinieerd (timer of bericht gewijzigd).")
    return reasons


def _orphaned(task) -> bool:
    """Whether the task points at a spec its workflow no longer has."""
    return task.workflow.spec.task_specs.get(task.task_spec.name) is not task.task_spec


def _repredict_waiting(workflow) -> None:
    """A waiting task whose predicted future holds a step that is gone: predict that future again."""
    for task in workflow.get_tasks(state=TaskState.WAITING):
        if any(_orphaned(t) for t in task):
            task.task_spec._predict(task, mask=TaskState.WAITING | TaskState.PREDICTED_MASK)


def migrate(workflow, spec, subprocess_specs: dict, target: str, clock: Clock) -> Migration:
    """Move ``workflow`` (a loaded copy) onto ``spec``; when ``reasons`` are returned, discard the copy.

    ``target`` names the new version in the reasons ("versie 3"); ``clock`` is the step's, since resetting
    a branch may evaluate timer expressions.
    """
    if spec.name != workflow.spec.name:
        return Migration([f"{target.capitalize()} is van een ander proces ({spec.name}) dan deze zaak "
                          f"({workflow.spec.name})."])
    registry = serializer().registry
    pairs, reasons = [], []
    for wf, new_spec in [(workflow, spec)] + [(sub, subprocess_specs.get(sub.spec.name))
                                             for sub in workflow.subprocesses.values()]:
        if new_spec is None:
            reasons.append(f"Het deelproces '{wf.spec.name}' waarin deze zaak loopt, bestaat niet in {target}.")
            continue
        spec_diff = SpecDiff(registry, wf.spec, new_spec)
        diff = WorkflowDiff(wf, spec_diff)
        reasons += _reasons_of(diff, spec_diff, target)
        pairs.append((wf, new_spec, diff))
    if reasons:
        return Migration(reasons)
    mapping = {t.task_spec.bpmn_id: diff.alignment[t].bpmn_id for _, _, diff in pairs
               for t in _live(diff.alignment) if getattr(t.task_spec, "bpmn_id", None)}
    with clock_scope(clock):
        for wf, new_spec, diff in pairs:
            migrate_workflow(diff, wf, new_spec, reset_mask=TaskState.READY)
        workflow.subprocess_specs = subprocess_specs
        _repredict_waiting(workflow)
    orphans = dict.fromkeys(_label(t) for t in workflow.get_tasks() if _orphaned(t))
    if orphans:
        return Migration([f"Stap {label} hoort bij deze zaak (doorlopen of verwacht), maar bestaat niet in {target}; "
                          "de zaak zou daarna niet meer te laden zijn." for label in orphans])
    return Migration(mapping=dict(sorted(mapping.items())))

