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


def test_the_job_runs_at_once_for_catch_up_with_the_interval_as_a_safety_net(rt):
    built = scheduler.TimerScheduler(rt, interval=30)
    [job] = built.scheduler.get_jobs()
    assert isinstance(built.scheduler, BackgroundScheduler) and not built.scheduler.running  # never implicit
    assert (job.trigger.interval, job.coalesce, job.misfire_grace_time) == (timedelta(seconds=30), True, None)
    assert job.next_run_time is not None
