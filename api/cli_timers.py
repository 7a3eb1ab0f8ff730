"""``levensloop scheduler`` (the timer scheduler as its own process) and ``levensloop clock`` (demo time)."""
import logging
import signal

import click
from flask.cli import with_appcontext

from api.extension import runtime as _rt
from api.secrets_config import require_secrets
from engine.errors import EngineError
from engine.notifications import sender
from engine.timers import demo_clock, scheduler

STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


@click.command("scheduler")
@click.option("--once", is_flag=True, help="One tick (catch-up included), then stop.")
@click.option("--interval", type=float, default=None, help="Seconds between ticks (LEVENSLOOP_SCHEDULER_INTERVAL).")
@with_appcontext
def scheduler_command(once, interval):
    """Fire due timers, retry failed timer steps and send notifications (runs until stopped)."""
    require_secrets()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if once:
        report = scheduler.tick(_rt(), sender.from_environment())
        click.echo(f"Afgegaan: {report.fired}, opnieuw geprobeerd: {report.retried}, mislukt: {report.failed}, "
                   f"overgeslagen: {report.skipped}, verstuurd: {report.delivered}.")
        return
    service = scheduler.TimerScheduler(_rt(), interval, sender.from_environment())
    # Blocked before any thread starts, so every thread inherits the mask and the signal waits for sigwait:
    # a Python signal handler setting an Event could deadlock on the Event's lock held by the waiting thread.
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    service.start()
    click.echo("Planner gestart; stop met Ctrl+C of SIGTERM.")
    signal.sigwait(STOP_SIGNALS)
    service.shutdown()  # a running tick finishes its unit of work first
    click.echo("Planner gestopt.")


@click.group("clock")
def clock_group():
    """The engine clock (moving it is only allowed in demo mode)."""


@clock_group.command("show")
@with_appcontext
def clock_show():
    """Print the engine's current time."""
    click.echo(_rt().clock.now().isoformat(timespec="seconds"))


@clock_group.command("advance")
@click.argument("duration")
@with_appcontext
def clock_advance(duration):
    """Move the demo clock forward, e.g. ``30d``, ``2w``, ``12h``; refused unless LEVENSLOOP_DEMO_CLOCK=1."""
    try:
        demo_clock.require_enabled()
        moment = _rt().clock.advance(demo_clock.parse_duration(duration))
    except EngineError as err:
        raise click.ClickException(err.message) from err
    click.echo(f"Democlok staat nu op {moment.isoformat(timespec='seconds')}.")
