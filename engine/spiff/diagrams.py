"""What a diagram shows of an instance: which BPMN file draws it and which elements to highlight.

Pure functions over stored data (deployment files, serialized workflow state and the spec of its
version), so the web UI can colour a diagram without loading or running a workflow.
"""
from SpiffWorkflow.util.task import TaskState

from engine.spiff import serialization
from engine.spiff.bpmn_files import check_safe_xml
from engine.spiff.compaction import compacted_specs

CURRENT_STATES = TaskState.READY | TaskState.STARTED | TaskState.ERROR


def process_xml(files: dict[str, str], process_id: str) -> str | None:
    """The text of the .bpmn file that defines ``process_id`` (a deployment may hold several)."""
    for name in sorted(files):
        if name.endswith(".bpmn") and f'"{process_id}"' in files[name]:
            tree = check_safe_xml(name, files[name])
            if tree.xpath("//*[local-name()='process'][@id=$pid]", pid=process_id):
                return files[name]
    return None


def _is_timer(spec: dict) -> bool:
    return "Timer" in (spec.get("event_definition") or {}).get("typename", "")


def element_markers(state: dict, version_specs: str) -> dict[str, list[str]]:
    """BPMN ids of completed, current (ready/running/waiting on work) and waiting-timer elements;
    ``version_specs``: the serialized spec of the state's version."""
    state = serialization.with_spec(state, version_specs)
    completed, current, timers = set(), set(), set()
    workflows = [(state, state.get("spec", {}))]
    for sub in (state.get("subprocesses") or {}).values():
        sub_spec = sub.get("spec")
        spec = state.get("subprocess_specs", {}).get(sub_spec) if isinstance(sub_spec, str) else sub_spec
        workflows.append((sub, spec or {}))
    for workflow, spec in workflows:
        task_specs = spec.get("task_specs", {})
        for name in compacted_specs(workflow):
            completed.add(task_specs.get(name, {}).get("bpmn_id"))
        for task in workflow.get("tasks", {}).values():
            task_spec = task_specs.get(task["task_spec"], {})
            bpmn_id = task_spec.get("bpmn_id")
            if not bpmn_id:
                continue
            if task["state"] == TaskState.COMPLETED:
                completed.add(bpmn_id)
            elif task["state"] & CURRENT_STATES:
                current.add(bpmn_id)
            elif task["state"] == TaskState.WAITING:
                (timers if _is_timer(task_spec) else current).add(bpmn_id)
    completed.discard(None)
    return {"completed": sorted(completed - current - timers), "current": sorted(current),
            "timers": sorted(timers)}
