"""Helpers for engine tests: a worker without special rights, and moving an instance by element id."""
import pytest

from engine.instances import queries
from engine.instances import service as instances
from tests.conftest import actor

WORKER = actor("aanmelder")
#: who resolves incidents: the procesregisseur of the case's region
RESOLVER = actor("procesregisseur")


def ready(view: dict) -> list[str]:
    """Element ids of the ready user tasks in an instance view, sorted."""
    return sorted(t["element"] for t in view["ready_tasks"])


@pytest.fixture
def complete(rt):
    """Complete the ready task with this element id; returns the instance view afterwards."""

    def _complete(view: dict, element: str, data: dict | None = None, by=WORKER) -> dict:
        current = queries.get_instance(rt, view["id"], by)
        [task] = [t for t in current["ready_tasks"] if t["element"] == element]
        return instances.complete_task(rt, task["id"], data or {}, by)

    return _complete
