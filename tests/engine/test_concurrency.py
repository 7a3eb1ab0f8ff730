"""Two workers complete the same task at the same moment: one wins, the other gets a Conflict,
and the audit trail records exactly one completion (optimistic locking on the instance row)."""
import threading

import pytest

from engine.errors import Conflict
from engine.instances import queries
from engine.instances import service as instances
from tests.conftest import ON_POSTGRES
from tests.engine.conftest import WORKER

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES, reason="SQLite serialises writers on one file lock; concurrent steps need PostgreSQL "
                            "(run with DATABASE_URL=postgresql+psycopg://...)")


def race(rt, task_id: str) -> list:
    """Complete ``task_id`` from two threads released together; returns each thread's outcome."""
    barrier = threading.Barrier(2)
    outcomes = [None, None]

    def worker(slot: int) -> None:
        barrier.wait()
        try:
            outcomes[slot] = instances.complete_task(rt, task_id, {"door": slot}, WORKER)["status"]
        except Exception as err:  # the test inspects what each thread got
            outcomes[slot] = err

    threads = [threading.Thread(target=worker, args=(slot,)) for slot in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.parametrize("attempt", range(8))
def test_simultaneous_completion_gives_one_success_and_one_conflict(rt, deploy, attempt):
    deploy("gw_exclusive.bpmn", "door-schema.json")
    view = instances.start(rt, "gw_exclusive", {"score": 1}, WORKER)
    outcomes = race(rt, view["ready_tasks"][0]["id"])
    assert sorted(map(type, outcomes), key=str) == sorted([str, Conflict], key=str), outcomes
    trail = queries.events(rt, view["id"], WORKER)
    assert [e["type"] for e in trail] == ["started", "task_completed"]
    winner = outcomes.index("completed")
    assert queries.get_instance(rt, view["id"], WORKER)["data"]["door"] == winner
