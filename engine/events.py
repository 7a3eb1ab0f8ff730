"""What a step reports happened, for the service layer to act on before the unit of work commits.

The step only records events on the unit of work (``uow.record``); ``engine.messagebus`` handles
them. So the step knows nothing of casussen, and casus chaining can start a new step without an
import cycle (the cosmicpython message-bus pattern, small).
"""
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class InstanceCompleted:
    """An instance of a casus reached its end; the casus may chain to its next cycle."""
    instance: Any          # engine.persistence.tables.ProcessInstance
    workflow: Any          # the BpmnWorkflow as it ended
    outcome: Any           # engine.spiff.runner.StepOutcome
    actor: Any             # engine.security.actors.Actor
    now: datetime


@dataclass(frozen=True)
class TimerScheduled:
    """A step set an instance's earliest due time to a new moment; a sleeping scheduler may need to wake."""
    instance_id: str
    due: datetime
