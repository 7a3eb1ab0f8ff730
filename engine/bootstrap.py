"""The engine's composition root: database, clock, handlers, form hooks and forms, wired once per process."""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from sqlalchemy.orm import sessionmaker

from engine import messagebus
from engine.clock import Clock, SystemClock
from engine.persistence import crypto
from engine.persistence.db import make_engine, make_session_factory, one_connection
from engine.persistence.uow import UnitOfWork
from engine.process_models.version_specs import VersionSpecs
from engine.ports.wiring import database_ports, no_ports
from engine.security import scope_changes
from engine.process_models.form_hooks import FormHooks
from engine.spiff import compat
from engine.timers import demo_clock
from engine.timers.alarm import TimerAlarm

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Runtime:
    session_factory: sessionmaker
    clock: Clock
    handlers: dict[str, Callable]
    forms_dir: Path | None = PROJECT_ROOT / "forms"
    # ports(session, now) -> the handler ports of one step, bound to that step's transaction
    ports: Callable[[Any, Any], Mapping[str, Any]] = no_ports
    # the choice providers and checks forms name (engine.process_models.form_hooks)
    form_hooks: FormHooks = field(default_factory=FormHooks)
    # rung when a step of this process commits a new due time (a scheduler here subscribes)
    alarm: TimerAlarm = field(default_factory=TimerAlarm)
    # the parsed spec of each process version, which stored states refer to
    specs: VersionSpecs = field(default_factory=VersionSpecs)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory, dispatch=lambda uow: messagebus.handle(self, uow))

    def one_connection(self):
        """A context in which this runtime's units of work share one connection (one request)."""
        return one_connection(self.session_factory.kw["bind"])


def build_runtime(database_url: str, clock: Clock | None = None, handlers: dict | None = None,
                  forms_dir: Path | None = PROJECT_ROOT / "forms", ports: Callable | None = None,
                  data_keys: list[str] | None = None) -> Runtime:
    """Wire a runtime; installs the engine clock into SpiffWorkflow's timers and the key ring for
    personal data (``data_keys``, else LEVENSLOOP_DATA_KEYS). Without an explicit clock it runs on
    real time, or on the demo clock when LEVENSLOOP_DEMO_CLOCK is set."""
    from handlers import FORM_CHECKS, FORM_CHOICES, HANDLERS

    crypto.install(data_keys or crypto.keys_from_environment())
    compat.install()
    session_factory = make_session_factory(make_engine(database_url))
    scope_changes.track(session_factory)
    return Runtime(
        session_factory=session_factory,
        clock=clock or demo_clock.from_environment(session_factory) or SystemClock(),
        handlers=dict(HANDLERS if handlers is None else handlers),
        forms_dir=forms_dir,
        ports=ports or database_ports(),
        form_hooks=FormHooks(FORM_CHOICES, FORM_CHECKS),
    )
