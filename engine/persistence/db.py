"""Database connections: an embedded SQLite file by default, PostgreSQL through DATABASE_URL."""
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import sessionmaker

#: the connection a request holds (``one_connection``), with its engine
_held: ContextVar[tuple[Engine, Connection] | None] = ContextVar("levensloop_held_connection", default=None)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys and a busy timeout so writers queue, not fail."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    # pre-ping: a connection the database dropped (restart, failover) is replaced, not handed out; it costs
    # one round trip per checkout, which is why a request checks out once (``one_connection``)
    return create_engine(url, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def one_connection(engine: Engine):
    """Let every unit of work inside (one request) run on one pooled connection: one checkout and one
    pre-ping instead of one per unit of work and one more for each query after a commit. Each unit of
    work still has its own transaction; one opened while another is open on it gets its own connection."""
    if _held.get() is not None:
        yield
        return
    with engine.connect() as connection:
        token = _held.set((engine, connection))
        try:
            yield
        finally:
            _held.reset(token)


def held_connection(engine: Engine) -> Connection | None:
    """The connection ``one_connection`` holds for ``engine`` when no transaction is open on it, else None."""
    held = _held.get()
    if held is None or held[0] is not engine or held[1].in_transaction():
        return None
    return held[1]


@contextmanager
def autocommit_read(engine: Engine):
    """A connection for a read outside any transaction: on PostgreSQL one round trip instead of BEGIN, the
    read and ROLLBACK (the user behind a token, looked up before every request's step). The request's held
    connection when it is free, else one of its own."""
    held = held_connection(engine)
    with nullcontext(held) if held is not None else engine.connect() as connection, _outside_transaction(connection):
        yield connection


@contextmanager
def _outside_transaction(connection: Connection):
    # SQLite opens no transaction for a read: switching it to autocommit would only cost time
    switch = connection.dialect.name != "sqlite"
    level = connection.default_isolation_level
    if switch:
        connection.execution_options(isolation_level="AUTOCOMMIT")
    try:
        yield
    finally:
        connection.rollback()  # ends SQLAlchemy's own transaction object; the database has none open
        if switch:
            connection.execution_options(isolation_level=level)
