"""The data a stored workflow carries, read from its serialized state without running it."""
from SpiffWorkflow.util.task import TaskState

from engine.persistence.tables import ProcessInstance

LIVE_STATES = TaskState.READY | TaskState.WAITING | TaskState.STARTED | TaskState.ERROR


def process_data(instance: ProcessInstance) -> dict:
    """The data the process carries now: that of its live tasks, else of the last completed one."""
    return state_data(instance.state or {})


def state_data(state: dict) -> dict:
    """The data a serialized workflow state carries (also used for a replayed past state)."""
    tasks = state.get("tasks", {})
    data = dict(state.get("data", {}))
    live = [task_id for task_id, t in tasks.items() if t["state"] & LIVE_STATES]
    for task_id in live or [state.get("last_task")]:
        data.update(stored_task_data(tasks, task_id))
    return data


def task_data(state: dict, task_id: str) -> dict:
    """One task's data, looked up in the workflow and its subprocesses."""
    for tasks in [state.get("tasks", {})] + [s.get("tasks", {}) for s in state.get("subprocesses", {}).values()]:
        if task_id in tasks:
            return stored_task_data(tasks, task_id)
    return {}


def stored_task_data(tasks: dict, task_id: str | None) -> dict:
    """A task's data from serialized state, where SpiffWorkflow keeps only each task's changes
    against its parent (``delta``) and full data only at the root."""
    chain = []
    while task_id in tasks:
        chain.append(tasks[task_id])
        task_id = tasks[task_id]["parent"]
    data: dict = {}
    for task in reversed(chain):
        delta = task.get("delta")
        if not delta or task["parent"] is None:
            data = dict(task.get("data", {}))
            continue
        data.update(delta.get("updates", {}))
        for key in delta.get("deletions", []):
            data.pop(key, None)
    return data
