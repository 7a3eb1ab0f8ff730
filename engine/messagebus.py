"""Handle the events a step recorded, inside the same unit of work, before it commits."""
from dataclasses import replace

from engine.casus import chain
from engine.clock import FixedClock
from engine.events import InstanceCompleted


def _chain_cycle(rt, uow, event: InstanceCompleted) -> None:
    chain.on_completed(replace(rt, clock=FixedClock(event.now)), uow, event.instance, event.workflow,
                       event.outcome, event.actor, event.now)


HANDLERS = {InstanceCompleted: [_chain_cycle]}


def handle(rt, uow) -> None:
    """Run every handler for every event recorded so far, including events the handlers record."""
    while uow.events:
        event = uow.events.pop(0)
        for handler in HANDLERS[type(event)]:
            handler(rt, uow, event)
