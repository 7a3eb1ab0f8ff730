"""The engine's composition root: database, clock, handlers and forms, wired once per process."""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from sqlalchemy.orm import sessionmaker

from engine import spiff_clock
from engine.clock import Clock, SystemClock
from engine.db import make_engine, make_session_factory
from engine.uow import UnitOfWork

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Runtime:
    session_factory: sessionmaker
    clock: Clock
    handlers: dict[str, Callable]
    forms_dir: Path | None = PROJECT_ROOT / "forms"
    ports: dict[str, Any] = field(default_factory=dict)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory)


def build_runtime(database_url: str, clock: Clock | None = None, handlers: dict | None = None,
                  forms_dir: Path | None = PROJECT_ROOT / "forms") -> Runtime:
    """Wire a runtime; installs the engine clock into SpiffWorkflow's timers."""
    from handlers import HANDLERS

    spiff_clock.install()
    engine = make_engine(database_url)
    return Runtime(
        session_factory=make_session_factory(engine),
        clock=clock or SystemClock(),
        handlers=dict(HANDLERS if handlers is None else handlers),
        forms_dir=forms_dir,
    )
