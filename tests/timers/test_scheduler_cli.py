"""``levensloop scheduler --once`` fires what is due; the APScheduler job is paced and never overlaps."""
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from engine.instances import service as instances
from engine.timers import scheduler
from tests.conftest import actor
from tests.timers.conftest import stored


def test_scheduler_once_fires_the_due_timers(app, rt, deploy, clock):
    deploy("timer_date.bpmn")
    instance = instances.start(rt, "timer_date", {}, actor("procesregisseur"))["id"]
    clock.set(stored(rt, instance).timer_due + timedelta(seconds=1))
    result = app.test_cli_runner().invoke(args=["scheduler", "--once"])
    assert result.exit_code == 0, result.output
    assert "Afgegaan: 1," in result.output
    assert stored(rt, instance).status == "completed"


def test_the_job_runs_at_once_for_catch_up_then_every_interval_without_overlap(rt):
    built = scheduler.build(rt, blocking=False, interval=30)
    [job] = built.get_jobs()
    assert isinstance(built, BackgroundScheduler) and not built.running  # never started implicitly
    assert (job.trigger.interval, job.max_instances, job.coalesce) == (timedelta(seconds=30), 1, True)
    assert job.func is scheduler.tick and job.next_run_time is not None
