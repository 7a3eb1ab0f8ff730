"""Compaction: drop the finished history of a workflow's task tree that no live task can reach any more.

SpiffWorkflow keeps every task it ever ran; a BPMN loop therefore grows the tree by one chain per pass
until its iterator (max depth 1000) stops seeing tasks. After each step the runner rewrites the tree
with rules that depend only on its structure, so a replay of the same commands rewrites it alike and
the canonical hashes still match. What is kept, and why:

- every live task (anything not completed or cancelled) and the path from the root to it;
- the last completed task (``last_task``: the data of a finished workflow) and its path;
- the last completed task of each end event: how an instance ended (``engine.casus.endings``: chain_to,
  casus_status, the data carried over) is read from them when it completes;
- the last completed task of each subprocess or call activity, with its subprocess (what it did);
- while a parallel or inclusive join still has a live task, every task of that join and its path:
  the join counts its finished siblings' parents as arrived inputs and merges their data;
- the nearest ancestor of a live task for every split a structured join looks up
  (``find_ancestor``: boundary events, multiple start events), with its direct children;
- the direct children of every live task (a multi-instance task counts and merges its instances);
- the parent of every live task and of every join task (data is inherited from it, joins read it).

A process whose loop runs through a parallel or inclusive join is not compacted at all; see
``engine.spiff.loop_classes`` for it and for the loops whose ended tokens must be kept.

Everything else is pruned; a finished task with one finished child that no rule protects is
spliced out of its chain. The completed elements that were dropped are remembered on the root task
(``COMPACTED_KEY``), so a diagram still colours them. The audit trail keeps the full history.
"""
from contextlib import contextmanager
from contextvars import ContextVar

from SpiffWorkflow.bpmn.specs.mixins.events.end_event import EndEvent
from SpiffWorkflow.bpmn.specs.mixins.subworkflow_task import SubWorkflowTask
from SpiffWorkflow.bpmn.specs.mixins.unstructured_join import UnstructuredJoin
from SpiffWorkflow.specs.Join import Join
from SpiffWorkflow.util.task import TaskState

from engine.spiff.loop_classes import joins_in_loops

# Recorded with each step's command: a replay compacts exactly when the live step did, by the same rules.
# Raise it when the rules change, and keep the old ones for recorded trails.
RULES_VERSION = 1
COMMAND_KEY = "compaction"
COMPACTED_KEY = "levensloop_compacted_specs"
DONE = TaskState.COMPLETED | TaskState.CANCELLED
DROPPED = "compacted"

_enabled: ContextVar[bool] = ContextVar("levensloop_compaction", default=True)


