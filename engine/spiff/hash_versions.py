"""The versioned state hash an audit event records (``audit_events.state_hash_version``).

Version 1 (NULL in the trail) hashed the canonical form of SpiffWorkflow's own serialization, spec
and serializer version included (``engine.spiff.canonical``), so a library upgrade turned every
trail "diverged"; it is kept so trails recorded with it verify and replay. Version 2 hashes a
projection of what the workflow holds: its process version id, its data, and each task's element,
state name and tree position with the data it changed against its parent. Task ids, timestamps,
the spec and the serializer's layout are not in it.
"""
from SpiffWorkflow.util.task import TaskState

from engine.spiff import canonical, serialization

V1 = 1
V2 = 2
CURRENT = V2


def version_of(recorded: int | None) -> int:
    """The hash version of an event: events recorded before versioning carry NULL, which is version 1."""
    return recorded or V1


def projection(workflow, version_id: int) -> dict:
    """What hash version 2 covers (see the module docstring)."""
    rows: list[list] = []
    positions: dict = {}
    sub_data: dict[int, dict] = {}

    def walk(root, parent_position) -> None:
        stack = [(root, parent_position, {})]
        while stack:
            task, parent, parent_data = stack.pop()
            positions[task.id] = len(rows)
            rows.append([parent, task.task_spec.name, TaskState.get_name(task.state), _changes(parent_data, task.data)])
            stack.extend((child, positions[task.id], task.data) for child in reversed(task.children))

    walk(workflow.task_tree, None)
    pending = dict(workflow.subprocesses)
    while pending:  # subprocesses in the order of the tasks that started them, as in version 1
        ready = sorted((positions[k], k) for k in pending if k in positions)
        if not ready:
            break  # a subprocess no task of the tree started: nothing a step can reach, left out
        position, parent_id = ready[0]
        sub = pending.pop(parent_id)
        sub_data[position] = sub.data
        walk(sub.task_tree, position)
    return {"process_version": version_id, "data": workflow.data, "subprocess_data": sub_data, "tasks": rows}


def _changes(before: dict, after: dict) -> dict:
    return {"set": {k: v for k, v in after.items() if k not in before or before[k] != v},
            "unset": sorted(k for k in before if k not in after)}


def hash_v2(workflow, version_id: int) -> str:
    return canonical.digest(projection(workflow, version_id))


def hash_v1(state: dict, version_specs: str) -> str:
    """Version 1 of a state: over its serialization with the spec embedded, as states were stored then."""
    return canonical.state_hash(serialization.with_spec(state, version_specs))
