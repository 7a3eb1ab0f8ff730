"""Two real scheduler processes against one PostgreSQL database and 200 timers due at the same
moment: every timer fires exactly once (counted in the audit trail)."""
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from engine.clock import SystemClock
from engine.instances import service as instances
from engine.persistence.tables import AuditEvent
from engine.timers.demo_clock import DemoClock
from tests.conftest import ON_POSTGRES, actor

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="SQLite has no row locks: one scheduler per database")
LEVENSLOOP = os.path.join(os.path.dirname(sys.executable), "levensloop")


def test_two_scheduler_processes_fire_each_of_200_due_timers_exactly_once(rt, deploy, clock):
    deploy("timer_date.bpmn")
    ids = {instances.start(rt, "timer_date", {}, actor("procesregisseur"))["id"] for _ in range(200)}
    # the processes share a simulated time through the demo clock's offset in the database
    DemoClock(rt.session_factory).advance(clock.now() + timedelta(days=40) - SystemClock().now())
    env = {**os.environ, "DATABASE_URL": str(rt.session_factory.kw["bind"].url.render_as_string(False)),
           "LEVENSLOOP_DEMO_CLOCK": "1"}
    processes = [subprocess.Popen([LEVENSLOOP, "scheduler", "--once"], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    with rt.uow() as uow:
        counts = {chain: count for chain, count in uow.session.execute(
            select(AuditEvent.chain, func.count()).where(AuditEvent.type == "timer_fired").group_by(AuditEvent.chain))}
    assert counts == {instance_id: 1 for instance_id in ids}
    fired = [int(out.split("Afgegaan: ")[1].split(",")[0]) for out, _ in outputs]
    assert sum(fired) == 200, outputs