@contextmanager
def disabled():
    """Steps started inside run without compaction (to compare outcomes, or to test the depth guard)."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


def mark(command: dict) -> dict:
    """The command as a live step records it: with the compaction rules it runs under, if any."""
    return {**command, COMMAND_KEY: RULES_VERSION} if _enabled.get() else command


def compacted_specs(state: dict) -> list[str]:
    """Task spec names of the completed tasks compaction dropped from a serialized (sub)workflow."""
    root = state.get("tasks", {}).get(state.get("root"), {})
    return list((root.get("internal_data") or {}).get(COMPACTED_KEY, []))


def compact(workflow, command: dict) -> None:
    """Compact the top workflow and each subprocess, if ``command`` was recorded with compaction."""
    if command.get(COMMAND_KEY) != RULES_VERSION:
        return
    _compact_tree(workflow, workflow)
    for sub_id in list(workflow.subprocesses):
        sub = workflow.subprocesses.get(sub_id)
        if sub is not None:
            _compact_tree(workflow, sub)


def _compact_tree(top, workflow) -> None:
    if joins_in_loops(workflow.spec):
        return
    tasks = workflow.tasks
    live = [t for t in tasks.values() if not t.has_state(DONE)]
    if not live:
        return  # a finished workflow keeps what it has: its tree no longer grows
    keep, held = _kept(workflow, live)
    root = workflow.task_tree
    dropped = [t for t in tasks.values() if t.id not in keep]
    for task in dropped:
        _forget(top, workflow, task)
    for task_id in keep:
        task = tasks[task_id]
        task._children = [c for c in task._children if c in keep]
    dropped += [t for t in _walk(root) if _splice_if_redundant(top, workflow, t, held)]
    present = {str(task_id) for task_id in tasks}
    for task in tasks.values():
        _scrub_merged(task, present)
    remembered = set(root.internal_data.get(COMPACTED_KEY, []))
    remembered.update(t.task_spec.name for t in dropped if t.state == TaskState.COMPLETED)
    if remembered:
        root.internal_data[COMPACTED_KEY] = sorted(remembered)


def _kept(workflow, live: list) -> tuple[set, set]:
    """Ids of the tasks to keep, and of those that may not be spliced out of a chain (``held``)."""
    keep: set = set()
    held = {workflow.task_tree.id}

    def hold(task):
        held.add(task.id)
        while task is not None and task.id not in keep:
            keep.add(task.id)
            task = task.parent

    for task in live:
        hold(task)
        for child in task.children:  # a multi-instance task counts and merges its finished instances
            hold(child)
    if workflow.last_task is not None:
        hold(workflow.last_task)
    for task in _latest_of_each(workflow, (EndEvent, SubWorkflowTask)):
        hold(task)
    open_joins = {t.task_spec.name for t in live if isinstance(t.task_spec, UnstructuredJoin)}
    for task in workflow.tasks.values():
        if task.task_spec.name in open_joins:
            hold(task)
    for split in _nearest_splits(workflow, live):
        hold(split)
        for child in split.children:
            hold(child)
    for task_id in list(keep):
        task = workflow.tasks[task_id]
        if task.parent is not None and (not task.has_state(DONE) or isinstance(task.task_spec, Join)):
            held.add(task.parent.id)
    return keep, held


def _latest_of_each(workflow, kinds: tuple) -> list:
    """The last completed task of each spec of ``kinds`` (in SpiffWorkflow's own order, ``last_state_change``)."""
    latest = {}
    done = [t for t in workflow.tasks.values() if t.state == TaskState.COMPLETED and isinstance(t.task_spec, kinds)]
    for task in sorted(done, key=lambda t: t.last_state_change):
        latest[task.task_spec.name] = task
    return list(latest.values())


def _nearest_splits(workflow, live: list) -> list:
    """For each split a structured join finds by name, its nearest ancestor-or-self of every live task."""
    names = {ts.split_task for ts in workflow.spec.task_specs.values()
             if isinstance(ts, Join) and getattr(ts, "split_task", None)}
    found = {}
    for task in live:
        seen = set()
        current = task
        while current is not None:
            name = current.task_spec.name
            if name in names and name not in seen:
                seen.add(name)
                found[current.id] = current
            current = current.parent
    return list(found.values())


def _walk(root):
    """Tasks in depth-first order (a snapshot, so splicing while walking is safe)."""
    order, stack = [], [root]
    while stack:
        task = stack.pop()
        order.append(task)
        stack.extend(reversed(task.children))
    return order


def _splice_if_redundant(top, workflow, task, held: set) -> bool:
    """Replace a finished task that has one finished child by that child in its parent's children."""
    if task.id in held or task.parent is None or not task.has_state(DONE) or len(task._children) != 1:
        return False
    child = task.children[0]
    if not child.has_state(DONE) or isinstance(child.task_spec, Join):
        return False
    parent = task.parent
    parent._children[parent._children.index(task.id)] = child.id
    child._parent = parent.id
    _forget(top, workflow, task)
    return True


def _scrub_merged(task, present: set[str]) -> None:
    """A finished multi-instance task lists its instances' ids (``merged``); only their number is read
    again, so dropped ones become a fixed placeholder and the state stays free of random ids."""
    merged = task.internal_data.get("merged")
    if merged and task.has_state(DONE):
        task.internal_data["merged"] = [i if i in present else DROPPED for i in merged]


def _forget(top, workflow, task) -> None:
    """Remove a task from its workflow, with the finished subprocess it ran (and theirs)."""
    workflow.tasks.pop(task.id, None)
    _drop_subprocess(top, task.id)


def _drop_subprocess(top, task_id) -> None:
    sub = top.subprocesses.pop(task_id, None)
    if sub is not None:
        for nested_id in [k for k in top.subprocesses if k in sub.tasks]:
            _drop_subprocess(top, nested_id)
