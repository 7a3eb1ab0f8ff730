"""PostgreSQL LISTEN for due times committed by other processes (API workers, the CLI, other schedulers).

A dedicated autocommit connection, outside the pool, waits for ``NOTIFY levensloop_timers`` and rings
the scheduler's alarm with the due time in the payload. When the connection drops it reconnects;
what was notified meanwhile is found by the scheduler's safety-net tick.
"""
import logging
import threading
from datetime import datetime

import psycopg
from sqlalchemy.engine import URL

from engine.timers.alarm import CHANNEL, TimerAlarm

log = logging.getLogger(__name__)
RECONNECT_SECONDS = 5.0
POLL_SECONDS = 0.5  # how soon ``stop`` is noticed


def conninfo(url: URL) -> str:
    """A libpq URI for the SQLAlchemy URL (``postgresql+psycopg://…`` → ``postgresql://…``)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class NotifyListener:
    """A daemon thread LISTENing on ``CHANNEL``; ``listening`` is set while it is subscribed."""

    def __init__(self, url: URL, alarm: TimerAlarm):
        self._conninfo, self._alarm = conninfo(url), alarm
        self._stop = threading.Event()
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="levensloop-timer-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=POLL_SECONDS * 4)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    self._relay(connection)
            except psycopg.Error as err:
                log.warning("timer LISTEN connection lost (%s); reconnecting in %.0f s", err, RECONNECT_SECONDS)
            finally:
                self.listening.clear()
            self._stop.wait(RECONNECT_SECONDS)

    def _relay(self, connection) -> None:
        while not self._stop.is_set():
            for notice in connection.notifies(timeout=POLL_SECONDS):
                try:
                    due = datetime.fromisoformat(notice.payload)
                except ValueError:
                    log.warning("ignored timer notification %r", notice.payload)
                    continue
                self._alarm.ring(due)
