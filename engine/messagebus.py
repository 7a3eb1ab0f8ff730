"""Handle the events a step recorded, inside the same unit of work, before it commits."""
from dataclasses import replace

from engine.casus import chain
from engine.clock import FixedClock
from engine.events import InstanceCompleted, TimerScheduled
from engine.timers import alarm


def _chain_cycle(rt, uow, event: InstanceCompleted) -> None:
    chain.on_completed(replace(rt, clock=FixedClock(event.now)), uow, event.instance, event.workflow,
                       event.outcome, event.actor, event.now)


def _announce_timer(rt, uow, event: TimerScheduled) -> None:
    alarm.announce(rt.alarm, uow, event.due)


HANDLERS = {InstanceCompleted: [_chain_cycle], TimerScheduled: [_announce_timer]}


def handle(rt, uow) -> None:
    """Run every handler for every event recorded so far, including events the handlers record."""
    while uow.events:
        event = uow.events.pop(0)
        for handler in HANDLERS[type(event)]:
            handler(rt, uow, event)
