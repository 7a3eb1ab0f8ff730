"""What the engine hands a service-task handler: time, identity and ports, never a session."""
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping


class HandlerError(Exception):
    """A handler refuses its input; the engine turns this into an incident.

    The incident shows the message only when it is ``shareable``: it names no value from the case,
    only fixed text and configuration (a region, an organisation). Otherwise the incident names the
    handler and the message goes to the server log, as it may repeat personal data.
    """

    def __init__(self, message: str, *, shareable: bool = False):
        super().__init__(message)
        self.shareable = shareable


@dataclass(frozen=True)
class HandlerContext:
    """The engine's view handed to a handler for one call.

    ``now`` is the engine clock (never read the wall clock in a handler: replay depends on it).
    ``ports`` holds named services the engine provides (e.g. caseload look-ups); a handler that
    needs one documents its name.
    """

    now: datetime
    instance_id: str = ""
    element: str = ""
    ports: Mapping[str, Any] = field(default_factory=dict)

    def port(self, name: str, description: str) -> Any:
        """The port ``name``; a handler cannot work without it, so its absence is a refusal."""
        found = self.ports.get(name)
        if found is None:
            raise HandlerError(f"{description} is niet beschikbaar (port '{name}').", shareable=True)
        return found
